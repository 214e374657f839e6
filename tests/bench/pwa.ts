/**
 * PWA budgets, measured in Debian Chromium under a phone's conditions (4× CPU slowdown, slow 4G: 150 ms RTT,
 * 1.6 Mbps down; 390×844), cold caches, median of 5, beside a floor measured in the same run (issue 15):
 * - floor: a lean hand-written Preact page with its 20-item checklist in the HTML (tests/bench/floor/);
 * - owner: our location page for an owner, until the report form is usable;
 * - staff: our location page for a signed-in inspector with a round due there, until the 20th checklist field is on
 *   screen (with none due, a tap starts a voluntary round: the marker taps it at once);
 * - warm / offline: the owner's page again, from the service worker.
 * Each time is taken inside the page (a MutationObserver) and said on its console, so the driver's polling does not count.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultTemplateFor } from '../../shared/index.ts';
import { projectRoot } from '../../server/config.ts';
import { MONDAY_0900, startTestServer } from '../support/server.ts';
import { median } from './server.ts';
import { API } from '../../shared/index.ts';

const DIST = join(projectRoot(), 'dist/kiosk');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;

export function locationPageJsBytes(): { files: string[]; gzip: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
  return { files, gzip };
}

/** The same 20 pass/fail items for the floor and for our checklist. */
function twentyItems() {
  const base = defaultTemplateFor('lobby').items.find((i) => i.answer.kind === 'passFail')!;
  return Array.from({ length: 20 }, (_, n) => ({ ...base, id: `item${n + 1}`, label: { zh: `检查项 ${n + 1}`, en: `Item ${n + 1}` } }));
}

/** The floor page, bundled now and served precompressed like ours, by a plain Node server. */
async function startFloor(): Promise<{ url: string; server: Server; jsBytes: number }> {
  const out = await build({
    entryPoints: [join(projectRoot(), 'tests/bench/floor/floor.tsx')],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  const js = out.outputFiles[0].contents;
  const data = JSON.stringify({ name: '1号楼大堂 · Building 1 lobby', items: twentyItems() }).replace(/</g, '\\u003c');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title><script type="module" src="/floor.js"></script><script id="data" type="application/json">${data}</script></head><body><div id="app"></div></body></html>`;
  // Cache-first for its two files, claimed at once: the least a service worker can do.
  const sw = `const FILES = ['/', '/floor.js'];
    self.addEventListener('install', (e) => e.waitUntil(caches.open('floor').then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));
    self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
    self.addEventListener('fetch', (e) => {
      const path = new URL(e.request.url).pathname;
      if (FILES.includes(path)) e.respondWith(caches.match(path).then((r) => r ?? fetch(e.request)));
    });`;
  const files: Record<string, [string, Uint8Array]> = {
    '/': ['text/html', new TextEncoder().encode(html)],
    '/floor.js': ['text/javascript', js],
    '/sw.js': ['text/javascript', new TextEncoder().encode(sw)],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    const br = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { 'content-type': file[0], ...(br ? { 'content-encoding': 'br' } : {}), 'cache-control': 'no-store' });
    res.end(br ? brotliCompressSync(file[1]) : file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, jsBytes: gzipSync(js).length };
}

async function emulateMobile(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
}

/** Marks the moment the page is usable for its case; for staff it starts the round as soon as it can, as a person would. */
const MARKER = (ready: string, press?: string) => `
  new MutationObserver((_, obs) => {
    ${press ? `const b = document.querySelector(${JSON.stringify(press)}); if (b && !b.dataset.pressed) { b.dataset.pressed = '1'; b.click(); }` : ''}
    if (${ready}) { console.debug('pqm-usable', performance.now()); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;
const OWNER_READY = `document.querySelector('[data-testid=location-name]') && document.querySelector('form[data-testid=owner-report] textarea:not([disabled])')`;
const TWENTY_FIELDS = `document.querySelectorAll('fieldset[data-item]').length >= 20`;

/**
 * The page says when it is usable on its console. The driver only listens: polling the page (waitForFunction)
 * would make Playwright compile its injected script in the page while it loads, on the throttled CPU.
 */
async function openAndMeasure(page: Page, url: string): Promise<number> {
  const usable = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('pqm-usable'), timeout: 30_000 });
  await page.goto(url, { waitUntil: 'commit' });
  const message = await usable;
  return Number(await message.args()[1].jsonValue());
}

async function cold(browser: Browser, url: string, marker: string, token?: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  await context.addInitScript(marker);
  if (token) await context.addInitScript(`localStorage.setItem('pqm.token', ${JSON.stringify(token)})`);
  const page = await context.newPage();
  await emulateMobile(page);
  const ms = await openAndMeasure(page, url);
  await context.close();
  return ms;
}

/** A page opened cold, then again from its service worker (which claims the page on its first install), then offline. */
async function keptOpens(browser: Browser, url: string, marker: string): Promise<{ cold: number; warm: number; offline: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  await context.addInitScript(marker);
  const page = await context.newPage();
  await emulateMobile(page);
  const cold = await openAndMeasure(page, url);
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 20_000 });
  const warm = await openAndMeasure(page, url);
  await context.setOffline(true);
  const offline = await openAndMeasure(page, url);
  await context.close();
  return { cold, warm, offline };
}

export async function benchPwa(): Promise<Record<string, number>> {
  const js = locationPageJsBytes();
  console.log(`location page JS: ${js.files.length} files, ${(js.gzip / 1024).toFixed(1)} KB gzipped`);
  // 09:00 on a Monday, when the lobby has a round due: the inspector comes to do it, whatever the hour the bench runs at.
  const server = await startTestServer({ staticDir: DIST, realClock: true, now: MONDAY_0900 });
  // A 20-item lobby checklist, the same as the floor's.
  const admin = await server.login('admin');
  const tpl = defaultTemplateFor('lobby');
  await server.call(API.publishTemplate, {
    params: { estateId: 'demo-gardens' },
    token: admin,
    json: { id: tpl.id, kind: 'lobby', name: tpl.name, schedule: tpl.schedule, items: twentyItems() },
  });
  const inspector = await server.login('wang');
  const floor = await startFloor();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const location = `${server.url}/l/${(await server.running.deps.store.read.getLocation('b1-lobby'))!.code}?q=1`;
  const runs = {
    floor: [] as number[],
    floorWarm: [] as number[],
    floorOffline: [] as number[],
    owner: [] as number[],
    staff: [] as number[],
    warm: [] as number[],
    offline: [] as number[],
  };
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so a slow moment of the machine falls on every case alike.
    const floorPages = await keptOpens(browser, floor.url, MARKER(TWENTY_FIELDS));
    runs.floor.push(floorPages.cold);
    runs.floorWarm.push(floorPages.warm);
    runs.floorOffline.push(floorPages.offline);
    runs.staff.push(await cold(browser, location, MARKER(TWENTY_FIELDS, '[data-testid=start-patrol]'), inspector));
    const owner = await keptOpens(browser, location, MARKER(OWNER_READY));
    runs.owner.push(owner.cold);
    runs.warm.push(owner.warm);
    runs.offline.push(owner.offline);
  }
  await browser.close();
  floor.server.close();
  await server.close();
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) as Record<keyof typeof runs, number>;
  const list = (xs: number[]) => `[${xs.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(
    `floor page (hand-written Preact, ${(floor.jsBytes / 1024).toFixed(1)} KB JS gzip), to the 20th field: median ${m.floor.toFixed(0)} ms of ${list(runs.floor)}`,
  );
  console.log(
    `owner, to the report form: median ${m.owner.toFixed(0)} ms of ${list(runs.owner)} → ${(m.owner / m.floor).toFixed(2)}× the floor`,
  );
  console.log(
    `inspector signed in, to the 20th field: median ${m.staff.toFixed(0)} ms of ${list(runs.staff)} → ${(m.staff / m.floor).toFixed(2)}× the floor`,
  );
  console.log(
    `warm open from the service worker: median ${m.warm.toFixed(0)} ms (floor ${m.floorWarm.toFixed(0)} ms); offline: median ${m.offline.toFixed(0)} ms (floor ${m.floorOffline.toFixed(0)} ms)`,
  );
  return {
    jsGzip: js.gzip,
    floorMs: m.floor,
    ownerMs: m.owner,
    staffMs: m.staff,
    ownerRatio: m.owner / m.floor,
    staffRatio: m.staff / m.floor,
    warmMs: m.warm,
    offlineMs: m.offline,
    floorWarmMs: m.floorWarm,
    floorOfflineMs: m.floorOffline,
  };
}
