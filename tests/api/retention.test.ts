import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DAY } from '../../shared/index.ts';
import { logDeskEntry } from '../../server/services/desk.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** PIPL: an owner's contact and words are masked a set time after the issue closes; the figures stay. */
let server: TestServer;
const params = { estateId: 'demo-gardens' };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** An owner's report, fixed, said "not fixed", fixed again, closed and rated 2 with a comment. */
async function ownersWholeStory() {
  const code = (await server.running.deps.store.read.getLocation('b1-lobby'))!.code;
  const report = await server.call(API.reportProblem, {
    json: { id: randomUUID(), locationCode: code, category: 'hygiene', description: '张先生家门口有垃圾', contact: '138-0013-8000' },
  });
  const { issueId, trackingToken } = report.body;
  const sup = await server.loginAgain('supervisor');
  const act = async (token: string, action: object) =>
    server.call(API.actOnIssue, { params: { id: issueId }, token, json: { id: randomUUID(), action } as never });
  await act(sup, { type: 'accept' });
  await act(sup, { type: 'assign', departmentId: 'cleaning', requirement: 'clear it' });
  await act(await server.loginAgain('cleaning'), { type: 'rectify', note: 'cleared', photos: [] });
  await server.call(API.notFixed, { params: { token: trackingToken }, json: { reason: '还在,我是302的张先生' } });
  await act(await server.loginAgain('cleaning'), { type: 'rectify', note: 'cleared again', photos: [] });
  await act(sup, { type: 'verify' });
  await server.call(API.rateHandling, { params: { token: trackingToken }, json: { rating: 2, comment: '太慢了,电话13800138000' } });
  return { issueId, trackingToken };
}
const sweep = () => server.running.deps.deliveries.drain();
const everything = async (id: string) =>
  JSON.stringify([await server.call(API.issue, { params: { id }, token: await server.loginAgain('admin') })]);

describe('owners’ data is kept no longer than it is needed', () => {
  it('180 days after closing, the contact and the words are masked, the tracking link ends, and the figures stay the same', async () => {
    const { issueId, trackingToken } = await ownersWholeStory();
    const figures = async () =>
      (
        await server.call(API.issueAnalysis, {
          params,
          token: await server.loginAgain('supervisor'),
          query: { from: '2026-01-01', to: '2026-12-31' },
        })
      ).body;
    const before = await figures();

    server.clock.advance(179 * DAY);
    await sweep();
    expect(await everything(issueId)).toContain('138-0013-8000');

    server.clock.advance(2 * DAY);
    await sweep();
    const after = await everything(issueId);
    for (const words of ['138-0013-8000', '张先生家门口有垃圾', '302的张先生', '13800138000']) expect(after).not.toContain(words);
    const issue = (await server.running.deps.store.read.getIssue(issueId))!;
    expect(issue).toMatchObject({ status: 'closed', reopenCount: 1 });
    expect(issue.description).toMatch(/removed after the retention period/);
    expect((await server.running.deps.store.read.issueOrigin(issueId))?.rating).toBe(2);
    expect((await server.call(API.tracking, { params: { token: trackingToken } })).status).toBe(404);
    expect(await figures()).toEqual(before);
  });

  it('what an owner said at the service desk is masked in time too, unless its complaint is still being handled', async () => {
    const desk = (await server.running.deps.store.read.getLocation('service-desk'))!;
    const by = { kind: 'user', id: 'u-svc', role: 'department', departmentId: 'service', lead: true } as const;
    const at = server.clock.now;
    const entry = (topic: 'consultation' | 'complaint', summary: string) => ({
      id: randomUUID(),
      locationId: desk.id,
      topic,
      channel: 'visit' as const,
      receivedAt: at - 10 * 60_000,
      answeredAt: at - 5 * 60_000,
      resolved: topic === 'consultation',
      summary,
      household: '3-302 张先生',
      category: 'service' as const,
    });
    const asked = entry('consultation', '问停车费,电话13900139000');
    const complained = entry('complaint', '楼上漏水一周没人管');
    await logDeskEntry(server.running.deps, desk, asked, by, at);
    await logDeskEntry(server.running.deps, desk, complained, by, at);
    const figures = async () =>
      (
        await server.call(API.deskAnalysis, {
          params,
          token: await server.loginAgain('supervisor'),
          query: { from: '2026-01-01', to: '2027-12-31' },
        })
      ).body;
    const before = await figures();

    server.clock.advance(181 * DAY);
    await sweep();
    const kept = await server.running.deps.store.read.deskEntries('demo-gardens', at - DAY, at + DAY);
    const of = (id: string) => kept.find((e) => e.id === id)!;
    expect(of(asked.id)).toMatchObject({ summary: expect.stringMatching(/removed after the retention period/), household: '' });
    // Its complaint is an issue nobody has closed yet: still needed to handle it.
    expect(of(complained.id)).toMatchObject({ summary: '楼上漏水一周没人管', household: '3-302 张先生' });
    expect(await figures()).toEqual(before);
  });

  it('an administrator exports one report’s owner data on request, then erases it; both are in the audit log', async () => {
    const { issueId } = await ownersWholeStory();
    const admin = await server.loginAgain('admin');
    const exported = await server.call(API.ownerData, { params: { id: issueId }, token: admin });
    expect(exported.body).toMatchObject({
      contact: '138-0013-8000',
      description: '张先生家门口有垃圾',
      rating: 2,
      ratingComment: '太慢了,电话13800138000',
      words: [expect.objectContaining({ type: 'ownerNotFixed', text: '还在,我是302的张先生' }), expect.objectContaining({ type: 'rated' })],
    });
    expect((await server.call(API.ownerData, { params: { id: issueId }, token: await server.loginAgain('supervisor') })).status).toBe(403);
    expect((await server.call(API.eraseOwnerData, { params: { id: issueId }, token: admin })).status).toBe(200);
    expect((await server.call(API.ownerData, { params: { id: issueId }, token: admin })).body).toMatchObject({ contact: null, words: [] });
    const log = (await server.call(API.auditLog, { params, token: admin, query: { q: issueId } })).body.entries.map((e) => e.action);
    expect(log).toEqual(['owner.export', 'owner.erase', 'owner.export']);
  });

  it('the history stays append-only: only an owner’s words may be emptied, nothing else changed', async () => {
    const sql = server.sql;
    const [event] = await sql(`SELECT seq, data FROM issue_events WHERE type = 'assign' LIMIT 1`);
    await expect(sql('UPDATE issue_events SET data = ? WHERE seq = ?', ['{"redacted":true}', event.seq as number])).rejects.toThrow(
      /append-only/,
    );
    const [rated] = await sql(`SELECT seq, data FROM issue_events WHERE type = 'rated' LIMIT 1`);
    const changed = { ...JSON.parse(rated.data as string), rating: 5, comment: '', redacted: true };
    await expect(sql('UPDATE issue_events SET data = ? WHERE seq = ?', [JSON.stringify(changed), rated.seq as number])).rejects.toThrow(
      /append-only/,
    );
  });
});
