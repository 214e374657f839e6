/**
 * `t` for the pages loaded on demand: the first paint's words and theirs (shared/i18n/books/phone-pages.ts). A page
 * that a QR code opens uses i18n.ts's `t`, whose words alone travel with the first paint.
 */
import { COMMON_WORDS } from '../../shared/i18n/books/common.ts';
import { PHONE_PAGE_WORDS } from '../../shared/i18n/books/phone-pages.ts';
import { PHONE_WORDS } from '../../shared/i18n/books/phone.ts';
import { translator } from '../../shared/i18n/translate.ts';
import { locale } from './i18n.ts';

export const t = translator({ ...COMMON_WORDS, ...PHONE_WORDS, ...PHONE_PAGE_WORDS }, locale);
