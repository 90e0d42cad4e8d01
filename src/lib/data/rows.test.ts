import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeValue, parseRows, parseTable } from './rows';
import { UnitYearSchema } from './schemas';
import { xaRow } from '../../../tests/unit/factories';
import { units2020 } from '../../../tests/unit/reference';

const units = units2020();

describe('parseTable(unit_year) with malformed rows', () => {
  const good = xaRow(12);
  const input = [
    good, // 0 ok
    { ...xaRow(3, { code: '03427' }), criteria_count: undefined }, // 1 missing field
    { ...xaRow(3, { code: '03430' }), year: 'năm 2022' }, // 2 wrong type
    xaRow(3, { code: '99999' }), // 3 unknown unit
    xaRow(3, { code: '03433', name: '<img src=x onerror=alert(1)>' }), // 4 hostile but valid text
    xaRow(3, { code: '03436', decision_no: '=HYPERLINK("http://evil.example","x")' }), // 5 formula text: valid
    { ...xaRow(3, { code: '03439' }), name: 'A'.repeat(10_000) }, // 6 too long
    { ...xaRow(3, { code: '03440' }), criteria_count: Number.NaN }, // 7 NaN
    null, // 8
    { ...xaRow(3, { code: '03442' }), criteria_met: { 0: 1 } }, // 9 nested object instead of list
    { ...xaRow(3, { code: '03445' }), name: 'Xã Mường Tè'.normalize('NFD') }, // 10 decomposed: fixed
    xaRow(5), // 11 duplicate of row 0 (same year and code)
    'just a string', // 12
    [1, 2, 3], // 13
    { ...xaRow(3, { code: '03448' }), source_url: 'javascript:alert(document.cookie)' }, // 14
  ];
  const { rows, problems } = parseTable('unit_year', input, { units });

  it('keeps the valid rows in order, normalised', () => {
    expect(rows.map((r) => r.code)).toEqual(['03424', '03433', '03436', '03445']);
    expect(rows[1]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(rows[2]!.decision_no).toBe('=HYPERLINK("http://evil.example","x")');
    expect(rows[3]!.name).toBe('Xã Mường Tè'.normalize('NFC'));
  });

  it('reports every invalid row once, with its index', () => {
    expect(problems.map((p) => p.index)).toEqual([1, 2, 3, 6, 7, 8, 9, 11, 12, 13, 14]);
    for (const p of problems) {
      expect(p.table).toBe('unit_year');
      expect(p.message_vi).toMatch(/^Bảng “unit_year”, dòng \d+: /);
      expect(p.message_en).toMatch(/^Table “unit_year”, row \d+: /);
    }
  });

  const byIndex = (i: number) => problems.find((p) => p.index === i)!;

  it('names a missing field', () => {
    expect(byIndex(1)).toMatchObject({ field: 'criteria_count', code: '03427' });
    expect(byIndex(1).message_vi).toContain('thiếu trường “criteria_count”');
  });

  it('names the expected type and shows the value', () => {
    expect(byIndex(2).message_vi).toContain('trường “year”: cần số, nhận “năm 2022”');
    expect(byIndex(2).message_en).toContain('field “year”: expected a number, got “năm 2022”');
  });

  it('rejects an unknown unit code ("mã đơn vị không xác định")', () => {
    expect(byIndex(3)).toMatchObject({ code: '99999', field: 'code' });
    expect(byIndex(3).message_vi).toContain('mã đơn vị không xác định: 99999');
  });

  it('truncates a 10 000-character value and says how long it was', () => {
    const p = byIndex(6);
    expect(p.message_vi).toContain('quá dài');
    expect(p.message_vi).toContain('(10000 ký tự)');
    expect(p.message_vi.length).toBeLessThan(300);
  });

  it('reports NaN, null rows, nested objects, strings and arrays', () => {
    expect(byIndex(7).message_vi).toContain('nhận NaN');
    expect(byIndex(8).message_vi).toContain('cần đối tượng, nhận null');
    expect(byIndex(9).message_vi).toContain('trường “criteria_met”: cần danh sách, nhận một đối tượng');
    expect(byIndex(12).message_vi).toContain('nhận “just a string”');
    expect(byIndex(13).message_vi).toContain('danh sách 3 phần tử');
  });

  it('reports a duplicate key', () => {
    expect(byIndex(11).message_vi).toContain('trùng với dòng 1');
  });

  it('rejects a javascript: link', () => {
    expect(byIndex(14).field).toBe('source_url');
    expect(byIndex(14).message_vi).toContain('không phải đường dẫn http(s)');
  });
});

describe('parseRows never throws', () => {
  it('reports a non-array input as one problem', () => {
    for (const input of [null, undefined, 42, 'rows', { rows: [] }, Number.NaN]) {
      const r = parseRows(UnitYearSchema, input, { table: 'unit_year' });
      expect(r.rows).toEqual([]);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ table: 'unit_year', index: -1 });
      expect(r.problems[0]!.message_vi).toContain('không phải là một danh sách');
    }
  });

  it('survives rows whose getters throw', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('gotcha');
        },
        has() {
          throw new Error('gotcha');
        },
        ownKeys() {
          throw new Error('gotcha');
        },
      },
    );
    const r = parseRows(UnitYearSchema, [trap, xaRow(3)], { table: 'unit_year' });
    expect(r.rows).toHaveLength(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.index).toBe(0);
  });

  it('survives a key or check function that throws', () => {
    const r = parseRows(UnitYearSchema, [xaRow(3)], {
      table: 't',
      key: () => {
        throw new Error('boom');
      },
    });
    expect(r.rows).toEqual([]);
    expect(r.problems[0]!.message_vi).toContain('không đọc được');
  });

  it('handles arbitrary JSON without throwing and accounts for every row', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 20 }), (arr) => {
        const r = parseRows(UnitYearSchema, arr, { table: 'unit_year', maxProblems: 1000 });
        expect(r.rows.length + r.problems.length).toBe(arr.length);
      }),
    );
  });

  it('caps the listed problems and sums up the rest', () => {
    const r = parseRows(UnitYearSchema, Array(500).fill(null), { table: 'unit_year', maxProblems: 10 });
    expect(r.problems).toHaveLength(11);
    expect(r.problems[10]!.message_vi).toContain('còn 490 dòng lỗi khác');
  });

  it('joins at most three issues per row', () => {
    const r = parseRows(UnitYearSchema, [{}], { table: 'unit_year' });
    expect(r.problems[0]!.message_vi).toMatch(/; và \d+ lỗi khác\.$/);
  });
});

describe('describeValue', () => {
  it('keeps hostile strings as inert, quoted, truncated text', () => {
    expect(describeValue('<img src=x onerror=alert(1)>').vi).toBe('“<img src=x onerror=alert(1)>”');
    const long = describeValue('é'.repeat(100));
    expect(long.vi).toBe(`“${'é'.repeat(60)}…” (100 ký tự)`);
  });

  it('makes control and bidi characters visible instead of letting them act', () => {
    expect(describeValue('a\u202Eb\nc').vi).toBe('“a\\u202eb\\u000ac”');
  });

  it('describes non-strings', () => {
    expect(describeValue(undefined).vi).toBe('(không có)');
    expect(describeValue(Number.NaN).vi).toBe('NaN');
    expect(describeValue([1]).en).toBe('a list of 1 items');
    expect(describeValue({ a: 1 }).en).toBe('an object');
  });
});
