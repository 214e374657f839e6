import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** shared/ runs unchanged in the PWA, the extension worker and Node: it imports nothing of the others. */
const root = join(dirname(fileURLToPath(import.meta.url)), '../../shared');
const sources = (readdirSync(root, { recursive: true }) as string[]).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('testing'),
);

describe('the domain core stays portable', () => {
  it.each(sources)('%s imports only shared/ modules and valibot', (file) => {
    // Comments may say "window"; only code counts.
    const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const specifiers = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const s of specifiers) {
      const ok = s === 'valibot' || (s.startsWith('.') && !relative(root, join(root, dirname(file), s)).startsWith('..'));
      expect(ok, `${file} imports ${s}`).toBe(true);
    }
    expect(text, `${file} touches a DOM or Node global`).not.toMatch(/\b(window|document|localStorage|process|Buffer|require)\b[.(]/);
  });
});
