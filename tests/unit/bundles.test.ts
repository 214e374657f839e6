/** Each bundle carries the books of its own surface and no other (the build runs before the suite: `npm test`). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_WORDS } from '../../shared/i18n/books/console.ts';
import { EXTENSION_WORDS } from '../../shared/i18n/books/extension.ts';
import { PHONE_PAGE_WORDS } from '../../shared/i18n/books/phone-pages.ts';
import { PHONE_WORDS } from '../../shared/i18n/books/phone.ts';
import { projectRoot } from '../../server/config.ts';

function scripts(dir: string): string {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  if (!files.length) throw new Error(`${dir} has no scripts: run \`npm run build\` first (npm test does)`);
  return files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

/** Words of a book that a bundle carries, found as the minifier writes them: key:[`中文`,`English`]. */
function carried(code: string, book: Record<string, readonly [string, string]>): string[] {
  return Object.entries(book)
    .filter(([key, [zh, en]]) => ['`', '"', "'"].some((q) => code.includes(`${key}:[${q}${zh}${q},${q}${en}${q}]`)))
    .map(([key]) => key);
}

describe('each bundle ships only its own words', () => {
  const kiosk = scripts(join(projectRoot(), 'dist/kiosk'));
  const extension = scripts(join(projectRoot(), 'dist/extension'));

  it('the phone carries its own books and none of the console or the popup', () => {
    expect(carried(kiosk, PHONE_WORDS).length).toBeGreaterThan(80);
    expect(carried(kiosk, PHONE_PAGE_WORDS).length).toBeGreaterThan(100);
    expect(carried(kiosk, CONSOLE_WORDS)).toEqual([]);
    expect(carried(kiosk, EXTENSION_WORDS)).toEqual([]);
  });

  it("a location's first paint carries its own words and none of the pages loaded on demand", () => {
    const html = readFileSync(join(projectRoot(), 'dist/kiosk/index.html'), 'utf8');
    const first = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)]
      .map((m) => readFileSync(join(projectRoot(), 'dist/kiosk', m[1]), 'utf8'))
      .join('\n');
    expect(carried(first, PHONE_WORDS).length).toBeGreaterThan(80);
    expect(carried(first, PHONE_PAGE_WORDS)).toEqual([]);
  });

  it('the extension carries its books and none of the phone', () => {
    expect(carried(extension, CONSOLE_WORDS).length).toBeGreaterThan(200);
    expect(carried(extension, PHONE_WORDS)).toEqual([]);
    expect(carried(extension, PHONE_PAGE_WORDS)).toEqual([]);
  });
});
