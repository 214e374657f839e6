/**
 * One built app, one server and one browser for every end-to-end test file (they run in one
 * worker, in sequence). Each test gets a fresh browser context: its own IndexedDB, service worker
 * and cookies, as a different phone would have.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { projectRoot } from '../../../server/config.ts';
import { SUITE_START } from '../../support/clock.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = join(projectRoot(), 'dist/kiosk');

interface Env {
  server: TestServer;
  browser: Browser;
}

let env: Promise<Env> | null = null;

export function e2e(): Promise<Env> {
  env ??= (async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/kiosk is missing: run `npm run build` first (npm test does)');
    // Plain HTTP to 127.0.0.1 lets notification channels reach the test's local robot receiver.
    const server = await startTestServer({
      staticDir: DIST,
      realClock: true,
      now: SUITE_START,
      config: { plainHttpChannelHosts: ['127.0.0.1'] },
    });
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
        // A camera and microphone for recording clips: Chromium's own test pattern and tone, allowed without a prompt.
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    });
    return { server, browser };
  })();
  return env;
}

/** A fresh install (no estate, no account) serving the built PWA, for the first-run journey; the caller closes it. */
export function emptyServer(): Promise<TestServer> {
  return startTestServer({ staticDir: DIST, realClock: true, now: SUITE_START, empty: true });
}

/** The demo estates at another instant than the suite's, serving the built PWA; the caller closes it. */
export function demoServerAt(now: number): Promise<TestServer> {
  return startTestServer({ staticDir: DIST, realClock: true, now });
}

process.once('beforeExit', () => {
  void env?.then(async ({ server, browser }) => {
    await browser.close();
    await server.close();
  });
});

/**
 * Gives a browser context the server's clock: both start at the suite's instant and run at real
 * speed, so "today" on the page is the server's today whatever the machine's date.
 */
export async function syncClock(context: BrowserContext, server: TestServer): Promise<void> {
  await context.clock.install({ time: server.clock.now });
}

/** A phone in China: mobile viewport, Chinese first, Shanghai's zone, its own storage, the suite's (or `on`'s) clock. */
export async function phone(
  locale = 'zh-CN',
  timezoneId = 'Asia/Shanghai',
  on?: TestServer,
): Promise<{ context: BrowserContext; page: Page }> {
  const { browser, server: shared } = await e2e();
  const server = on ?? shared;
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 390, height: 844 },
    locale,
    timezoneId,
    hasTouch: true,
    isMobile: true,
  });
  await syncClock(context, server);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return { context, page };
}

/** Signs a phone in through the login screen, as a person would. */
export async function signInOnPhone(page: Page, username: string, password = 'demo-2026'): Promise<void> {
  await page.goto('/login');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('form[data-testid=login] button[type=submit]');
  await page.waitForURL((u) => u.pathname === '/');
}

/**
 * The checklist of the place open on the phone, as a patroller gets to it: already open when a round is due there,
 * else started with a tap (a voluntary round).
 */
export async function openChecklist(page: Page): Promise<void> {
  const form = page.getByTestId('patrol-form');
  const start = page.getByTestId('start-patrol');
  await form.or(start).first().waitFor();
  if (!(await form.isVisible())) await start.click();
  await form.locator('fieldset[data-item]').first().waitFor();
}

/**
 * Waits until the service worker controls the page, so the shell is precached for offline use (a worker controls
 * pages only once it is active, that is once its install, the precache, is done). The predicate is synchronous:
 * waitForFunction takes a returned promise as truthy at once.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  const controlled = (timeout: number) =>
    page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout, polling: 100 });
  await controlled(15_000).catch(async () => {
    // First visit: the worker activates but does not control this page until a reload.
    await page.reload();
    await controlled(15_000);
  });
}

/** A real JPEG for the camera input. */
export async function cameraPhoto(colour = '#3366aa'): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  return {
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: await sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } })
      .jpeg()
      .toBuffer(),
  };
}

/** Decodes the QR code in a PNG screenshot, as a phone camera would read it. */
async function decodeQr(png: Buffer): Promise<string> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const hit = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  if (!hit) throw new Error('no QR code in the image');
  return hit.data;
}

/**
 * Reads the QR code a page shows, as a camera pointed at the screen would: again until it reads, for up to five seconds,
 * since a code drawn just now may not be painted yet.
 */
export async function readQr(target: Locator): Promise<string> {
  let last: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return await decodeQr(await target.screenshot());
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw last;
}

export async function pendingCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid=pending-count]').first().textContent());
}
