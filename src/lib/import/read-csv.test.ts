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

  it('reads Windows-1258 as Excel on Vietnamese Windows saves it: combining tone marks, then NFC', () => {
    // "Mã ĐVHC;Tên;Huyện\r\n03386;Phường Quyết Thắng;Tam Đường\r\n": ã = a + DE, ệ = ê EA + F2 (dot below),
    // ờ = ơ F5 + CC (grave), ắ = ă E3 + EC (acute); Đ = D0 and ư = FD are single bytes.
    const bytes = Uint8Array.from(
      'Ma\xde \xd0VHC;T\xean;Huy\xea\xf2n\r\n03386;Ph\xfd\xf5\xccng Quy\xea\xect Th\xe3\xecng;Tam \xd0\xfd\xf5\xccng\r\n',
      (c) => c.charCodeAt(0),
    );
    const r = readCsv(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const cells = r.grid.rows.map((row) => row.map((c) => c.value));
    expect(cells).toEqual([
      ['Mã ĐVHC', 'Tên', 'Huyện'],
      ['03386', 'Phường Quyết Thắng', 'Tam Đường'],
    ]);
    expect(cells.flat().every((v) => v === String(v).normalize('NFC'))).toBe(true);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['windows_1258', 'note']]);
    expect(r.problems[0]?.message_vi).toContain('Windows-1258');
  });

  it.each([
    // "Mã ĐVHC" in TCVN3 (ABC): ã = B7, Đ = A7.
    ['TCVN3', [0x4d, 0xb7, 0x20, 0xa7, 0x56, 0x48, 0x43, 0x0d, 0x0a]],
    // "Việt" in VNI Windows: ệ = e + E4 (ä in Windows-1258).
    ['VNI', [0x56, 0x69, 0x65, 0xe4, 0x74, 0x0d, 0x0a]],
    // Windows-1258 bytes after a UTF-8 BOM: a broken file, not a legacy one.
    ['a BOM then legacy bytes', [0xef, 0xbb, 0xbf, 0x58, 0xe3, 0x0d, 0x0a]],
  ])('refuses %s with advice to re-save as UTF-8', (_, bytes) => {
    const r = readCsv(new Uint8Array(bytes));
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.code).toBe('not_utf8');
    expect(r.problems[0]?.message_vi).toContain('không ở mã UTF-8');
    expect(r.problems[0]?.message_vi).toContain('CSV UTF-8');
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
