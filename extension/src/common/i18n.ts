/** The extension's language (the settings' choice wins, then the browser's) and its words, from the shared books. */
import { COMMON_WORDS } from '../../../shared/i18n/books/common.ts';
import { EXTENSION_WORDS } from '../../../shared/i18n/books/extension.ts';
import { formatDuration as duration, translator } from '../../../shared/i18n/translate.ts';
import { describeError, localeFrom, pick, type LocalText, type Locale } from '../../../shared/index.ts';

const messages = { ...COMMON_WORDS, ...EXTENSION_WORDS };

export type MessageKey = keyof typeof messages;

let current: Locale = localeFrom(typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? [navigator.language])]);

export function setExtLocale(l: Locale | null): void {
  if (l) current = l;
}

export function locale(): Locale {
  return current;
}

/** The popup's, overlay's and worker's words (the console's `t` adds its own book: console/words.ts). */
export const t = translator(messages, () => current);

export function tx(text: LocalText | null | undefined): string {
  return text ? pick(text, current) : '';
}

export function formatDuration(ms: number): string {
  return duration(ms, current);
}

/** HH:MM, in the estate's time zone when given (slots are estate wall-clock times, wherever the browser is). */
export function clock(at: number, timeZone?: string): string {
  return new Date(at).toLocaleTimeString(current, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
}

/** What went wrong, in the user's language: the server's refusal by its code, an unreachable server, or a local error. */
export function errorText(e: unknown): string {
  return describeError(e, locale());
}
