import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectSeparator, readCsv, splitCsv } from './read-csv';
import { MAX_DATA_ROWS } from './limits';

/** An independent RFC 4180 writer for the round-trip property (quotes every field that needs it). */
function writeCsv(rows: string[][], sep: string, eol: string): string {
  const field = (s: string) => (s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(field).join(sep)).join(eol) + eol;
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('CSV row parser', () => {
  it('round-trips any table of strings, with any separator and line end (property)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\r\n', '\n', '\r'),
        (rows, sep, eol) => {
          const parsed = splitCsv(writeCsv(rows, sep, eol), sep);
          expect(parsed.unterminatedAt).toBeNull();
          expect(parsed.rows).toEqual(rows);
          expect(parsed.total).toBe(rows.length);
        },
      ),
    );
  });

  it('never throws and always accounts for its rows on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = splitCsv(text, ',');
        expect(r.rows.length).toBeLessThanOrEqual(r.total);
      }),
    );
  });

  it('keeps quotes, separators and line breaks inside quoted fields', () => {
    const r = splitCsv('a,"b,c","d ""e""\r\nf"\r\n', ',');
    expect(r.rows).toEqual([['a', 'b,c', 'd "e"\r\nf']]);
  });

  it('reports an unterminated quote with its line', () => {
    expect(splitCsv('a,b\r\nc,"d\r\ne\r\n', ',').unterminatedAt).toBe(2);
    const bad = readCsv(enc('Mã ĐVHC,Tên\r\n03386,"Phường\r\n'));
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]?.message_vi).toContain('dấu ngoặc kép mở ở dòng 2 không được đóng');
  });

  it('counts rows past the limit without keeping them', () => {
    const r = splitCsv('x\n'.repeat(50), ',', 10);
    expect(r.rows.length).toBe(10);
    expect(r.total).toBe(50);
  });
});

describe('CSV files', () => {
  it('reads UTF-8 with and without BOM the same way', () => {
    const text = 'Mã ĐVHC,Tên đơn vị\r\n03386,Phường Quyết Thắng\r\n';
    const withBom = readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]));
    const without = readCsv(enc(text));
    expect(withBom.ok && without.ok).toBe(true);
    if (withBom.ok && without.ok) {
      expect(withBom.grid.rows).toEqual(without.grid.rows);
      expect(withBom.grid.rows[0]?.[0]?.value).toBe('Mã ĐVHC');
    }
  });

  it('detects the separator Excel uses with Vietnamese regional settings', () => {
    expect(detectSeparator('Mã ĐVHC;Tên;"TC3 Thủy lợi và phòng, chống thiên tai"\r\n')).toBe(';');
    expect(detectSeparator('a,b;c,d\n')).toBe(',');
    expect(detectSeparator('a\tb\tc\n')).toBe('\t');
  });

  it('refuses text that is not UTF-8, naming the likely encodings', () => {
    // "Xã" in Windows-1258 is 58 E3: invalid as UTF-8.
    const r = readCsv(new Uint8Array([0x58, 0xe3, 0x2c, 0x41, 0x0d, 0x0a]));
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.code).toBe('not_utf8');
    expect(r.problems[0]?.message_vi).toContain('Windows-1258');
  });

  it('refuses UTF-16 ("Unicode Text")', () => {
    const r = readCsv(new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    expect(r.problems[0]?.message_vi).toContain('UTF-16');
  });

  it('refuses an empty or whitespace-only file', () => {
    expect(readCsv(enc(' \r\n\r\n')).problems[0]?.code).toBe('file_empty');
  });

  it('refuses too many rows with the count', () => {
    const r = readCsv(enc('Mã ĐVHC\r\n' + '03386\r\n'.repeat(MAX_DATA_ROWS + 5)));
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.code).toBe('too_many_rows');
    expect(r.problems[0]?.message_vi).toContain(
      `${(MAX_DATA_ROWS + 5).toLocaleString('vi-VN')} dòng dữ liệu`,
    );
  });
});
