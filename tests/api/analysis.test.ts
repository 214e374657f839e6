/** The analysis endpoints against the seeded demo estate, checked against counts made directly in SQLite. */
import { describe, expect, it } from 'vitest';
import { patrolAnalysis } from '../../server/services/analysis.ts';
import { useDemoServer } from '../support/demo-server.ts';

const NOW = Date.parse('2026-11-20T02:00:00Z'); // 10:00 in Shanghai
const demo = useDemoServer(NOW);

const get = async (path: string) => {
  const r = await fetch(`${demo.running.url}/api/estates/demo-gardens${path}`, { headers: { authorization: `Bearer ${demo.token}` } });
  const bytes = new Uint8Array(await r.arrayBuffer());
  // TextDecoder drops a BOM by default; keep it so the CSV test can see it.
  return { status: r.status, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), type: r.headers.get('content-type') };
};
const json = async (path: string) => JSON.parse((await get(path)).text);
const FROM = NOW - 30 * 86_400_000;

describe('the demo estate has history for every analysis', () => {
  it('issues by category match a count done directly on the database', async () => {
    const data = await json(`/analysis/issues?from=${FROM}&to=${NOW}`);
    const direct = demo.db
      .prepare(
        "SELECT category AS key, count(*) AS count FROM issues WHERE estate_id = 'demo-gardens' AND created_at >= ? AND created_at < ? AND status != 'rejected' GROUP BY category",
      )
      .all(FROM, NOW) as { key: string; count: number }[];
    expect(Object.fromEntries(data.byCategory.map((r: { key: string; count: number }) => [r.key, r.count]))).toEqual(
      Object.fromEntries(direct.map((r) => [r.key, r.count])),
    );
    expect(data.total).toBeGreaterThan(20);
  });

  it('lift faults are counted per lift and by cause, with a cumulative Pareto share ending at 100 %', async () => {
    const { lifts } = await json(`/analysis/issues?from=${NOW - 60 * 86_400_000}&to=${NOW}`);
    expect(lifts.total).toBeGreaterThan(0);
    expect(lifts.byCause.at(-1).cumulativeShare).toBeCloseTo(1);
    // Each cause carries the name people read (the item it was found under), never an item's id such as "pub-lift".
    for (const c of lifts.byCause) expect(c.name.zh, c.key).toMatch(/[\u4e00-\u9fff]/);
    const direct = demo.db
      .prepare(
        "SELECT count(*) AS n FROM issues i JOIN locations l ON l.id = i.location_id WHERE l.kind = 'lift' AND i.category = 'facilities' AND i.created_at >= ? AND i.created_at < ? AND i.status != 'rejected'",
      )
      .get(NOW - 60 * 86_400_000, NOW) as { n: number };
    expect(lifts.total).toBe(direct.n);
  });

  // Patrol and rectification figures are checked against a recount from their definitions in recount.test.ts.

  it('the survey has a sample and per-area satisfaction, complaint handling the worst', async () => {
    const { campaigns } = await json('/campaigns');
    expect(campaigns[0].sample.responses).toBeGreaterThan(90);
    expect(campaigns[0].areas[0].areaId).toBe('complaints');
  });

  it('every table exports to CSV with a BOM', async () => {
    for (const path of [
      '/analysis/patrols?format=csv',
      '/analysis/issues?format=csv',
      '/analysis/rectification?format=csv',
      '/analysis/kpi?month=2026-10&format=csv',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.type).toContain('text/csv');
      expect(r.text.startsWith('\uFEFF')).toBe(true);
    }
  });

  it('a month counted three places at a time is the month counted at once', async () => {
    const read = demo.running.deps.store.read;
    const period = { from: FROM, to: NOW };
    const atOnce = await patrolAnalysis(read, 'demo-gardens', period, NOW);
    expect(atOnce.locationCount).toBeGreaterThan(6);
    expect(atOnce.byPerson.length).toBeGreaterThan(0);
    expect(await patrolAnalysis(read, 'demo-gardens', period, NOW, 3)).toEqual(atOnce);
  });

  it("the page's patrol answer lists the weakest places first, and the CSV every place it counts", async () => {
    const query = `from=${FROM}&to=${NOW}`;
    const data = await json(`/analysis/patrols?${query}`);
    const csvRows = (await get(`/analysis/patrols?${query}&format=csv`)).text.trim().split('\n').length - 1;
    expect(data.locationCount).toBeGreaterThan(10);
    expect(csvRows).toBe(data.locationCount);
    // The demo has fewer places than the answer's cap (100): every one is listed, lowest completion first.
    expect(data.byLocation).toHaveLength(data.locationCount);
    const rates = data.byLocation.map((r: { completionRate: number | null }) => r.completionRate ?? 2);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => a - b));
    expect(data.heat).toHaveLength(data.heatCount);
  });

  it('the alerts of the seeded morning have something in every list a supervisor opens', async () => {
    const alerts = await json('/alerts');
    expect(alerts.counts.overdue).toBeGreaterThan(0);
    expect(alerts.counts.awaitingAcceptance).toBeGreaterThan(0);
    expect(alerts.counts.urgent).toBeGreaterThan(0);
  });
});

describe("dates in queries are the estate's calendar days, whatever the server's zone", () => {
  // Shanghai's midnight starting 1 November is 16:00 UTC on 31 October; the day 19 November ends at 16:00 UTC on the 19th.
  const NOV_1 = Date.parse('2026-10-31T16:00:00Z');
  const NOV_20 = Date.parse('2026-11-19T16:00:00Z');
  const directIssues = (from: number, to: number) =>
    (
      demo.db
        .prepare("SELECT count(*) AS n FROM issues WHERE estate_id = 'demo-gardens' AND created_at >= ? AND created_at < ?")
        .get(from, to) as { n: number }
    ).n;

  it('the issue list from 2026-11-01 to 2026-11-19 runs from local midnight to local midnight', async () => {
    const data = await json('/issues?from=2026-11-01&to=2026-11-19&limit=5000');
    expect(data.total).toBe(directIssues(NOV_1, NOV_20));
    expect(data.total).toBeGreaterThan(0);
  });

  it('the analysis of 2026-11-01 to 2026-11-19 equals the analysis of the same instants given with offsets', async () => {
    const byDate = await json('/analysis/issues?from=2026-11-01&to=2026-11-19');
    const byInstant = await json(
      `/analysis/issues?from=${encodeURIComponent('2026-11-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-20T00:00:00+08:00')}`,
    );
    expect(byDate).toEqual(byInstant);
    const direct = (
      demo.db
        .prepare(
          "SELECT count(*) AS n FROM issues WHERE estate_id = 'demo-gardens' AND status != 'rejected' AND created_at >= ? AND created_at < ?",
        )
        .get(NOV_1, NOV_20) as { n: number }
    ).n;
    expect(byDate.total).toBe(direct);
  });

  it.each([
    ['/issues?from=2026-11-01T08:00', 'from', 'offset'],
    ['/analysis/issues?from=2026-02-31', 'from', 'calendar date'],
    ['/analysis/issues?to=2026-99-99', 'to', 'calendar date'],
    ['/analysis/patrols?from=0000-00-00', 'from', 'calendar date'],
    ['/analysis/kpi?month=2026-13', 'month', 'YYYY-MM'],
    ['/analysis/rectification?from=yesterday&format=csv', 'from', 'date'],
  ])('%s is a 400 naming %s', async (path, field, words) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    const body = JSON.parse(r.text);
    expect(body.fields[0].path).toBe(field);
    expect(r.text).toContain(words);
  });
});
