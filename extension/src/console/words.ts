/** The console's `t`: its own book, the popup's and the common words (shared/i18n/books). */
import { COMMON_WORDS } from '../../../shared/i18n/books/common.ts';
import { CONSOLE_WORDS } from '../../../shared/i18n/books/console.ts';
import { EXTENSION_WORDS } from '../../../shared/i18n/books/extension.ts';
import { translator } from '../../../shared/i18n/translate.ts';
import { locale } from '../common/i18n.ts';

const words = { ...COMMON_WORDS, ...EXTENSION_WORDS, ...CONSOLE_WORDS };

export type WordKey = keyof typeof words;

export const t = translator(words, locale);
