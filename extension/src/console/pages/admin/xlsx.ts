/**
 * The first worksheet of an Excel workbook (.xlsx) as rows of text, for the imports. An .xlsx is a zip of XML
 * (ECMA-376): the workbook names its sheets, the relationships say which file each is, and text cells point
 * into one shared-strings table. fflate unzips; the browser's own DOMParser reads the XML.
 */
import { unzipSync, strFromU8 } from 'fflate';

const MAX_UNZIPPED = 20 * 1024 * 1024;

function xml(files: Record<string, Uint8Array>, path: string): Document | null {
  const bytes = files[path];
  return bytes ? new DOMParser().parseFromString(strFromU8(bytes), 'application/xml') : null;
}

/** Elements by local name, whatever namespace prefix the writer used. */
const all = (node: Document | Element, name: string) => Array.from(node.getElementsByTagNameNS('*', name));

/** A shared string's text: its own <t>, or its rich-text runs' <t>s; never the phonetic guide (<rPh>). */
function textOf(si: Element): string {
  return Array.from(si.children)
    .flatMap((child) => (child.localName === 't' ? [child] : child.localName === 'r' ? all(child, 't') : []))
    .map((t) => t.textContent ?? '')
    .join('');
}

/** "C12" → column 2 (zero-based). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function isXlsx(bytes: Uint8Array): boolean {
  // A zip file starts "PK\x03\x04"; CSV never does.
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Rows of the workbook's first sheet, blank rows dropped, each cell as text. */
export function readXlsx(bytes: Uint8Array): string[][] {
  let unzipped = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      unzipped += f.originalSize;
      if (unzipped > MAX_UNZIPPED) throw new Error('the workbook is larger than 20 MB unpacked');
      return f.name.startsWith('xl/');
    },
  });
  const workbook = xml(files, 'xl/workbook.xml');
  const first = workbook && all(workbook, 'sheet')[0];
  if (!first) throw new Error('not an Excel workbook (no worksheet found)');
  const relId =
    first.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? first.getAttribute('r:id');
  const rels = xml(files, 'xl/_rels/workbook.xml.rels');
  const target =
    rels &&
    all(rels, 'Relationship')
      .find((r) => r.getAttribute('Id') === relId)
      ?.getAttribute('Target');
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
  const sheet = xml(files, path);
  if (!sheet) throw new Error('not an Excel workbook (its first worksheet is missing)');
  const shared = xml(files, 'xl/sharedStrings.xml');
  const strings = shared ? all(shared, 'si').map(textOf) : [];

  const rows: string[][] = [];
  for (const row of all(sheet, 'row')) {
    const cells: string[] = [];
    all(row, 'c').forEach((c, i) => {
      const ref = c.getAttribute('r');
      const col = ref ? columnOf(ref) : i;
      const type = c.getAttribute('t');
      const value = all(c, 'v')[0]?.textContent ?? '';
      cells[col] =
        type === 's'
          ? (strings[Number(value)] ?? '')
          : type === 'inlineStr'
            ? all(c, 't')
                .map((t) => t.textContent)
                .join('')
            : value;
    });
    const filled = Array.from(cells, (v) => (v ?? '').trim());
    if (filled.some(Boolean)) rows.push(filled);
  }
  return rows;
}

/** Rows as RFC 4180 CSV, every field quoted: the import reads what the cell said, nothing more. */
export function rowsToCsv(rows: readonly string[][]): string {
  return rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n');
}
