/**
 * WCAG 2.2 AA, checked by axe-core in real Chromium on every page people use: the popup, every console view and
 * tab, and the phone's pages for owners and staff. No serious or critical violation is allowed; a failure lists each
 * rule with the elements it found.
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportProblem } from '../../server/services/owners.ts';
import { API } from '../../shared/index.ts';
import { raiseIssue } from '../support/payloads.ts';
import type { TestServer } from '../support/server.ts';
import { e2e, phone, signInOnPhone, openChecklist } from './support/env.ts';
import { extension, type ExtensionEnv } from './support/extension.ts';

let server: TestServer;
let ext: ExtensionEnv;
beforeAll(async () => {
  ({ server } = await e2e());
  ext = await extension();
});

/** The serious and critical violations on the page as it stands, one line per rule. */
async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function expectClean(page: Page, what: string): Promise<void> {
  expect(await violations(page), what).toEqual([]);
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('the popup and every console view and tab, as the group administrator sees them', async () => {
    await ext.signIn(server.url, 'admin');
    const popup = await ext.page('src/popup/index.html');
    await popup.getByTestId('summary').waitFor();
    await expectClean(popup, 'popup');
    await popup.close();

    const page = await ext.page('src/console/index.html#/issues');
    const open = async (view: string, ready: string) => {
      await page.goto(page.url().replace(/#.*$/, `#/${view}`));
      await page.locator(ready).first().waitFor();
    };
    for (const [view, ready] of [
      ['issues', '[data-testid=issue-table]'],
      ['monthly', 'input[name=month]'],
      ['surveys', 'h2'],
      ['analysis', '[data-testid=chart-kind] svg'],
      ['kpi', '[data-testid=kpi-page]'],
      ['records', 'h2'],
      ['review', '[data-testid=table-review-complaints]'],
      ['labels', '[data-testid=labels-page]'],
      ['settings', 'h2'],
    ]) {
      await open(view, ready);
      await expectClean(page, view);
    }
    // An issue's page.
    const issueId = await raiseIssue(server, 'demo-gardens', {
      locationId: 'b1-lobby',
      severity: 'important',
      description: '大堂地面有水渍',
    });
    await open(`issues/${issueId}`, '[data-testid=issue-detail]');
    await expectClean(page, 'issue detail');
    // Every administration tab.
    await open('admin', '[data-testid=admin-page]');
    for (const tab of await page.locator('[data-testid=admin-page] .tabs button').all()) {
      const name = (await tab.textContent()) ?? '';
      await tab.click();
      await page.waitForLoadState('networkidle');
      await expectClean(page, `admin · ${name}`);
    }
    // The group's views.
    await open('group', '[data-testid=table-group]');
    await expectClean(page, 'group overview');
    for (const [tab, ready] of [
      ['集团模板', '[data-testid=group-library]'],
      ['集团角色', '[data-testid=group-roles]'],
    ]) {
      await page.getByRole('button', { name: tab }).click();
      await page.locator(ready).waitFor();
      await expectClean(page, tab);
    }
    await page.close();
    await ext.signIn(server.url, 'supervisor');
  }, 240_000);

  it("the phone's pages: an owner's report and its tracking page, a broken link, the lobby tablet, sign-in, and an inspector's home, day, round, notices and outbox", async () => {
    const lobby = (await server.running.deps.store.read.getLocation('b1-lobby'))!;
    const { context, page } = await phone();
    await page.goto(`/l/${lobby.code}?q=1`);
    await page.getByTestId('location-name').waitFor();
    await expectClean(page, 'location page (owner)');
    // Made through the service, not the public route: the route's per-address count is the other owner tests' to spend.
    const report = await reportProblem(
      server.running.deps,
      lobby,
      { id: randomUUID(), locationCode: lobby.code, category: 'facilities', description: '大堂灯不亮', photos: [], contact: '' },
      { author: 'test:accessibility', held: false },
    );
    await page.goto(`/t/${report.trackingToken}`);
    await page.getByTestId('track-status').waitFor();
    await expectClean(page, 'tracking page');
    await page.goto('/t/not-a-real-link');
    await page.getByTestId('service-help').waitFor();
    await expectClean(page, 'a broken progress link');
    const kiosk = await server.call(API.kioskLink, {
      params: { estateId: 'demo-gardens', id: 'b2-lobby' },
      token: await server.login('admin'),
    });
    const link = new URL(kiosk.body.url);
    await page.goto(link.pathname + link.hash);
    await page.getByTestId('face-4').waitFor();
    await expectClean(page, 'lobby tablet');
    await page.goto('/login');
    await expectClean(page, 'sign-in');
    await signInOnPhone(page, 'wang');
    await expectClean(page, 'home (inspector)');
    for (const path of ['/today', '/notices', '/outbox']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expectClean(page, path);
    }
    await page.goto(`/l/${lobby.code}`);
    await openChecklist(page);
    await page.locator('[data-testid=patrol-form] fieldset[data-item]').first().waitFor();
    await expectClean(page, 'patrol form');
    await page.goto('/t/not-a-real-link');
    await page.getByTestId('report-anyway').click();
    await page.locator('input[name=place]').waitFor();
    await expectClean(page, 'report with no code');
    await context.close();
    // The service desk's log, as its staff see it.
    const desk = await phone();
    await signInOnPhone(desk.page, 'supervisor');
    await desk.page.goto(`/l/${(await server.running.deps.store.read.getLocation('service-desk'))!.code}`);
    await desk.page.getByTestId('start-desk-log').click();
    await desk.page.getByTestId('desk-log').waitFor();
    await expectClean(desk.page, 'desk log');
    await desk.context.close();
  }, 120_000);
});
