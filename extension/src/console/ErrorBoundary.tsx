import { Component, type ComponentChildren } from 'preact';
import { t } from './words.ts';

/** A page that throws shows its error instead of a blank console. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error: string | null }> {
  override state = { error: null as string | null };
  static override getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    return this.state.error ? (
      <p class="error pad" role="alert">
        {t('error')}: {this.state.error}
      </p>
    ) : (
      this.props.children
    );
  }
}
