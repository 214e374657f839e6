import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { openStore, resetStoreForTests } from './db.ts';

const indexedDB = globalThis.indexedDB;
afterEach(() => {
  globalThis.indexedDB = indexedDB;
  resetStoreForTests();
});

it('a phone store that failed to open is opened again at the next use, not failed for the rest of the page', async () => {
  resetStoreForTests();
  // No IndexedDB at first (storage briefly unavailable, or the library's chunk not loaded on a poor line).
  Reflect.deleteProperty(globalThis, 'indexedDB');
  await expect(openStore('pqm-retry')).rejects.toThrow();
  globalThis.indexedDB = indexedDB;
  const db = await openStore('pqm-retry');
  expect([...db.objectStoreNames].sort()).toEqual(['cache', 'meta', 'outbox', 'photos']);
});
