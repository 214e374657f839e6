/**
 * Chromium with the built extension loaded unpacked (dist/extension-test: the real build, with
 * localhost pre-granted because no automation can click Chrome's permission prompt).
 * One browser profile for all extension tests; the extension id comes from its service worker's URL.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { projectRoot } from '../../../server/config.ts';
import { CHROMIUM, e2e, syncClock } from './env.ts';

const DIST = join(projectRoot(), 'dist/extension-test');

export interface ExtensionEnv {
  context: BrowserContext;
  worker: Worker;
  id: string;
  page(path: string): Promise<Page>;
  /** Runs the real polling handler now, through a one-shot alarm (not the repeating one), and waits for it. */
  poll(): Promise<void>;
  badge(): Promise<{ text: string; colour: number[]; title: string }>;
  /** Signs the extension in through its popup (no-op when already signed in as that person). */
  signIn(serverUrl: string, username?: string, password?: string): Promise<void>;
  signOut(): Promise<void>;
}

let env: Promise<ExtensionEnv> | null = null;

export function extension(): Promise<ExtensionEnv> {
  env ??= (async () => {
    if (!existsSync(join(DIST, 'manifest.json')))
      throw new Error('dist/extension-test is missing: run `npm run build` first (npm test does)');
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pqm-ext-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      // A supervisor's desktop in another zone than the estate: the console must still show the estate's calendar.
      timezoneId: 'Europe/Berlin',
      args: [
        `--disable-extensions-except=${DIST}`,
        `--load-extension=${DIST}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    // Pages (popup, console, overlay hosts) run on the suite's clock; the worker keeps the machine's, as Playwright cannot fake a worker's.
    await syncClock(context, (await e2e()).server);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const ext: ExtensionEnv = {
      context,
      worker,
      id,
      async page(path) {
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error('[extension page error]', e.message));
        await page.goto(`chrome-extension://${id}/${path}`);
        return page;
      },
      async poll() {
        await worker.evaluate(async () => {
          type S = { lastOkAt?: number; failures?: number } | undefined;
          const before = ((await chrome.storage.local.get('state')).state as S) ?? {};
          const since = Date.now();
          await chrome.alarms.create('poll-now', { when: Date.now() });
          // Wait for a poll that started after this call (a periodic one already under way does not count).
          for (let i = 0; i < 200; i++) {
            await new Promise((r) => setTimeout(r, 25));
            const now = ((await chrome.storage.local.get('state')).state as S) ?? {};
            if ((now.lastOkAt ?? 0) >= since || (now.failures ?? 0) > (before.failures ?? 0)) return;
          }
          throw new Error('no poll finished within 5 s');
        });
      },
      async signIn(serverUrl, username = 'supervisor', password = 'demo-2026') {
        const who = await worker.evaluate(async () => {
          const state = (await chrome.storage.local.get('state')).state as { connection?: string; user?: { username: string } } | undefined;
          return state?.connection === 'ok' ? state.user?.username : null;
        });
        if (who === username) return;
        if (who) await ext.signOut();
        const page = await ext.page('src/popup/index.html');
        await page.fill('input[name=server]', serverUrl);
        await page.fill('input[name=username]', username);
        await page.fill('input[name=password]', password);
        await page.click('form[data-testid=signin] button[type=submit]');
        await page.locator('[data-testid=summary]').waitFor();
        await page.close();
      },
      async signOut() {
        const page = await ext.page('src/popup/index.html');
        await page.evaluate(() => chrome.runtime.sendMessage({ type: 'signOut' }));
        await page.close();
      },
      async badge() {
        return worker.evaluate(async () => ({
          text: await chrome.action.getBadgeText({}),
          colour: (await chrome.action.getBadgeBackgroundColor({})) as number[],
          title: await chrome.action.getTitle({}),
        }));
      },
    };
    return ext;
  })();
  return env;
}

/** A plain web page on its own port, standing in for the company OA the supervisor works in. */
export async function officePage(): Promise<{ port: number; server: Server }> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html><head><title>OA</title><style>* { color: red !important; font-size: 40px !important; } div { display: none !important; }</style></head><body><h1>公司OA · Company OA</h1></body></html>',
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, server };
}
