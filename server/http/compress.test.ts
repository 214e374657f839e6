import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { describe, expect, it } from 'vitest';
import { textAnswer } from './compress.ts';

/** A poll's answer of about 8 KB, with its tag, behind Hono's etag() as the alerts route has it. */
const body = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i, location: '1号楼大堂 · Building 1 lobby' })));
const app = new Hono().get('/alerts', etag(), (c) => textAnswer(c, body, 200, { etag: '"abc"', 'content-type': 'application/json' }));
const poll = (headers: Record<string, string>) => app.request('/alerts', { headers: { 'accept-encoding': 'gzip', ...headers } });

describe('an answer made in memory (textAnswer)', () => {
  it('over 1 KB travels gzipped with its length, and its tag turns weak', async () => {
    const res = await poll({});
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('etag')).toBe('W/"abc"');
    expect(Number(res.headers.get('content-length'))).toBe((await res.arrayBuffer()).byteLength);
  });

  it('an unchanged poll gets a bodiless 304 with the tag the 200 gave', async () => {
    const res = await poll({ 'if-none-match': 'W/"abc"' });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe('W/"abc"');
    expect(await res.text()).toBe('');
  });

  it('is not gzipped when the caller already holds it: its body only becomes that 304', async () => {
    // The same answer without etag(), to see what textAnswer made of it.
    const bare = new Hono().get('/alerts', (c) => textAnswer(c, body, 200, { etag: '"abc"', 'content-type': 'application/json' }));
    const res = await bare.request('/alerts', { headers: { 'accept-encoding': 'gzip', 'if-none-match': 'W/"abc"' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('etag')).toBe('W/"abc"');
    expect(await res.text()).toBe(body);
  });
});
