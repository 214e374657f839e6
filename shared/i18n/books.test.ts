import { describe, expect, it } from 'vitest';
import { COMMON_WORDS } from './books/common.ts';
import { CONSOLE_WORDS } from './books/console.ts';
import { EXTENSION_WORDS } from './books/extension.ts';
import { PHONE_PAGE_WORDS } from './books/phone-pages.ts';
import { PHONE_WORDS } from './books/phone.ts';
import { formatDuration, translator } from './translate.ts';

const BOOKS = {
  common: COMMON_WORDS,
  phone: PHONE_WORDS,
  phonePages: PHONE_PAGE_WORDS,
  extension: EXTENSION_WORDS,
  console: CONSOLE_WORDS,
};

describe('the word book', () => {
  it('says each word in one place: no key is in two books', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, book] of Object.entries(BOOKS))
      for (const key of Object.keys(book)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${name})`);
        seen.set(key, name);
      }
    expect(twice).toEqual([]);
  });

  it('has every word in Chinese and in English, and the Chinese is not left in English', () => {
    const missing: string[] = [];
    for (const book of Object.values(BOOKS))
      for (const [key, [zh, en]] of Object.entries(book)) {
        if (!zh.trim() || !en.trim()) missing.push(key);
        // Short names that read the same in both (KPI, CSV) are fine; a sentence left in English is not. The
        // language switch names the other language on purpose.
        else if (key !== 'switchLanguage' && !/[\u3000-\u9fff\uff00-\uffef]/.test(zh) && zh.length > 5) missing.push(key);
      }
    expect(missing).toEqual([]);
  });

  it('a translator follows the language it is asked for', () => {
    let locale: 'zh-CN' | 'en' = 'zh-CN';
    const t = translator(COMMON_WORDS, () => locale);
    expect(t('retry')).toBe('重试');
    locale = 'en';
    expect(t('retry')).toBe('Retry');
  });
});

describe('one way to say how long', () => {
  it('in minutes under an hour, hours and minutes under two days, then days', () => {
    expect(formatDuration(45 * 60_000, 'zh-CN')).toBe('45 分钟');
    expect(formatDuration(200 * 60_000, 'zh-CN')).toBe('3 小时 20 分');
    expect(formatDuration(3 * 3_600_000, 'zh-CN')).toBe('3 小时');
    expect(formatDuration(3 * 86_400_000, 'zh-CN')).toBe('3 天');
    expect(formatDuration(200 * 60_000, 'en')).toBe('3 h 20 min');
    expect(formatDuration(-45 * 60_000, 'en')).toBe('45 min');
  });
});
