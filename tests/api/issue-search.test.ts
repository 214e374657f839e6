import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, referenceOf } from '../../shared/index.ts';
import { raiseIssue } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const params = { estateId: 'demo-gardens' };
const raise = (locationId: string, description: string) => raiseIssue(server, 'demo-gardens', { locationId, description });
const search = async (q: string) =>
  (await server.call(API.issues, { params, query: { q, open: 'true' }, token: await server.login('supervisor') })).body.issues.map(
    (i) => i.id,
  );

describe('searching the issue board', () => {
  it('finds words of the description, a place by its name, and a report by its reference number; % and _ are plain characters', async () => {
    const paint = await raise('b1-lobby', '电梯口有油漆味 · smell of PAINT');
    const pump = await raise('pump-room', '水泵漏水 100% 需处理');
    const lobby2 = await raise('b2-lobby', '地面湿滑');
    expect(await search('油漆')).toEqual([paint]);
    expect(await search('paint')).toEqual([paint]);
    // The place's name, in Chinese or English.
    expect(await search('水泵房')).toEqual([pump]);
    expect((await search('Building 2 lobby')).includes(lobby2)).toBe(true);
    // The owner reads the reference on their tracking page and calls: the desk types it in, in either case.
    expect(await search(referenceOf(lobby2))).toEqual([lobby2]);
    expect(await search(referenceOf(lobby2).toLowerCase())).toEqual([lobby2]);
    expect(await search('100%')).toEqual([pump]);
    expect(await search('_')).toEqual([]);
  });

  it('a search longer than 100 characters is refused by name', async () => {
    const r = await server.call(API.issues, { params, query: { q: 'x'.repeat(101) }, token: await server.login('supervisor') });
    expect(r.status).toBe(400);
    expect(r.body.fields?.[0]?.path).toBe('q');
  });
});
