/**
 * The supervisors' alerts count and list issues on every poll. SQLite has no statistics unless asked, so it picks an
 * index by its shape: given one that leads with the estate and covers every issue, it walks all of the estate's
 * issues to count the few waiting for acceptance (50 ms at 100,000 issues, found by the bench). Each read here must
 * narrow by more than the estate, or use an index that holds only the rows it wants (a partial index).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_POLICY, acceptLateBefore, level2DeadlineBefore } from '../../../shared/index.ts';
import { issueRepo } from '../repos/issues.ts';
import { recordRepo } from '../repos/records.ts';
import type { Param, Row, Sql } from '../sql.ts';
import { MIGRATIONS } from './migrations.ts';

const NOW = Date.parse('2026-03-02T01:00:00Z');

describe('the alerts on SQLite', () => {
  it('each count and list the alerts read narrows by more than the estate, or reads a partial index', async () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS) db.exec(m);
    const read: { text: string; params: readonly Param[] }[] = [];
    const statement = (text: string, params: readonly Param[]) => {
      read.push({ text, params });
      return db.prepare(text);
    };
    const recorded: Sql = {
      all: async (text, params = []) => statement(text, params).all(...params) as Row[],
      get: async (text, params = []) => statement(text, params).get(...params) as Row | undefined,
      run: async () => 0,
    };
    const issues = issueRepo(recorded);
    await issues.overdueIssues('e1', NOW, 50, level2DeadlineBefore(NOW, DEFAULT_DEADLINE_POLICY));
    await issues.awaitingAcceptance('e1', 50, acceptLateBefore(NOW, DEFAULT_DEADLINE_POLICY));
    await issues.awaitingDispatch('e1', 50);
    await issues.urgentSince('e1', NOW - 86_400_000, 50);
    await issues.notFixedSince('e1', NOW - 7 * 86_400_000, 50);
    // Each list with its counts is one statement.
    expect(read).toHaveLength(5);

    const partial = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'`).all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    for (const { text, params } of read) {
      const steps = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      for (const step of steps) {
        expect(step, text).not.toMatch(/^SCAN issues\b/);
        const byEstateOnly = /^SEARCH issues USING (?:COVERING )?INDEX (\w+) \(estate_id=\?\)$/.exec(step);
        if (byEstateOnly) expect(partial, `${step}\n${text}`).toContain(byEstateOnly[1]);
      }
    }
  });
});

describe("a month's analysis on SQLite", () => {
  it("reads a slice of places through each place's own index entries, not the estate's whole month", async () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS) db.exec(m);
    const read: { text: string; params: readonly Param[] }[] = [];
    const recorded: Sql = {
      all: async (text, params = []) => {
        read.push({ text, params });
        return db.prepare(text).all(...params) as Row[];
      },
      get: async () => undefined,
      run: async () => 0,
    };
    await recordRepo(recorded).inspectionTimesOfLocations('e1', ['L1', 'L2', 'L3'], NOW - 31 * 86_400_000, NOW);
    expect(read).toHaveLength(1);
    const steps = (db.prepare(`EXPLAIN QUERY PLAN ${read[0].text}`).all(...read[0].params) as { detail: string }[]).map((r) => r.detail);
    expect(steps).toEqual(['SEARCH inspections USING INDEX inspections_location_time (location_id=? AND finished_at>? AND finished_at<?)']);
  });
});

describe("a month's analysis on either engine", () => {
  it('reads slices of any size through a handful of statement texts, so PostgreSQL prepares a handful, not one per size', async () => {
    const texts = new Set<string>();
    const recorded: Sql = {
      all: async (text) => {
        texts.add(text);
        return [];
      },
      get: async () => undefined,
      run: async () => 0,
    };
    const repo = recordRepo(recorded);
    for (let n = 1; n <= 2_000; n++)
      await repo.inspectionTimesOfLocations(
        'e1',
        Array.from({ length: n }, (_, i) => `L${i}`),
        NOW - 31 * 86_400_000,
        NOW,
      );
    expect(texts.size).toBeLessThanOrEqual(12);
  });
});
