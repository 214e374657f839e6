/**
 * PWA budgets (issue 4), measured in Debian Chromium:
 * - the JavaScript a location page needs (entry + preloaded chunks), gzipped: ≤ 50 KB
 * - a cold open with mobile emulation (4× CPU slowdown, slow 4G: 150 ms RTT, 1.6 Mbps down): interactive < 2 s
 * - a warm / offline open served by the service worker, same emulation: interactive < 300 ms
 * "Interactive" is when the location's name and its report form are on screen and usable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { projectRoot } from '../../server/config.ts';
import { startTestServer } from '../support/server.ts';

const DIST = join(projectRoot(), 'dist/kiosk');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function locationPageJsBytes(): { files: string[]; gzip: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
  return { files, gzip };
}

async function emulateMobile(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
}

/**
 * Milliseconds from navigation start until the page is usable, taken inside the page by a
 * MutationObserver (so the test driver's own polling does not count).
 */
const MARK_USABLE = `
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=location-name]') && document.querySelector('form[data-testid=owner-report] textarea:not([disabled])')) {
      window.__usableAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function openAndMeasure(page: Page, path: string): Promise<number> {
  await page.goto(path, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt);
}

export async function benchPwa(): Promise<Record<string, number>> {
  const js = locationPageJsBytes();
  console.log(`location page JS: ${js.files.length} files, ${(js.gzip / 1024).toFixed(1)} KB gzipped`);
  const server = await startTestServer({ staticDir: DIST, realClock: true, now: Date.now() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const path = `/l/${server.running.deps.store.getLocation('b1-lobby')!.code}?q=1`;
  const cold: number[] = [];
  const warm: number[] = [];
  const offline: number[] = [];
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await context.addInitScript(MARK_USABLE);
    const page = await context.newPage();
    await emulateMobile(page);
    cold.push(await openAndMeasure(page, path));
    // The worker claims the page on its first install; from then on the shell comes from it.
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 20_000 });
    warm.push(await openAndMeasure(page, path));
    await context.setOffline(true);
    offline.push(await openAndMeasure(page, path));
    await context.close();
  }
  await browser.close();
  await server.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`cold open (4× CPU, slow 4G): median ${median(cold).toFixed(0)} ms of [${cold.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`warm open from the service worker: median ${median(warm).toFixed(0)} ms; offline: median ${median(offline).toFixed(0)} ms`);
  return { jsGzip: js.gzip, coldMs: median(cold), warmMs: median(warm), offlineMs: median(offline) };
}
