/** The supervisor extension, loaded unpacked in real Chromium, against the real server with the demo estate. */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.ts';
import { failItem, inspection, raiseIssue } from '../support/payloads.ts';
import { closedShadow } from './support/closed-shadow.ts';
import { e2e } from './support/env.ts';
import { extension, officePage, type ExtensionEnv } from './support/extension.ts';
import { reportProblem } from '../../server/services/owners.ts';
import { API, wallClock, type RouteInput } from '../../shared/index.ts';

let server: TestServer;
let ext: ExtensionEnv;
let office: Awaited<ReturnType<typeof officePage>>;
const XSS = '<img src=x onerror=alert(1)>';

beforeAll(async () => {
  ({ server } = await e2e());
  ext = await extension();
  office = await officePage();
});
afterAll(() => {
  office.server.closeAllConnections();
  office.server.close();
});

const store = () => server.running.deps.store.read;
const serverCounts = async () => {
  const r = await server.call(API.alerts, { params: { estateId: 'demo-gardens' }, token: await server.login('supervisor') });
  return r.body.counts as { badge: number; overdue: number };
};
const alertsBadge = async () => (await serverCounts()).badge;

async function popup(): Promise<Page> {
  return ext.page('src/popup/index.html');
}

describe('the supervisor extension', () => {
  it("signs in from the popup, asking for the one server origin; the badge then shows the server's counts", async () => {
    await ext.signOut();
    const page = await popup();
    await page.fill('input[name=server]', server.url);
    await page.fill('input[name=username]', 'supervisor');
    // A wrong password: the server's refusal is said in the user's language, not in the server's English.
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('form[data-testid=signin] button[type=submit]');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('用户名或密码错误');
    await page.fill('input[name=password]', 'demo-2026');
    await page.click('form[data-testid=signin] button[type=submit]');
    await page.locator('[data-testid=summary]').waitFor();
    const granted = await ext.worker.evaluate((origin) => chrome.permissions.contains({ origins: [`${origin}/*`] }), server.url);
    expect(granted).toBe(true);
    const badge = await ext.badge();
    const expected = await alertsBadge();
    expect(badge.text).toBe(expected === 0 ? '' : String(expected));
    expect(badge.title).toContain('超期整改');
    // The token is in the extension's IndexedDB, not in chrome.storage where content scripts could read it.
    const stored = await ext.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    const token = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res) => {
        const r = indexedDB.open('pqm-extension');
        r.onsuccess = () => res(r.result);
      });
      return new Promise<string>((res) => {
        const g = db.transaction('auth').objectStore('auth').get('session');
        g.onsuccess = () => res(g.result.token);
      });
    });
    expect(token.length).toBeGreaterThan(40);
    expect(stored).not.toContain(token);
    await page.close();
  });

  it('a group administrator follows every estate: the badge adds them up and the popup lists each estate under its name', async () => {
    // Something new and urgent at Riverside, whatever the hour.
    await raiseIssue(
      server,
      'riverside',
      { locationId: 'rs-lift', category: 'facilities', severity: 'urgent', description: '电梯困人 · lift stuck' },
      'rs-supervisor',
    );
    await ext.signIn(server.url, 'admin');
    await ext.poll();
    const token = await server.login('admin');
    const estates = (await server.call(API.estates, { token })).body;
    expect(estates.map((e) => e.id)).toEqual(expect.arrayContaining(['demo-gardens', 'riverside']));
    let sum = 0;
    for (const e of estates) sum += (await server.call(API.alerts, { params: { estateId: e.id }, token })).body.counts.badge;
    expect((await ext.badge()).text).toBe(sum === 0 ? '' : String(sum));
    const page = await popup();
    const urgent = page.getByTestId('list-urgent');
    await urgent.waitFor();
    // Each estate's items under its own name.
    const heads = await urgent.getByTestId('estate-head').allTextContents();
    expect(heads.some((h) => h.startsWith('滨江苑 · '))).toBe(true);
    await expect(urgent.textContent()).resolves.toContain('电梯困人');
    await page.close();
    await ext.signIn(server.url, 'supervisor');
  });

  it('an issue that becomes overdue raises the badge and notifies exactly once over several polls; the popup lists it and "escalate" works', async () => {
    const before = await serverCounts();
    const patrol = await server.call(API.submitInspection, {
      token: await server.login('wang'),
      json: inspection(
        'lift',
        'b2-lift-b',
        server.clock.now - 60_000,
        failItem('doors', 'door reopens by itself', [{ sha256: 'e'.repeat(64), size: 10 }]),
      ),
    });
    const issueId: string = patrol.body.issues[0];
    await server.call(API.actOnIssue, {
      params: { id: issueId },
      token: await server.login('supervisor'),
      json: {
        id: randomUUID(),
        action: { type: 'assign', departmentId: 'engineering', requirement: 'adjust the door sensor', deadline: server.clock.now + 3000 },
      },
    });
    await ext.poll();
    const notifiedFor = async () =>
      ext.worker.evaluate(
        async (id) =>
          (((await chrome.storage.local.get('notificationLog')).notificationLog as { key: string }[] | undefined) ?? []).filter((n) =>
            n.key.startsWith(`overdue:${id}`),
          ).length,
        issueId,
      );
    expect(await notifiedFor()).toBe(0);

    await new Promise((r) => setTimeout(r, 3500));
    for (let i = 0; i < 3; i++) await ext.poll();
    expect(await notifiedFor()).toBe(1);
    const badge = await ext.badge();
    // Patrol slots can turn "missed" while the test runs (real time), so compare with the server now.
    const after = await serverCounts();
    expect(after.overdue).toBe(before.overdue + 1);
    expect(Number(badge.text)).toBe(after.badge);
    expect(badge.colour).toEqual([198, 40, 40, 255]); // urgent red

    const page = await popup();
    const row = page.locator(`[data-testid=overdue-row][data-issue="${issueId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('工程维修部');
    await row.locator('[data-testid=escalate]').click();
    await expect.poll(async () => (await store().getIssue(issueId))?.manualLevel).toBe(1);
    await page.close();
  });

  it("a finding no dispatch rule matches shows in the popup's 待派单 list and counts in the badge, with no supervisor action", async () => {
    const admin = await server.login('admin');
    const params = { estateId: 'demo-gardens' };
    const rules = (await server.call(API.setup, { params, token: admin })).body.routing;
    // Whatever rules the estate has, none may send greening anywhere for this test.
    await server.call(API.setRouting, { params, token: admin, json: { rules: rules.filter((r) => r.category !== 'greening') } });
    try {
      const patrol = await server.call(API.submitInspection, {
        token: await server.login('wang'),
        json: inspection(
          'green_area',
          'north-garden',
          server.clock.now - 60_000,
          failItem('trim', 'hedge overgrown', [{ sha256: 'f'.repeat(64), size: 10 }]),
        ),
      });
      const issueId: string = patrol.body.issues[0];
      await ext.poll();
      const page = await popup();
      const row = page.locator(`[data-testid=list-dispatch] [data-issue="${issueId}"]`);
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('北区花园');
      expect(Number((await ext.badge()).text)).toBe(await alertsBadge());
      await page.close();
    } finally {
      await server.call(API.setRouting, { params, token: admin, json: { rules } });
    }
  });

  it('an owner\'s "not fixed" notifies the supervisor once and is listed in the popup', async () => {
    // The owner's report and its history are written through the services (the QR pages' flood limits are for the PWA tests).
    const { createIssue, actOnIssue } = await import('../../server/services/issues.ts');
    const now = server.clock.now;
    const issue = await server.running.deps.store.write(async (tx) => {
      const reported = await createIssue(
        tx,
        {
          estateId: 'demo-gardens',
          locationId: 'b1-lobby',
          source: 'owner',
          category: 'hygiene',
          severity: 'general',
          description: '门口垃圾没清 · rubbish by the door',
          verified: false,
          at: now,
        },
        { kind: 'owner' },
      );
      const sup = { kind: 'user', id: 'u-supervisor', role: 'supervisor' } as const;
      await actOnIssue(tx, reported, { type: 'accept' }, sup, now);
      const assigned = await actOnIssue(
        tx,
        (await tx.getIssue(reported.id))!,
        { type: 'assign', departmentId: 'cleaning', requirement: 'clear it', deadline: null, assigneeId: null },
        sup,
        now,
      );
      const fixed = await actOnIssue(
        tx,
        assigned,
        { type: 'rectify', note: 'cleared', photos: [] },
        { kind: 'user', id: 'u-clean', role: 'department', departmentId: 'cleaning' },
        now,
      );
      return actOnIssue(tx, fixed, { type: 'ownerNotFixed', reason: '还在 · still there' }, { kind: 'owner' }, now);
    });
    const notified = async () =>
      ext.worker.evaluate(
        async (id) =>
          (((await chrome.storage.local.get('notificationLog')).notificationLog as { key: string }[] | undefined) ?? []).filter((n) =>
            n.key.startsWith(`notFixed:${id}`),
          ).length,
        issue.id,
      );
    for (let i = 0; i < 3; i++) await ext.poll();
    expect(await notified()).toBe(1);
    const page = await popup();
    await page.locator(`[data-testid=list-not-fixed] [data-issue="${issue.id}"]`).waitFor();
    await page.close();
  });

  it('a guard round nobody walked notifies the supervisor once, and its notification opens the analysis', async () => {
    // A route whose one round was due from 70 to 10 minutes ago, on the estate's clock: closed, and walked by nobody.
    const TZ = 'Asia/Shanghai';
    const params = { estateId: 'demo-gardens', id: 'e2e-lapsed' };
    const from = wallClock(server.clock.now - 70 * 60_000, TZ);
    const route: RouteInput = {
      name: { zh: '地库巡更', en: 'Car park round' },
      checkpoints: ['carpark', 'pump-room'],
      schedule: {
        kind: 'interval',
        everyHours: 1,
        from,
        to: wallClock(server.clock.now - 10 * 60_000, TZ),
      },
      legMinutes: { min: 1, max: 20 },
      active: true,
    };
    const admin = await server.login('supervisor');
    expect((await server.call(API.saveRoute, { params, token: admin, json: route })).status).toBe(200);
    try {
      for (let i = 0; i < 3; i++) await ext.poll();
      const told = await ext.worker.evaluate(async () =>
        (((await chrome.storage.local.get('notificationLog')).notificationLog as { key: string }[] | undefined) ?? [])
          .map((n) => n.key)
          .filter((k) => k.startsWith('round:demo-gardens:e2e-lapsed:')),
      );
      expect(told).toHaveLength(1);
      const target = await ext.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], `notif:pqm:${told[0]}`);
      expect(target).toEqual({ open: '/analysis', estateId: 'demo-gardens' });
      // The popup shows the round's hours on the estate's clock, whatever the browser's zone (the suite's second pass
      // runs the browser in Los Angeles).
      const popup = await ext.page('src/popup/index.html');
      const row = popup.locator('[data-testid=missed-round-row]', { hasText: '地库巡更' });
      await expect(row.locator('.time').textContent()).resolves.toMatch(new RegExp(`^${from}–\\d\\d:\\d\\d$`));
      await popup.close();
    } finally {
      await server.call(API.saveRoute, { params, token: admin, json: { ...route, active: false } });
    }
  });

  it('the overlay appears on an opted-in site, inside a closed shadow root the page can neither restyle nor read, and nowhere else', async () => {
    const optedIn = `http://localhost:${office.port}`;
    const settings = await ext.page('src/console/index.html#/settings');
    await settings.fill('input[name=site]', optedIn);
    await settings.getByRole('button', { name: '添加网站' }).click();
    await settings.locator('[data-testid=overlay-sites] li', { hasText: optedIn }).waitFor();
    await settings.close();

    const oa = await ext.context.newPage();
    await oa.goto(`${optedIn}/`);
    const overlay = closedShadow(oa, 'pqm-overlay-host');
    await overlay.waitFor('[data-testid=overlay-pill]');
    await expect(overlay.text('[data-testid=overlay-pill]')).resolves.toMatch(/^\d+ 超期整改 · \d+ 待办$/);
    // The page's "* { color: red !important }" does not reach inside.
    await expect(overlay.color('[data-testid=overlay-pill]')).resolves.toBe('rgb(255, 255, 255)');
    await overlay.click('[data-testid=overlay-pill]');
    await overlay.waitFor('[data-testid=overlay-lists]');
    // The page's own scripts cannot read the supervisor's lists: no shadow root handle, no text.
    expect(await oa.evaluate(() => document.getElementById('pqm-overlay-host')?.shadowRoot ?? null)).toBeNull();
    expect(await oa.evaluate(() => document.documentElement.textContent)).not.toContain('超期整改');
    // Drag it and reload: position and state are remembered.
    const box = await overlay.centre('[data-testid=overlay-pill]');
    await oa.mouse.move(box.x, box.y);
    await oa.mouse.down();
    await oa.mouse.move(box.x + 200, box.y + 100, { steps: 5 });
    await oa.mouse.up();
    await oa.reload();
    await overlay.waitFor('[data-testid=overlay-pill]');
    const moved = await overlay.centre('[data-testid=overlay-pill]');
    expect(Math.round(moved.x - box.x)).toBe(200);
    await overlay.waitFor('[data-testid=overlay-lists]');

    const other = await ext.context.newPage();
    await other.goto(`http://127.0.0.1:${office.port}/`);
    await other.waitForTimeout(1000);
    expect(await other.locator('#pqm-overlay-host').count()).toBe(0);
    await oa.close();
    await other.close();
  });

  it('an owner report whose description is markup shows as text in the popup, the overlay and the console', async () => {
    const dialogs: string[] = [];
    ext.context.on('page', (p) =>
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      }),
    );
    const carpark = (await store().getLocation('carpark'))!;
    // Made through the service, not the public route: the route's per-address count is the phone tests' to spend.
    const report = await reportProblem(
      server.running.deps,
      carpark,
      { id: randomUUID(), locationCode: carpark.code, category: 'order', description: XSS, photos: [], contact: '' },
      { author: 'test:extension', held: false },
    );
    await ext.poll();

    const page = await popup();
    const row = page.locator(`[data-testid=accept-row][data-issue="${report.issueId}"]`);
    await expect(row.locator('.desc').textContent()).resolves.toBe(XSS);
    expect(await page.locator('img[src=x]').count()).toBe(0);

    const oa = await ext.context.newPage();
    oa.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await oa.goto(`http://localhost:${office.port}/`);
    const overlay = closedShadow(oa, 'pqm-overlay-host');
    await overlay.waitFor('[data-testid=overlay-lists]');
    await expect(overlay.text(`[data-issue="${report.issueId}"] .desc`)).resolves.toBe(XSS);
    expect(await overlay.count('img')).toBe(0);

    const detail = await ext.page(`src/console/index.html#/issues/${report.issueId}`);
    await detail.locator('[data-testid=issue-detail]').waitFor();
    await expect(detail.locator('dd.text').first().textContent()).resolves.toBe(XSS);
    expect(await detail.locator('img[src=x]').count()).toBe(0);

    // Accept from the popup.
    await row.locator('[data-testid=accept]').click();
    await expect.poll(async () => (await store().getIssue(report.issueId))?.verified).toBe(true);
    expect(dialogs).toEqual([]);
    await Promise.all([page.close(), oa.close(), detail.close()]);
  });

  it('a stopped server shows "offline", not stale counts, and recovers when it is back', async () => {
    await server.running.close();
    let stopped = true;
    try {
      // A poll already under way when the server stopped may still succeed; the next one cannot.
      await ext.poll();
      await ext.poll();
      const offline = await ext.badge();
      expect(offline.text).toBe('!');
      expect(offline.title).toContain('离线');
      const page = await popup();
      await page.locator('[data-testid=offline]').waitFor();
      expect(await page.locator('[data-testid=list-overdue]').count()).toBe(0);

      await server.restart();
      stopped = false;
      await ext.poll();
      const back = await ext.badge();
      const expected = await alertsBadge();
      expect(back.text).toBe(expected === 0 ? '' : String(expected));
      await page.reload();
      await page.locator('[data-testid=summary]').waitFor();
      await page.close();
    } finally {
      // The other test files share this server: never leave it stopped.
      if (stopped) await server.restart();
    }
  });
});
