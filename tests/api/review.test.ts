/** 持续改进: the quarterly review (总结评估), its measures, and their figures before and after, on both engines. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  OWNER_SOURCES,
  moreFrequent,
  monthIn,
  overdueOf,
  quarterOfMonth,
  quarterPeriod,
  shiftQuarter,
  type MeasureInput,
} from '../../shared/index.ts';
import { logDeskEntry } from '../../server/services/desk.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const estateId = 'demo-gardens';
const params = { estateId };
const TZ = 'Asia/Shanghai';
let quarter: string;
let last: string;

/** A hygiene complaint made at the desk: the issue counts from when the owner came. */
async function complaint(receivedAt: number): Promise<void> {
  const desk = (await server.running.deps.store.read.getLocation('service-desk'))!;
  const by = { kind: 'user', id: 'u-svc', role: 'department', departmentId: 'service', lead: true } as const;
  await logDeskEntry(
    server.running.deps,
    desk,
    {
      id: randomUUID(),
      locationId: desk.id,
      topic: 'complaint',
      channel: 'call',
      receivedAt,
      answeredAt: receivedAt + 60_000,
      resolved: false,
      summary: '楼道垃圾未清',
      household: '',
      category: 'hygiene',
    },
    by,
  );
}

/** Owners' complaints of one category in a period, counted straight from the issues. */
async function recount(from: number, to: number): Promise<number> {
  const issues = await server.running.deps.store.read.issuesCreatedBetween(estateId, from, to);
  return issues.filter(
    (i) => i.status !== 'rejected' && i.category === 'hygiene' && (OWNER_SOURCES.includes(i.source) || i.source === 'kiosk'),
  ).length;
}

beforeAll(async () => {
  server = await startTestServer();
  quarter = quarterOfMonth(monthIn(server.clock.now, TZ));
  last = shiftQuarter(quarter, -1);
  const before = quarterPeriod(last, TZ);
  for (const days of [10, 20, 30]) await complaint(before.from + days * 86_400_000);
  await complaint(server.clock.now - 3_600_000);
});
afterAll(() => server.close());

const measure = (patch: Partial<MeasureInput> = {}): MeasureInput => ({
  id: randomUUID(),
  title: '垃圾清运加一班 · one more refuse round',
  departmentId: 'cleaning',
  assigneeId: null,
  dueOn: '2099-01-31',
  target: { kind: 'complaints', category: 'hygiene' },
  maintenance: null,
  ...patch,
});

describe('the quarterly review (总结评估)', () => {
  it("opens with the quarter's facts as the analysis pages count them", async () => {
    const sup = await server.login('supervisor');
    const review = await server.call(API.quarterReview, { params: { ...params, quarter }, token: sup });
    expect(review.status, review.text).toBe(200);
    const { from } = quarterPeriod(quarter, TZ);
    const query = { from: String(from), to: String(server.clock.now) };
    const [issues, rect, patrols] = await Promise.all([
      server.call(API.issueAnalysis, { params, query, token: sup }),
      server.call(API.rectificationAnalysis, { params, query, token: sup }),
      server.call(API.patrolAnalysis, { params, query, token: sup }),
    ]);
    const facts = review.body.facts;
    expect(facts.complaints).toEqual(issues.body.complaints.byCategory);
    expect(facts.liftFaults.map((l) => [l.key, l.count])).toEqual(issues.body.lifts.byLift.map((l) => [l.key, l.count]));
    expect(Object.fromEntries(facts.overdueDepartments.map((d) => [d.departmentId, d.overdue]))).toEqual(
      Object.fromEntries(rect.body.map((d) => [d.departmentId, overdueOf(d.onTime)])),
    );
    expect(facts.missed).toEqual(patrols.body.heat);
    expect(review.body.ended).toBe(false);
  });

  it("a measure taken last quarter shows its figure then and now, each a recount of that quarter's complaints", async () => {
    const sup = await server.login('supervisor');
    const taken = await server.call(API.addMeasure, { params: { ...params, quarter: last }, token: sup, json: measure() });
    expect(taken.status, taken.text).toBe(201);
    expect(taken.body).toMatchObject({ quarter: last, status: 'open', departmentId: 'cleaning', createdBy: 'u-supervisor' });
    const review = (await server.call(API.quarterReview, { params: { ...params, quarter }, token: sup })).body;
    const mine = review.previous.find((m) => m.id === taken.body.id)!;
    const then = quarterPeriod(last, TZ);
    const now = quarterPeriod(quarter, TZ);
    expect(mine.before).toBe(await recount(then.from, then.to));
    expect(mine.after).toBe(await recount(now.from, server.clock.now + 1));
    expect([mine.before, mine.after]).toEqual([3, 1]);
  });

  it('a measure is tracked to done; a retry is the same measure; a maintenance decision is recorded with it', async () => {
    const sup = await server.login('supervisor');
    const body = measure({
      title: '3号梯门机每周检查 · check lift 3 door weekly',
      departmentId: 'engineering',
      target: { kind: 'liftFaults', locationId: 'b1-lift-a' },
      maintenance: { cause: 'door', decision: 'accepted', note: '同一原因三次故障' },
    });
    const first = await server.call(API.addMeasure, { params: { ...params, quarter }, token: sup, json: body });
    expect(first.status, first.text).toBe(201);
    expect((await server.call(API.addMeasure, { params: { ...params, quarter }, token: sup, json: body })).body).toEqual(first.body);
    const done = await server.call(API.setMeasureStatus, { params: { ...params, id: body.id }, token: sup, json: { status: 'done' } });
    expect(done.body).toMatchObject({ status: 'done', doneAt: server.clock.now, maintenance: { decision: 'accepted' } });
    const review = (await server.call(API.quarterReview, { params: { ...params, quarter }, token: sup })).body;
    expect(review.measures.find((m) => m.id === body.id)).toMatchObject({ status: 'done', before: 0 });
  });

  it('an accepted maintenance change checks the lift twice as often from then on; a declined one changes nothing', async () => {
    const sup = await server.login('supervisor');
    const store = server.running.deps.store.read;
    const liftSchedule = async () => (await store.getLocation('b2-lift-a'))!.schedule;
    const template = (await store.latestTemplates('demo-gardens')).find((t) => t.kind === 'lift')!;
    expect(await liftSchedule()).toBeNull();
    const declined = measure({
      departmentId: 'engineering',
      target: { kind: 'liftFaults', locationId: 'b2-lift-a' },
      maintenance: { cause: 'door', decision: 'declined', note: '维保单位已更换门机' },
    });
    expect((await server.call(API.addMeasure, { params: { ...params, quarter }, token: sup, json: declined })).status).toBe(201);
    expect(await liftSchedule()).toBeNull();
    const accepted = { ...declined, id: randomUUID(), maintenance: { cause: 'door', decision: 'accepted' as const, note: '' } };
    expect((await server.call(API.addMeasure, { params: { ...params, quarter }, token: sup, json: accepted })).status).toBe(201);
    expect(await liftSchedule()).toEqual(moreFrequent(template.schedule!));
    // Sent again (a retry), the same decision doubles nothing.
    await server.call(API.addMeasure, { params: { ...params, quarter }, token: sup, json: accepted });
    expect(await liftSchedule()).toEqual(moreFrequent(template.schedule!));
    const log = await server.call(API.auditLog, { params, token: await server.login('admin') });
    expect(log.body.entries.some((e) => e.action === 'location.change' && e.target === '2号楼A梯')).toBe(true);
  });

  it('refuses by name: no owner, an unknown department, a quarter that is not one; and only the quality team reviews', async () => {
    const sup = await server.login('supervisor');
    const at = { ...params, quarter };
    const noOwner = await server.call(API.addMeasure, { params: at, token: sup, json: measure({ departmentId: null }) });
    expect(noOwner).toMatchObject({ status: 400, body: { fields: [{ path: 'departmentId' }] } });
    const unknown = await server.call(API.addMeasure, { params: at, token: sup, json: measure({ departmentId: 'kitchen' }) });
    expect(unknown).toMatchObject({ status: 400, body: { fields: [{ path: 'departmentId', rule: 'unknown' }] } });
    const badQuarter = await server.call(API.quarterReview, { params: { ...params, quarter: '2026-Q5' }, token: sup });
    expect(badQuarter).toMatchObject({ status: 400, body: { fields: [{ path: 'quarter' }] } });
    expect((await server.call(API.quarterReview, { params: at, token: await server.login('cleaning') })).status).toBe(403);
    expect((await server.call(API.addMeasure, { params: at, token: await server.login('wang'), json: measure() })).status).toBe(403);
  });
});
