/** zh-CN first, English second; the browser's language picks, the switch overrides (remembered). */
import { useEffect, useState } from 'preact/hooks';
import { COMMON_WORDS } from '../../shared/i18n/books/common.ts';
import { PHONE_WORDS } from '../../shared/i18n/books/phone.ts';
import { formatDuration as duration, translator } from '../../shared/i18n/translate.ts';
import { localeFrom, pick, zoneNote, type LocalText, type Locale } from '../../shared/index.ts';

const messages = { ...COMMON_WORDS, ...PHONE_WORDS };

const KEY = 'pqm.locale';
let current: Locale = initial();
const listeners = new Set<(l: Locale) => void>();

function initial(): Locale {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // No storage: follow the browser.
  }
  return localeFrom(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

export const t = translator(messages, () => current);

export function tx(text: LocalText | null | undefined): string {
  return text ? pick(text, current) : '';
}

/** What owners see atop their pages: the property company and the estate ("安居物业 · 滨江花园"). */
export function brandOf(estate: { name: LocalText; company?: string | null } | null | undefined): string {
  if (!estate) return '';
  return estate.company ? `${estate.company} · ${tx(estate.name)}` : tx(estate.name);
}

export function locale(): Locale {
  return current;
}

export function setLocale(l: Locale): void {
  current = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // Remembered for this page only.
  }
  document.documentElement.lang = l;
  for (const fn of listeners) fn(l);
}

/** Re-render a component when the language changes. */
export function useLocale(): Locale {
  const [l, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return l;
}

/**
 * One formatter per language, zone and style, made once: `toLocaleString` builds a new one on every call,
 * which on a slow phone cost a location page ~170 ms for its slot list alone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: 'time' | 'dateTime', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${current}|${style}|${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } as const;
    formatters.set(key, (f = new Intl.DateTimeFormat(current, style === 'time' ? clock : { month: 'numeric', day: 'numeric', ...clock })));
  }
  return f;
}

/** HH:MM, in the estate's time zone when given (a slot is the estate's wall-clock time). */
export function formatTime(at: number, timeZone?: string): string {
  if (timeZone === undefined) {
    // The phone's own clock needs no formatter (the same HH:MM, without the page's first Intl call).
    const d = new Date(at);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }
  return formatter('time', timeZone).format(at);
}

/** Month, day and time; in the estate's zone when given (deadlines, reports), naming it when the phone is elsewhere. */
export function formatDateTime(at: number, timeZone?: string): string {
  const text = formatter('dateTime', timeZone).format(at);
  return timeZone ? text + zoneNote(at, timeZone) : text;
}

export function formatDuration(ms: number): string {
  return duration(ms, current);
}
