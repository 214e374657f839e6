/**
 * Where the session lives: the extension's own IndexedDB. Extension pages and the service worker
 * share it; content scripts run in the page's origin and cannot open it, so they never see the token.
 * (chrome.storage.local would be readable by content scripts; storage.session would not survive a restart.)
 */
import type { GroupRole } from '../../../shared/index.ts';
import { openDB, type DBSchema } from 'idb';

export interface StoredSession {
  server: string;
  token: string;
  /** groupRole: absent in sessions stored before group roles (read as none). */
  user: { id: string; username: string; displayName: string; groupRole?: GroupRole | null };
  estates: { id: string; name: { zh: string; en: string } }[];
  memberships: { estateId: string; role: string; departmentId: string | null }[];
}

interface Schema extends DBSchema {
  auth: { key: 'session'; value: StoredSession };
}

const db = () =>
  openDB<Schema>('pqm-extension', 1, {
    upgrade(d) {
      d.createObjectStore('auth');
    },
  });

export async function getSession(): Promise<StoredSession | null> {
  return (await (await db()).get('auth', 'session')) ?? null;
}

export async function setSession(s: StoredSession | null): Promise<void> {
  const d = await db();
  if (s) await d.put('auth', s, 'session');
  else await d.delete('auth', 'session');
}
