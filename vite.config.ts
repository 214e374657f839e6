/// <reference types="vitest/config" />
/**
 * One config for every build and for the tests. `vite build --mode <target>` picks what to build:
 *   kiosk           → dist/kiosk           the field PWA, with its service worker (served by the server at /)
 *   extension       → dist/extension       the supervisor extension (load unpacked)
 *   extension-test  → dist/extension-test  the same, with localhost pre-granted for the browser tests
 *   server     → dist/server/main.js, backup.js, restore.js, admin.js (Node 20; dependencies stay in node_modules)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor } from './extension/manifest.config.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const preactJsx = { oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } } };

/**
 * crxjs lists the overlay script as web-accessible to every site, which only a page-loaded script
 * needs. Ours is injected by chrome.scripting, so drop the entry: no site can probe for the extension.
 */
const noWebAccessibleOverlay: Plugin = {
  name: 'pqm:no-web-accessible-overlay',
  enforce: 'post',
  // crxjs writes the manifest late, so edit the written file.
  writeBundle(options) {
    const file = join(options.dir ?? '', 'manifest.json');
    if (!existsSync(file)) return;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
    manifest.web_accessible_resources = manifest.web_accessible_resources?.filter(
      (w) => !w.resources.some((r) => r.includes('content/overlay')),
    );
    if (!manifest.web_accessible_resources?.length) delete manifest.web_accessible_resources;
    writeFileSync(file, JSON.stringify(manifest, null, 2));
  },
};

/**
 * Everything a page's entry loads before its first paint, in one chunk beside it. Over HTTP/1.1 a browser opens six
 * connections to a host: split into eight shared chunks and a stylesheet, the location page's last requests waited a
 * round trip for a free connection (and each module an extension page links costs it a few ms too). The app's modules
 * the entry reaches by static imports are known once the graph is built; what only lazily loaded pages use stays in
 * their own chunks, and so does what `apart` (another entry) reaches: the extension's worker must not load the popup's
 * UI with its own modules. The walk stops at `shared/`: through its barrel every module imports every schema, so the
 * group takes only the `shared/` code its members really use (rolldown adds a captured module's dependencies after
 * tree-shaking).
 */
const SHARED = here('./shared/');
function firstPaintChunk(name: string, entry: string, apart?: string) {
  const modules = new Set<string>();
  const common = new Set<string>();
  const plugin: Plugin = {
    name: `pqm:first-paint-chunk:${name}`,
    buildEnd() {
      const reach = (from: string): Set<string> => {
        const seen = new Set<string>();
        const walk = (id: string): void => {
          if (seen.has(id) || id.startsWith(SHARED)) return;
          seen.add(id);
          for (const dep of this.getModuleInfo(id)?.importedIds ?? []) walk(dep);
        };
        walk(from);
        return seen;
      };
      modules.clear();
      common.clear();
      const other = apart ? reach(apart) : new Set<string>();
      for (const id of reach(entry)) if (id !== entry) (other.has(id) ? common : modules).add(id);
    },
  };
  // What both entries load is a chunk of its own, claimed first, so that the other entry loads none of this one's code.
  const groups = [
    ...(apart ? [{ name: `${name}-common`, priority: 2, test: (id: string) => common.has(id) }] : []),
    { name, priority: 1, test: (id: string) => modules.has(id) },
  ];
  return { plugin, groups };
}

const extension = (test: boolean): UserConfig => {
  const popupFirstPaint = firstPaintChunk('popup', here('./extension/src/popup/main.tsx'), here('./extension/src/background/index.ts'));
  return {
    ...preactJsx,
    root: here('./extension'),
    publicDir: here('./extension/public'),
    build: {
      outDir: here(test ? './dist/extension-test' : './dist/extension'),
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: false,
      // Chrome has had module preload since 66.
      modulePreload: { polyfill: false },
      rolldownOptions: { output: { codeSplitting: { groups: popupFirstPaint.groups } } },
    },
    plugins: [crx({ manifest: manifestFor(test) }), noWebAccessibleOverlay, popupFirstPaint.plugin],
  };
};

/**
 * The PWA's CSP allows scripts from our own origin only, and each inline script of index.html by its hash
 * (the early landing request): nothing injected into the page can run.
 */
const inlineScriptHashes: Plugin = {
  name: 'pqm:inline-script-hashes',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
        (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
      );
      return hashes.length ? html.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`) : html;
    },
  },
};

const kioskFirstPaint = firstPaintChunk('first-paint', here('./kiosk/src/main.tsx'));

const targets: Record<string, UserConfig> = {
  extension: extension(false),
  'extension-test': extension(true),
  kiosk: {
    ...preactJsx,
    root: here('./kiosk'),
    publicDir: here('./kiosk/public'),
    build: {
      outDir: here('./dist/kiosk'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: { output: { codeSplitting: { groups: kioskFirstPaint.groups } } },
    },
    plugins: [
      kioskFirstPaint.plugin,
      inlineScriptHashes,
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src',
        filename: 'sw.ts',
        // Registered by our own code with workbox-window (src/sw-bridge.ts).
        injectRegister: false,
        manifest: {
          name: '物业巡查 · Property patrol',
          short_name: '物业巡查',
          description: '扫码巡查、报事与整改 · Scan to patrol, report and rectify',
          lang: 'zh-CN',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          background_color: '#f4f6f7',
          theme_color: '#0f6e5f',
          icons: [
            { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        injectManifest: { globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'], globIgnores: ['**/*.map'] },
      }),
    ],
  },
  server: {
    build: {
      ssr: true,
      rollupOptions: {
        input: {
          main: 'server/main.ts',
          backup: 'server/tools/backup.ts',
          restore: 'server/tools/restore.ts',
          admin: 'server/tools/admin.ts',
        },
        output: { entryFileNames: '[name].js' },
      },
      outDir: 'dist/server',
      target: 'node20',
      emptyOutDir: true,
      sourcemap: true,
    },
  },
};

export default defineConfig(({ mode }) => ({
  ...(targets[mode] ?? {}),
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // Browser-side modules that need no browser: the outbox on fake-indexeddb.
        test: { name: 'kiosk', include: ['kiosk/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // Real HTTP against a real SQLite file per test file.
        test: { name: 'api', include: ['tests/api/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        // The same API suite on PostgreSQL: one throwaway cluster for the run, a database per test server.
        // Left out: what is about the embedded engine's own file (backup, the data folder, a full disk).
        test: {
          name: 'api-postgres',
          include: ['tests/api/**/*.test.ts'],
          exclude: ['tests/api/backup.test.ts', 'tests/api/data-folder.test.ts', 'tests/api/disk.test.ts', 'tests/api/first-start.test.ts'],
          environment: 'node',
          env: { PQM_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/support/postgres-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // One storage contract run against both engines; several servers on one PostgreSQL.
        test: {
          name: 'engines',
          include: ['tests/storage/**/*.test.ts', 'tests/cluster/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // Real Chromium against the real server and the built app: one worker, files in sequence,
        // sharing one server and one browser (tests/e2e/support/env.ts).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
}));
