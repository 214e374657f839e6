/**
 * The overlay on sites the supervisor opted into: a small draggable pill "N overdue · M due" that
 * expands into the same lists as the popup. It lives in an open shadow root (the page's CSS cannot
 * reach it, and it cannot reach the page), renders user text only as text, never sees the token,
 * and owns its lifetime through one AbortController.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import type { Alerts } from '../../../shared/index.ts';
import { OverlayPush } from '../common/messages.ts';
import { t, setExtLocale } from '../common/i18n.ts';
import type { Totals } from '../common/state.ts';
import { AlertLists } from '../ui/AlertLists.tsx';
import listsCss from '../ui/lists.css?inline';
import overlayCss from './overlay.css?inline';

interface View {
  ok: true;
  connection: string;
  lastOkAt: number | null;
  totals: Totals;
  estates: { name: { zh: string; en: string }; alerts: Alerts }[];
  locale: 'zh-CN' | 'en' | null;
}
interface Ui {
  x: number;
  y: number;
  collapsed: boolean;
}

const HOST_ID = 'pqm-overlay-host';
const controller = new AbortController();
const alive = () => Boolean(chrome.runtime?.id);

async function fetchView(): Promise<View | null> {
  if (!alive()) return null;
  const reply = (await chrome.runtime.sendMessage({ type: 'overlay:get' }).catch(() => null)) as View | { ok: false } | null;
  return reply?.ok ? reply : null;
}

function Overlay({ initial, onGone }: { initial: View; onGone: () => void }) {
  const [view, setView] = useState(initial);
  const [ui, setUi] = useState<Ui>({ x: 24, y: 24, collapsed: true });
  const drag = useRef<{ dx: number; dy: number; moved: boolean } | null>(null);

  useEffect(() => {
    void chrome.storage.local.get('overlayUi').then(({ overlayUi }) => overlayUi && setUi(overlayUi as Ui));
    const onMessage = (m: unknown, sender: chrome.runtime.MessageSender) => {
      // Only our own worker may tell us to refresh; the payload is fetched, never taken from the push.
      if (sender.id !== chrome.runtime.id || !v.is(OverlayPush, m)) return;
      void fetchView().then((v) => (v ? setView(v) : onGone()));
    };
    chrome.runtime.onMessage.addListener(onMessage);
    controller.signal.addEventListener('abort', () => chrome.runtime.onMessage.removeListener(onMessage));
  }, []);

  const save = (next: Ui) => {
    setUi(next);
    if (alive()) void chrome.storage.local.set({ overlayUi: next });
  };
  const onPointerDown = (e: PointerEvent) => {
    drag.current = { dx: e.clientX - ui.x, dy: e.clientY - ui.y, moved: false };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag.current) return;
    drag.current.moved = true;
    setUi((u) => ({
      ...u,
      x: Math.max(0, Math.min(innerWidth - 80, e.clientX - drag.current!.dx)),
      y: Math.max(0, Math.min(innerHeight - 40, e.clientY - drag.current!.dy)),
    }));
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved) save(ui);
    else save({ ...ui, collapsed: !ui.collapsed });
  };

  setExtLocale(view.locale);
  const offline = view.connection !== 'ok';
  return (
    <div class={`panel ${ui.collapsed ? 'collapsed' : 'open'}`} style={{ left: `${ui.x}px`, top: `${ui.y}px` }}>
      <button
        type="button"
        class={`pill sev-${view.totals.worst ?? 'none'} ${offline ? 'offline' : ''}`}
        data-testid="overlay-pill"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        {offline ? t('serverUnreachable') : `${view.totals.overdue} ${t('overdue')} · ${view.totals.due} ${t('due')}`}
      </button>
      {!ui.collapsed && !offline ? (
        <div class="body" data-testid="overlay-lists">
          <AlertLists
            estates={view.estates}
            now={Date.now()}
            actions={false}
            onIssue={(i) => void chrome.runtime.sendMessage({ type: 'overlay:open', issueId: i.id })}
          />
        </div>
      ) : null}
    </div>
  );
}

async function mount(): Promise<void> {
  if (document.getElementById(HOST_ID)) return;
  const view = await fetchView();
  if (!view) return;
  // A tag of our own that no page selector targets, with inline !important styles that beat the page's.
  const host = document.createElement('pqm-overlay');
  host.id = HOST_ID;
  for (const [k, v] of Object.entries({
    all: 'initial',
    display: 'block',
    position: 'fixed',
    inset: '0 auto auto 0',
    width: '0',
    height: '0',
    'z-index': '2147483646',
  }))
    host.style.setProperty(k, v, 'important');
  // Closed: the host page's scripts get no handle on the supervisor's lists (host.shadowRoot is null).
  // Assistive tools still read it through the accessibility tree.
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `${overlayCss}\n${listsCss}`;
  root.append(style);
  const mountPoint = document.createElement('div');
  root.append(mountPoint);
  // Keys typed in the overlay must not trigger the page's own shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress'])
    root.addEventListener(type, (e) => e.stopPropagation(), { signal: controller.signal });
  document.documentElement.append(host);
  const gone = () => {
    controller.abort();
    render(null, mountPoint);
    host.remove();
  };
  render(<Overlay initial={view} onGone={gone} />, mountPoint);
  // When the extension is reloaded or removed, this script is orphaned: clean up.
  const timer = setInterval(() => {
    if (!alive()) gone();
  }, 5000);
  controller.signal.addEventListener('abort', () => clearInterval(timer));
}

void mount();
