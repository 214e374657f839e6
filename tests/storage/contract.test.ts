/**
 * One storage contract, two engines: every behaviour the services rely on, run against the embedded SQLite
 * file and a real PostgreSQL database. The SQL is written once (server/storage/repos/); this is what keeps
 * it meaning the same on both.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_TEMPLATES, type Issue, type Location } from '../../shared/index.ts';
import { makeIssue } from '../../shared/testing/fixtures.ts';
import { isUniqueViolation } from '../../server/storage/conflicts.ts';
import { createPostgresStore } from '../../server/storage/postgres/index.ts';
import { createSqliteStore } from '../../server/storage/sqlite/index.ts';
import type { Store } from '../../server/storage/store.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';

const T0 = Date.parse('2026-03-02T01:00:00Z');
const HOUR = 3_600_000;

/**
 * Each engine's store, a raw look underneath it (a connection of its own), and another program's store on the same
 * database (a second server on PostgreSQL, `npm run admin` beside the server on SQLite).
 */
type Opened = {
  store: Store;
  raw: (text: string) => Promise<Record<string, unknown>[]>;
  another: () => Promise<Store>;
  dispose: () => Promise<void>;
};

const engines: { name: string; open: () => Promise<Opened> }[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pqm-contract-'));
      const store = createSqliteStore(join(dir, 'pqm.sqlite'));
      const raw = async (text: string) => {
        const db = new Database(join(dir, 'pqm.sqlite'), { readonly: true });
        try {
          return db.prepare(text).all() as Record<string, unknown>[];
        } finally {
          db.close();
        }
      };
      return {
        store,
        raw,
        another: async () => createSqliteStore(join(dir, 'pqm.sqlite')),
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const admin = inject('pgAdminUrl');
      const url = await createDatabase(admin);
      const store = await createPostgresStore(url);
      const raw = async (text: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(text)).rows;
        } finally {
          await client.end();
        }
      };
      return {
        store,
        raw,
        another: () => createPostgresStore(url, { poolSize: 2 }),
        dispose: async () => {
          await store.close();
          await dropDatabase(admin, url);
        },
      };
    },
  },
];

/** A lift in building b1 of estate e1, its code made from its id. */
const lift = (id: string, name: { zh: string; en: string }): Location => ({
  id,
  estateId: 'e1',
  buildingId: 'b1',
  kind: 'lift',
  name,
  code: `code-${id}`,
  schedule: null,
  active: true,
});

/** An issue at the lift of estate e1 (shared/testing's builder, with this suite's place). */
const issue = (id: string, over: Partial<Issue> = {}): Issue =>
  makeIssue({
    id,
    estateId: 'e1',
    locationId: 'lift-a',
    severity: 'general',
    description: `issue ${id}`,
    deadline: T0 + 72 * HOUR,
    ...over,
  });

describe.each(engines)('the store on $name', ({ open }) => {
  let store: Store;
  let raw: Opened['raw'];
  let another: Opened['another'];
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, raw, another, dispose } = await open());
    await store.write(async (tx) => {
      await tx.insertEstate({
        id: 'e1',
        name: { zh: '示范', en: 'Demo' },
        timeZone: 'Asia/Shanghai',
        households: 1200,
        address: '上海市浦东新区',
        servicePhone: '021-5555 0100',
        archivedAt: null,
      });
      await tx.insertBuilding({ id: 'b1', estateId: 'e1', name: { zh: '1号楼', en: 'Building 1' } });
      await tx.insertLocation(lift('lift-a', { zh: '电梯A', en: 'Lift A' }), 'k-secret', T0 - 30 * 24 * HOUR);
      for (const t of DEFAULT_TEMPLATES) await tx.insertTemplate('e1', t, T0 - 30 * 24 * HOUR);
      await tx.insertDepartment({ id: 'eng', estateId: 'e1', name: { zh: '工程', en: 'Engineering' }, categories: ['facilities'] });
      await tx.insertUser({ id: 'u1', username: 'Li.Wei', displayName: '李伟', passwordHash: 'h' }, T0);
      await tx.putMembership({ userId: 'u1', estateId: 'e1', role: 'inspector', departmentId: null, lead: false });
    });
  });
  afterAll(() => dispose?.());

  it('an estate written in one transaction reads back as it was written', async () => {
    expect(await store.read.getEstate('e1')).toEqual({
      id: 'e1',
      name: { zh: '示范', en: 'Demo' },
      timeZone: 'Asia/Shanghai',
      households: 1200,
      address: '上海市浦东新区',
      servicePhone: '021-5555 0100',
      archivedAt: null,
    });
    expect(await store.read.getLocationByCode('code-lift-a')).toMatchObject({
      id: 'lift-a',
      kind: 'lift',
      active: true,
      schedule: null,
      buildingId: 'b1',
    });
    expect(await store.read.kioskSecret('lift-a')).toBe('k-secret');
    expect((await store.read.latestTemplates('e1')).map((t) => t.id)).toEqual(DEFAULT_TEMPLATES.map((t) => t.id).sort());
    expect((await store.read.locationVersions('e1')).get('lift-a')).toEqual([
      { since: T0 - 30 * 24 * HOUR, active: true, kind: 'lift', schedule: null },
    ]);
  });

  it('a username is found whatever its case, and a second one differing only in case is refused', async () => {
    expect((await store.read.getUserByUsername('li.wei'))?.id).toBe('u1');
    const second = store.write((tx) => tx.insertUser({ id: 'u2', username: 'LI.WEI', displayName: 'x', passwordHash: 'h' }, T0));
    await expect(second).rejects.toSatisfy(isUniqueViolation);
    expect(await store.read.getUser('u2')).toBeUndefined();
  });

  it('a membership put twice is changed, not doubled', async () => {
    await store.write((tx) => tx.putMembership({ userId: 'u1', estateId: 'e1', role: 'supervisor', departmentId: null, lead: false }));
    expect(await store.read.membershipsOf('u1')).toEqual([
      { userId: 'u1', estateId: 'e1', role: 'supervisor', departmentId: null, lead: false },
    ]);
    expect(await store.read.membersOf('e1')).toEqual([
      {
        userId: 'u1',
        estateId: 'e1',
        role: 'supervisor',
        departmentId: null,
        lead: false,
        username: 'Li.Wei',
        displayName: '李伟',
        disabled: false,
      },
    ]);
  });

  describe('who is calling and a location, which a server keeps between changes (storage/read-cache.ts)', () => {
    const session = (tokenHash: string) => ({
      id: `id-${tokenHash}`,
      tokenHash,
      userId: 'u3',
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: T0 + 24 * HOUR,
      userAgent: 'test',
    });
    const roleOf = async (tokenHash: string) => (await store.read.sessionWithUser(tokenHash))?.memberships[0]?.role;
    const liftB = async () => (await store.read.getLocation('lift-b'))!;

    beforeAll(() =>
      store.write(async (tx) => {
        await tx.insertUser({ id: 'u3', username: 'kept', displayName: 'kept', passwordHash: 'h' }, T0);
        await tx.putMembership({ userId: 'u3', estateId: 'e1', role: 'inspector', departmentId: null, lead: false });
        await tx.insertSession(session('t-own'));
        await tx.insertSession(session('t-other'));
        await tx.insertLocation(lift('lift-b', { zh: '电梯B', en: 'Lift B' }), 'k-secret-b', T0);
      }),
    );

    it("this server's own change is read afresh as soon as the write is answered", async () => {
      expect(await roleOf('t-own')).toBe('inspector');
      expect((await liftB()).kind).toBe('lift');
      await store.write((tx) => tx.putMembership({ userId: 'u3', estateId: 'e1', role: 'supervisor', departmentId: null, lead: false }));
      expect(await roleOf('t-own')).toBe('supervisor');
      await store.write((tx) => tx.touchSession('t-own', T0 + HOUR));
      expect((await store.read.sessionWithUser('t-own'))?.session.lastSeenAt).toBe(T0 + HOUR);
      await store.write(async (tx) => tx.updateLocation({ ...(await liftB()), kind: 'lobby' }, T0 + HOUR));
      expect((await liftB()).kind).toBe('lobby');
      await store.write((tx) => tx.setDisabled('u3', T0 + HOUR));
      expect((await store.read.sessionWithUser('t-own'))?.user.disabledAt).toBe(T0 + HOUR);
      await store.write((tx) => tx.deleteSession('t-own'));
      expect(await store.read.sessionWithUser('t-own')).toBeUndefined();
    });

    it("another program's change is read afresh too (a second server, or npm run admin beside this one)", async () => {
      expect(await store.read.sessionWithUser('t-other')).toBeDefined();
      const kindNow = (await liftB()).kind;
      const other = await another();
      try {
        await other.write((tx) => tx.deleteSession('t-other'));
        await other.write(async (tx) =>
          tx.updateLocation({ ...(await other.read.getLocation('lift-b'))!, kind: 'fire_point' }, T0 + 2 * HOUR),
        );
      } finally {
        await other.close();
      }
      expect(kindNow).not.toBe('fire_point');
      // PostgreSQL tells the other servers a few milliseconds after the commit; SQLite sees it on the next read.
      await expect.poll(() => store.read.sessionWithUser('t-other'), { timeout: 2_000 }).toBeUndefined();
      await expect.poll(async () => (await liftB()).kind, { timeout: 2_000 }).toBe('fire_point');
    });
  });

  it('a device id is claimed once, even when two copies of the request race for it', async () => {
    const claim = () =>
      store.write(async (tx) => tx.claimReceipt({ estateId: 'e1', id: 'r-race', kind: 'inspection', bodyHash: 'h1' }, T0));
    const results = await Promise.all([claim(), claim(), claim()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.write((tx) => tx.setReceipt('r-race', { kind: 'inspection', id: 'r-race', issues: [] }));
    expect(await store.read.getReceipt('r-race')).toEqual({
      id: 'r-race',
      kind: 'inspection',
      bodyHash: 'h1',
      receipt: { kind: 'inspection', id: 'r-race', issues: [] },
    });
  });

  it('a write that fails leaves nothing behind, and the writes beside it still land', async () => {
    const failing = store.write(async (tx) => {
      await tx.insertIssue(issue('i-failed'));
      throw new Error('refused half-way');
    });
    const fine = store.write((tx) => tx.insertIssue(issue('i-fine')));
    await expect(failing).rejects.toThrow('refused half-way');
    await fine;
    expect(await store.read.getIssue('i-failed')).toBeUndefined();
    expect((await store.read.getIssue('i-fine'))?.description).toBe('issue i-fine');
  });

  it('forty writes at once each land once, and the few that throw leave nothing and take no other down', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, n) =>
        store.write(async (tx) => {
          await tx.insertIssue(issue(`i-burst-${n}`));
          if (n % 7 === 3) throw new Error(`refused ${n}`);
          return n;
        }),
      ),
    );
    const refused = [3, 10, 17, 24, 31, 38];
    expect(results).toEqual(
      results.map((_, n) =>
        refused.includes(n) ? { status: 'rejected', reason: new Error(`refused ${n}`) } : { status: 'fulfilled', value: n },
      ),
    );
    for (let n = 0; n < 40; n++) expect(Boolean(await store.read.getIssue(`i-burst-${n}`))).toBe(!refused.includes(n));
  });

  it('times in milliseconds and counts come back as numbers', async () => {
    await store.write((tx) =>
      tx.insertInspection({
        id: 'ins-1',
        estateId: 'e1',
        locationId: 'lift-a',
        inspectorId: 'u1',
        templateId: 'tpl-lift',
        templateVersion: 1,
        startedAt: T0 - 600_000,
        finishedAt: T0,
        confirmedBy: 'printed_code',
        answers: [{ itemId: 'a', value: 'pass', note: '', photos: [] }],
        failedCount: 0,
        receivedAt: T0 + 1,
        deviceStartedAt: null,
        deviceFinishedAt: T0 - 5,
      }),
    );
    expect(await store.read.getInspection('ins-1')).toMatchObject({
      startedAt: T0 - 600_000,
      finishedAt: T0,
      receivedAt: T0 + 1,
      deviceStartedAt: null,
      deviceFinishedAt: T0 - 5,
      failedCount: 0,
    });
    expect(await store.read.inspectionTimes('e1', T0 - 1, T0 + 1)).toEqual([
      { id: 'ins-1', locationId: 'lift-a', inspectorId: 'u1', finishedAt: T0 },
    ]);
    expect(await store.read.inspectionsAt('lift-a', T0 + 1, T0 + 2)).toEqual([]);
  });

  it('overdue work is counted over all of it, with what is escalated, while the list is capped', async () => {
    await store.write(async (tx) => {
      for (let n = 0; n < 5; n++)
        await tx.insertIssue(
          issue(`od-${n}`, {
            status: 'assigned',
            departmentId: 'eng',
            deadline: T0 - (n + 1) * HOUR,
            severity: n < 2 ? 'urgent' : 'general',
          }),
        );
      await tx.insertIssue(issue('od-manual', { status: 'reopened', departmentId: 'eng', deadline: T0 - HOUR, manualLevel: 2 }));
      await tx.insertIssue(issue('od-done', { status: 'closed', deadline: T0 - HOUR, closedAt: T0 }));
    });
    // Urgent work past its deadline by more than an hour is at level 2; so is the manual one.
    const before = { general: T0 - 48 * HOUR, important: T0 - 24 * HOUR, urgent: T0 - 1.5 * HOUR };
    const overdue = await store.read.overdueIssues('e1', T0, 3, before);
    expect(overdue.total).toBe(6);
    expect(overdue.escalated).toBe(2);
    expect(overdue.issues.map((i) => i.id)).toEqual(['od-4', 'od-3', 'od-2']);
  });

  it('the issue board filters, counts and pages the same way', async () => {
    const all = await store.read.listIssues({ estateId: 'e1', status: ['assigned', 'reopened'] });
    expect(all.total).toBe(6);
    const page = await store.read.listIssues({ estateId: 'e1', status: ['assigned', 'reopened'], limit: 2, offset: 2 });
    expect(page.total).toBe(6);
    expect(page.issues.map((i) => i.id)).toEqual(all.issues.slice(2, 4).map((i) => i.id));
    expect((await store.read.listIssues({ estateId: 'e1', open: false })).issues.map((i) => i.id)).toEqual(['od-done']);
    expect((await store.read.listIssues({ estateId: 'e1', createdFrom: T0 + 1 })).total).toBe(0);
  });

  it('a report held for review waits apart, and accepting it lets it go', async () => {
    await store.write((tx) =>
      tx.insertIssue(issue('held-1', { source: 'owner', verified: false }), { held: true, ownerContact: '138', originId: 'req-1' }),
    );
    await store.write((tx) => tx.insertIssue(issue('open-1', { source: 'owner', verified: false })));
    // Both were created at T0: one general report is late once 30 minutes have passed, not before.
    const lateAt = (now: number) => ({ general: now - 30 * 60_000, important: now - 15 * 60_000, urgent: now - 5 * 60_000 });
    let waiting = await store.read.awaitingAcceptance('e1', 10, lateAt(T0 + 30 * 60_000));
    expect([waiting.total, waiting.held, waiting.late, waiting.issues.map((i) => i.id)]).toEqual([1, 1, 0, ['open-1']]);
    expect((await store.read.awaitingAcceptance('e1', 10, lateAt(T0 + 31 * 60_000))).late).toBe(1);
    expect(await store.read.isHeld('held-1')).toBe(true);
    expect((await store.read.openIssuesAt('lift-a')).map((i) => i.id)).not.toContain('held-1');
    const held = (await store.read.getIssue('held-1'))!;
    await store.write((tx) => tx.updateIssue({ ...held, verified: true, status: 'assigned', departmentId: 'eng' }));
    waiting = await store.read.awaitingAcceptance('e1', 10, lateAt(T0));
    expect(waiting.held).toBe(0);
    expect(await store.read.isHeld('held-1')).toBe(false);
    expect(await store.read.issueOrigin('held-1')).toEqual({ originId: 'req-1', ownerContact: '138', rating: null, ratingComment: null });
  });

  it("an issue's history keeps its order, and tracking links know their holder's role", async () => {
    await store.write(async (tx) => {
      await tx.appendEvent({ issueId: 'open-1', type: 'created', actor: { kind: 'owner' }, at: T0, data: {} });
      await tx.appendEvent({ issueId: 'open-1', type: 'meToo', actor: { kind: 'owner' }, at: T0, data: { n: 1 } });
      await tx.insertTrackingToken('hash-r', 'open-1', T0, 'reporter');
      await tx.insertTrackingToken('hash-f', 'open-1', T0, 'follower');
    });
    expect((await store.read.eventsOf('open-1')).map((e) => e.type)).toEqual(['created', 'meToo']);
    expect(await store.read.trackingToken('hash-f')).toEqual({ issueId: 'open-1', role: 'follower' });
  });

  it('a photo counts for a record once its author has sent the bytes', async () => {
    const sha = 'a'.repeat(64);
    await store.write(async (tx) => {
      await tx.insertPhoto({ sha256: sha, size: 10, storedSize: 8, width: 4, height: 3, receivedAt: T0, mediaType: 'image/jpeg' });
      await tx.insertPhoto({ sha256: sha, size: 10, storedSize: 8, width: 4, height: 3, receivedAt: T0, mediaType: 'image/jpeg' });
      await tx.linkPhotos('open-1', [sha, sha], 'user:u1');
    });
    expect(await store.read.receivedPhotos('open-1')).toEqual([]);
    await store.write((tx) => tx.addPhotoUploader(sha, 'user:u1', T0));
    expect(await store.read.receivedPhotos('open-1')).toEqual([sha]);
    expect(await store.read.recordsWithPhoto(sha)).toEqual(['open-1']);
  });

  it("a clip's parts are kept by sender, read back in order, and dropped whole", async () => {
    const sha = 'b'.repeat(64);
    await store.write(async (tx) => {
      await tx.stageVideoPart('device:x', sha, 3, 7, Buffer.from([4, 5, 6, 7]), T0 + 1);
      await tx.stageVideoPart('device:x', sha, 0, 7, Buffer.from([1, 2, 3]), T0);
      // The same part again is kept as it was.
      await tx.stageVideoPart('device:x', sha, 0, 7, Buffer.from([9, 9, 9]), T0 + 2);
      await tx.stageVideoPart('device:y', sha, 0, 7, Buffer.from([1]), T0);
    });
    expect(await store.read.stagedVideo('device:x', sha)).toEqual({ total: 7, received: 7 });
    expect(Buffer.concat(await store.read.stagedVideoParts('device:x', sha))).toEqual(Buffer.from([1, 2, 3, 4, 5, 6, 7]));
    expect(await store.read.stagedVideoCount('device:x')).toBe(1);
    expect(await store.read.oldestStagedVideo('device:y')).toBe(sha);
    expect(await store.write((tx) => tx.dropStaleVideoParts(T0 + 1))).toBe(1);
    expect(await store.read.stagedVideo('device:y', sha)).toBeUndefined();
    await store.write((tx) => tx.dropStagedVideo('device:x', sha));
    expect(await store.read.stagedVideo('device:x', sha)).toBeUndefined();
  });

  it('one survey answer per household, whatever the case it is typed in', async () => {
    await store.write(async (tx) => {
      await tx.insertCampaign({
        id: 'c1',
        estateId: 'e1',
        surveyId: 'survey-quarterly',
        name: { zh: 'Q1', en: 'Q1' },
        opensOn: '2026-03-01',
        closesOn: '2026-03-31',
        sampleTarget: 0.3,
        code: 'camp-code',
        createdAt: T0,
      });
      await tx.insertResponse({
        id: 'resp-1',
        campaignId: 'c1',
        household: '1-2-301A',
        channel: 'online',
        answers: { hygiene: 5, order: null },
        comment: '',
        enteredBy: null,
        createdAt: T0,
      });
    });
    expect(await store.read.hasResponse('c1', '1-2-301a')).toBe(true);
    const again = store.write((tx) =>
      tx.insertResponse({
        id: 'resp-2',
        campaignId: 'c1',
        household: '1-2-301a',
        channel: 'phone',
        answers: {},
        comment: '',
        enteredBy: 'u1',
        createdAt: T0,
      }),
    );
    await expect(again).rejects.toSatisfy(isUniqueViolation);
    expect(await store.read.responsesOf('c1')).toEqual([
      {
        id: 'resp-1',
        campaignId: 'c1',
        household: '1-2-301A',
        channel: 'online',
        answers: { hygiene: 5, order: null },
        comment: '',
        enteredBy: null,
        createdAt: T0,
      },
    ]);
    expect((await store.read.getCampaignByCode('camp-code'))?.sampleTarget).toBe(0.3);
  });

  it('a changed location keeps its history of versions, in force from when they changed', async () => {
    const loc = (await store.read.getLocation('lift-a'))!;
    const schedule = { kind: 'dailyAt' as const, times: ['09:00'] };
    await store.write((tx) => tx.updateLocation({ ...loc, schedule }, T0));
    await store.write((tx) => tx.updateLocation({ ...loc, schedule, active: false }, T0));
    const versions = (await store.read.locationVersions('e1')).get('lift-a')!;
    expect(versions.map((v) => [v.since, v.active, v.schedule])).toEqual([
      [T0 - 30 * 24 * HOUR, true, null],
      [T0, false, schedule],
    ]);
  });

  it("every row an estate's records make names that estate (ready to be split by estate)", async () => {
    for (const table of ['issue_events', 'tracking_tokens', 'record_photos', 'survey_responses', 'receipts']) {
      const rows = await raw(`SELECT estate_id, count(*) AS n FROM ${table} GROUP BY estate_id`);
      expect(
        rows.map((r) => [r.estate_id, Number(r.n) > 0]),
        table,
      ).toEqual([['e1', true]]);
    }
  });
});
