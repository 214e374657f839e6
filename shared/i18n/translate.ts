/**
 * The product's one way to say things: a book maps a key to its zh-CN and English words, and `translator` turns a
 * book into the `t(key)` of one surface. Each surface builds its `t` from the books it shows (books/), so a bundle
 * carries only its own words.
 */
import type { Locale } from '../model/common.ts';

export type Book = Readonly<Record<string, readonly [zh: string, en: string]>>;

export function translator<B extends Book>(book: B, locale: () => Locale): (key: keyof B & string) => string {
  return (key) => book[key][locale() === 'zh-CN' ? 0 : 1];
}

/** How long, as people say it: "45 分钟", "3 小时 20 分", "3 天" (the English alike). Negative spans count as positive. */
export function formatDuration(ms: number, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 60) return zh ? `${m} 分钟` : `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h < 48) return zh ? `${h} 小时${rest ? ` ${rest} 分` : ''}` : `${h} h${rest ? ` ${rest} min` : ''}`;
  return zh ? `${Math.floor(h / 24)} 天` : `${Math.floor(h / 24)} d`;
}
