/**
 * `npm run docs:screenshots`: every console view at 1366×768 and the PWA's main screens, on the seeded
 * demo estate, written to docs/. Run it after changing a screen so the README shows the product as it is.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig, projectRoot } from '../../server/config.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { buildDeps, startServer } from '../../server/start.ts';

const root = projectRoot();
const out = join(root, 'docs');
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'pqm-docs-'));
const config = { ...loadConfig([], {}), port: 0, host: '127.0.0.1', dataDir, staticDir: join(root, 'dist/kiosk') };
const deps = await buildDeps(config);
await seedDemo(deps);
const running = await startServer(config, deps);
const ext = join(root, 'dist/extension-test');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pqm-docs-profile-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
  args: [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--lang=zh-CN',
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
const page = await context.newPage();
await page.goto(`chrome-extension://${id}/src/popup/index.html`);
await page.fill('input[name=server]', running.url);
await page.fill('input[name=username]', 'supervisor');
await page.fill('input[name=password]', 'demo-2026');
await page.click('form[data-testid=signin] button[type=submit]');
await page.locator('[data-testid=summary]').waitFor();
await page.setViewportSize({ width: 420, height: 600 });
await page.screenshot({ path: join(out, 'extension-popup.png') });

const views = ['issues', 'monthly', 'surveys', 'analysis', 'kpi', 'records', 'review', 'admin', 'labels', 'settings'];
const consolePage = await context.newPage();
await consolePage.setViewportSize({ width: 1366, height: 768 });
for (const view of views) {
  await consolePage.goto(`chrome-extension://${id}/src/console/index.html#/${view}`);
  await consolePage.waitForLoadState('networkidle');
  if (view === 'labels') {
    for (const box of (await consolePage.locator('input[data-location]').all()).slice(0, 9)) await box.check();
  }
  await consolePage.waitForTimeout(600);
  // The analysis page is its charts: all of them, not the first screenful.
  await consolePage.screenshot({ path: join(out, `console-${view}.png`), fullPage: view === 'analysis' });
}
// The KPI page as it prints: the monthly quality report.
await consolePage.goto(`chrome-extension://${id}/src/console/index.html#/kpi`);
await consolePage.locator('[data-testid=report-cards] [data-figure=satisfaction]').waitFor();
await consolePage.emulateMedia({ media: 'print' });
await consolePage.waitForTimeout(600);
await consolePage.screenshot({ path: join(out, 'console-monthly-report.png'), fullPage: true });
await consolePage.emulateMedia({ media: 'screen' });
const first = (await deps.store.read.listIssues({ estateId: 'demo-gardens', open: true })).issues[0];
await consolePage.goto(`chrome-extension://${id}/src/console/index.html#/issues/${first.id}`);
await consolePage.locator('[data-testid=issue-detail]').waitFor();
await consolePage.waitForTimeout(600);
await consolePage.screenshot({ path: join(out, 'console-issue.png') });

// The group's views, as the demo's administrator (who runs the group).
await page.evaluate(() => chrome.runtime.sendMessage({ type: 'signOut' }));
await page.goto(`chrome-extension://${id}/src/popup/index.html`);
await page.fill('input[name=server]', running.url);
await page.fill('input[name=username]', 'admin');
await page.fill('input[name=password]', 'demo-2026');
await page.click('form[data-testid=signin] button[type=submit]');
await page.locator('[data-testid=summary]').waitFor();
await consolePage.goto(`chrome-extension://${id}/src/console/index.html#/group`);
await consolePage.reload();
await consolePage.locator('[data-testid=table-group]').waitFor();
await consolePage.waitForTimeout(600);
await consolePage.screenshot({ path: join(out, 'console-group.png') });
await consolePage.getByRole('button', { name: '集团模板' }).click();
await consolePage.locator('[data-testid=group-library]').waitFor();
await consolePage.screenshot({ path: join(out, 'console-group-library.png') });

const mobile = await context.newPage();
await mobile.setViewportSize({ width: 390, height: 844 });
const lobby = (await deps.store.read.getLocation('b1-lobby'))!;
await mobile.goto(`${running.url}/l/${lobby.code}?q=1`);
await mobile.locator('[data-testid=location-name]').waitFor();
await mobile.screenshot({ path: join(out, 'pwa-owner-report.png') });
// A link that leads nowhere: the service desk, and a report with no code.
await mobile.goto(`${running.url}/t/not-a-real-link`);
await mobile.getByTestId('report-anyway').click();
await mobile.locator('input[name=place]').waitFor();
await mobile.screenshot({ path: join(out, 'pwa-no-code-report.png'), fullPage: true });
// A guard's night round (巡更), signed in as an inspector, two checkpoints in.
await mobile.goto(`${running.url}/login`);
await mobile.fill('input[name=username]', 'wang');
await mobile.fill('input[name=password]', 'demo-2026');
await mobile.click('button[type=submit]');
await mobile.waitForURL(`${running.url}/`);
await mobile.goto(`${running.url}/round/demo-gardens/night-round`);
await mobile.getByTestId('start-round').click();
await mobile.getByTestId('round-progress').waitFor();
for (const id of ['main-gate', 'carpark']) {
  const place = (await deps.store.read.getLocation(id))!;
  await mobile.goto(`${running.url}/l/${place.code}?q=1`);
  await mobile.getByTestId('round-here').waitFor();
}
await mobile.goto(`${running.url}/round/demo-gardens/night-round`);
await mobile.getByTestId('next-checkpoint').waitFor();
await mobile.screenshot({ path: join(out, 'pwa-guard-round.png'), fullPage: true });

await context.close();
await running.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(`screenshots written to ${out}`);
