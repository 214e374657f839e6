import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Which way the dependencies run (README, "Architecture"). `shared/` has its own test
 * (shared-boundary.test.ts); these are the rules between the other folders.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const RULES: { folder: string; mayNotImport: string[]; why: string }[] = [
  { folder: 'kiosk/src', mayNotImport: ['server', 'extension'], why: 'the PWA talks to the server only over the shared contract' },
  { folder: 'extension/src', mayNotImport: ['server', 'kiosk'], why: 'the extension talks to the server only over the shared contract' },
  { folder: 'server/services', mayNotImport: ['server/http', 'server/routes'], why: 'services refuse in domain terms; HTTP is the edge' },
  { folder: 'server/storage', mayNotImport: ['server/services', 'server/http', 'server/routes'], why: 'storage knows no requests' },
  {
    folder: 'server/routes',
    mayNotImport: ['server/storage/sqlite', 'server/storage/postgres'],
    why: 'routes see the store interface only',
  },
];

function sources(folder: string): string[] {
  return (readdirSync(join(root, folder), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => join(folder, f));
}

/** The files a source imports, as paths from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => relative(root, join(root, dirname(file), m[1])));
}

describe('dependencies run one way', () => {
  for (const rule of RULES) {
    it(`${rule.folder} imports nothing from ${rule.mayNotImport.join(' or ')} (${rule.why})`, () => {
      const broken = sources(rule.folder).flatMap((file) =>
        importsOf(file)
          .filter((target) => rule.mayNotImport.some((f) => target === f || target.startsWith(`${f}/`)))
          .map((target) => `${file} → ${target}`),
      );
      expect(broken).toEqual([]);
    });
  }
});
