import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
  ])('a cell that a spreadsheet would run as a formula stays text: %s', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it('numbers stay numbers, even negative ones', () => {
    expect(csvCell(-2.5)).toBe('-2.5');
  });

  it('quotes commas, quotes and newlines, and starts with a BOM so Excel reads Chinese', () => {
    expect(
      toCsv(
        ['名称', 'n'],
        [
          ['大堂, 1号楼', 3],
          ['a "b"\nc', null],
        ],
      ),
    ).toBe('\uFEFF名称,n\r\n"大堂, 1号楼",3\r\n"a ""b""\nc",\r\n');
  });
});
