/** What the two imports (locations, staff) share: reading Excel's file (XLSX or CSV), and checking it with a preview first. */
import { useState } from 'preact/hooks';
import { errorText } from '../../../common/i18n.ts';
import { t } from '../../words.ts';
import { isXlsx, readXlsx, rowsToCsv } from './xlsx.ts';

/**
 * A spreadsheet as CSV text: an Excel workbook (.xlsx, its first sheet), or a CSV file. Excel on Chinese Windows saves
 * CSV as GBK: a file that is not valid UTF-8 is read as GB18030 (GBK's superset).
 */
async function readSheet(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isXlsx(bytes)) return rowsToCsv(readXlsx(bytes));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * A CSV and the server's preview of it: `check` keeps the text and asks for the preview (`ask`, which writes
 * nothing); `clear` after the import.
 */
export function useCsvPreview<P>(ask: (csv: string) => Promise<P>) {
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<P | null>(null);
  const [error, setError] = useState('');
  const check = async (text: string) => {
    setCsv(text);
    setPreview(null);
    setError('');
    if (!text.trim()) return;
    try {
      setPreview(await ask(text));
    } catch (e) {
      setError(errorText(e));
    }
  };
  /** A chosen file (XLSX or CSV); one that cannot be read is said so, as a bad CSV is. */
  const load = async (file: File) => {
    let text: string;
    try {
      text = await readSheet(file);
    } catch (e) {
      setPreview(null);
      setError(`${t('sheetUnreadable')} (${errorText(e)})`);
      return;
    }
    await check(text);
  };
  const clear = () => {
    setCsv('');
    setPreview(null);
  };
  return { csv, preview, error, check, load, clear };
}
