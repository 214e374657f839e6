import { describe, expect, it } from 'vitest';
import { uuid } from './uuid.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('device-generated ids', () => {
  it('are v4 UUIDs', () => {
    expect(uuid()).toMatch(V4);
  });

  it('are still v4 UUIDs in a browser without crypto.randomUUID', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    const ids = new Set(Array.from({ length: 100 }, uuid));
    Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
