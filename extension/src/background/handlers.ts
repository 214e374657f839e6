/**
 * Runtime messages: validated against one schema, and checked for who sent them.
 * Extension pages (popup, console) may sign in, act and change settings. A content script may only
 * read the overlay view, and only from a site the supervisor opted into.
 */
import { API, parse } from '../../../shared/index.ts';
import { call } from '../common/api.ts';
import { Message, type Reply } from '../common/messages.ts';
import { loadSettings, loadState, saveSettings, totals } from '../common/state.ts';
import { isOverlaySite, setOverlaySite } from './overlay-sites.ts';
import { poll, schedule } from './poll.ts';
import { signIn, signOut } from './session.ts';

const EXTENSION_ORIGIN = `chrome-extension://${chrome.runtime.id}`;

/** Popup and console pages have our own chrome-extension:// URL; content scripts carry the page's URL. */
function fromExtensionPage(sender: chrome.runtime.MessageSender): boolean {
  return (sender.url ?? '').startsWith(`${EXTENSION_ORIGIN}/`);
}

export async function handle(raw: unknown, sender: chrome.runtime.MessageSender): Promise<Reply> {
  if (sender.id !== chrome.runtime.id) return { ok: false, error: 'unknown sender' };
  const parsed = parse(Message, raw);
  if (!parsed.ok) return { ok: false, error: `invalid message: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
  const m = parsed.value;

  if (m.type === 'overlay:get' || m.type === 'overlay:open') {
    const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : undefined);
    if (!(await isOverlaySite(origin))) return { ok: false, error: 'not an overlay site' };
    if (m.type === 'overlay:open') {
      await chrome.tabs.create({ url: chrome.runtime.getURL(`src/console/index.html#/issues${m.issueId ? `/${m.issueId}` : ''}`) });
      return { ok: true };
    }
    const state = await loadState();
    // The overlay gets lists and counts, never the token or the server address.
    return {
      ok: true,
      connection: state.connection,
      lastOkAt: state.lastOkAt,
      totals: totals(state),
      estates: state.estates.map((e) => ({ name: e.name, alerts: e.alerts })),
      locale: (await loadSettings()).locale,
    };
  }

  if (!fromExtensionPage(sender)) return { ok: false, error: 'only extension pages may do that' };
  switch (m.type) {
    case 'signIn':
      await signIn(m.server, m.username, m.password);
      return { ok: true };
    case 'signOut':
      await signOut();
      return { ok: true };
    case 'pollNow':
      return { ok: true, state: await poll() };
    case 'act': {
      await call(API.actOnIssue, { params: { id: m.issueId }, json: { id: crypto.randomUUID(), action: m.action } });
      return { ok: true, state: await poll() };
    }
    case 'settings': {
      const next = await saveSettings(m.patch);
      if (m.patch.intervalMinutes) await schedule(next.intervalMinutes);
      return { ok: true, settings: next, state: await poll() };
    }
    case 'overlaySite':
      return { ok: true, overlaySites: await setOverlaySite(m.origin, m.enabled) };
  }
}
