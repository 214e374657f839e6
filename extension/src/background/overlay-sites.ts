/**
 * The overlay runs only on sites the supervisor added one by one (each with its own permission).
 * It is registered with chrome.scripting, so no site gets a content script it was not granted.
 */
import overlayScript from '../content/overlay.tsx?script&iife';
import { getSession } from '../common/auth-store.ts';
import { loadSettings, saveSettings } from '../common/state.ts';

const ID = 'pqm-overlay';

export async function syncOverlayRegistration(): Promise<void> {
  const { overlaySites } = await loadSettings();
  const granted: string[] = [];
  for (const origin of overlaySites) if (await chrome.permissions.contains({ origins: [`${origin}/*`] })) granted.push(origin);
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [ID] });
  if (granted.length) {
    await chrome.scripting.registerContentScripts([
      { id: ID, js: [overlayScript], matches: granted.map((o) => `${o}/*`), runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
}

export async function setOverlaySite(origin: string, enabled: boolean): Promise<string[]> {
  const { overlaySites } = await loadSettings();
  const next = enabled ? [...new Set([...overlaySites, origin])] : overlaySites.filter((o) => o !== origin);
  // Give the site's permission back, unless it is also the server we poll.
  if (!enabled && (await getSession())?.server !== origin) await chrome.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
  await saveSettings({ overlaySites: next });
  await syncOverlayRegistration();
  return next;
}

export async function isOverlaySite(origin: string | undefined): Promise<boolean> {
  if (!origin) return false;
  return (await loadSettings()).overlaySites.includes(origin);
}

/** Tell open overlay tabs to refresh their view. */
export async function pushToOverlays(): Promise<void> {
  const { overlaySites } = await loadSettings();
  if (!overlaySites.length) return;
  const tabs = await chrome.tabs.query({ url: overlaySites.map((o) => `${o}/*`) }).catch(() => []);
  for (const tab of tabs) if (tab.id !== undefined) chrome.tabs.sendMessage(tab.id, { type: 'overlay:state' }).catch(() => undefined);
}
