import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { referenceCatalog } from '../../../tests/fixtures/import/catalog';
import { filledModel, gridOf, sampleAssessments } from '../../../tests/fixtures/import/fill';
import type { Grid } from './grid';
import { templateModel } from './template';
import { validateGrid } from './validate';

const catalog = referenceCatalog();
const YEAR = 2024;

/** A filled 2024 grid; `edit` changes cells by header text and data row index (0 = first unit). */
function grid(
  edit?: (set: (row: number, header: string, value: string | null) => void, g: Grid) => void,
): Grid {
  const g = gridOf(filledModel(catalog, YEAR));
  const header = g.rows[0]!.map((c) => String(c.value));
  edit?.((row, h, value) => {
    const col = header.findIndex((x) => x === h || x.startsWith(h + ' '));
    if (col < 0) throw new Error(`no column ${h}`);
    g.rows[row + 1]![col] = { value };
  }, g);
  return g;
}

/** Index of the first unit row of a kind that the fill left with data. */
function unitRow(pred: (code: string, kind: string) => boolean): number {
  const units = templateModel(catalog, YEAR).ctx.units;
  const filled = new Set(sampleAssessments(catalog, YEAR).map((r) => r.code));
  const i = units.findIndex((u) => filled.has(u.code) && pred(u.code, u.kind));
  if (i < 0) throw new Error('no such unit');
  return i;
}
const XA = unitRow((_, k) => k === 'xa');
const WARD = unitRow((_, k) => k === 'phuong');

function errors(g: Grid, opts = {}) {
  return validateGrid(g, catalog, opts).problems.filter((p) => p.severity === 'error');
}

describe('validateGrid: a good file', () => {
  it('accepts a filled template and returns exactly the filled data', () => {
    const report = validateGrid(grid(), catalog, { year: YEAR });
    expect(report.ok).toBe(true);
    expect(report.counts.error).toBe(0);
    expect(report.vintage).toBe('2020');
    expect(report.framework).toBe('2021-2025');
    const expected = sampleAssessments(catalog, YEAR);
    expect(report.rows.map((r) => r.code)).toEqual(expected.map((r) => r.code));
    for (const [i, r] of report.rows.entries()) {
      const e = expected[i]!;
      expect(r).toMatchObject({
        criteria_met: e.criteria_met,
        criteria_missing: e.criteria_missing,
        tier: e.tier,
        urban_status: e.urban_status,
        decision_no: e.decision_no,
        decision_date: e.decision_date,
      });
    }
    expect(report.blank_rows).toBe(106 - expected.length);
  });

  it('reads the year from column "Năm" when none is given', () => {
    expect(validateGrid(grid(), catalog).year).toBe(YEAR);
  });

  it('fails with a clear message when there is no year at all', () => {
    const g = grid((_, g) => g.rows.forEach((r) => r.splice(0, 1)));
    const p = errors(g)[0]!;
    expect(p.code).toBe('year_missing');
    expect(p.message_vi).toContain('không có cột "Năm"');
  });
});

describe('validateGrid: each problem, with row, column and value', () => {
  it('unknown unit code', () => {
    const [p] = errors(grid((set) => set(XA, 'Mã ĐVHC', '09999')));
    expect(p).toMatchObject({ code: 'unknown_unit', row: XA + 2, column: 'B', value: '09999' });
    expect(p!.message_vi).toBe('Mã 09999 không phải đơn vị hành chính nào của tỉnh Lai Châu.');
  });

  it('unit of another vintage', () => {
    // 03397 (Xã Nậm Loỏng) existed until the 2020 merge.
    const [p] = errors(grid((set) => set(XA, 'Mã ĐVHC', '03397')));
    expect(p?.code).toBe('other_vintage_unit');
    expect(p?.message_vi).toContain('địa giới 2016–2019');
  });

  it('duplicate unit code, pointing at the first row', () => {
    const codes = templateModel(catalog, YEAR).ctx.units.map((u) => u.code);
    const [p] = errors(grid((set) => set(XA + 1, 'Mã ĐVHC', codes[XA]!)));
    expect(p).toMatchObject({ code: 'duplicate_unit', row: XA + 3 });
    expect(p!.message_vi).toContain(`đã có ở dòng ${XA + 2}`);
  });

  it('criterion value other than đạt / không đạt / 1 / 0 / blank', () => {
    const [p] = errors(grid((set) => set(XA, 'TC5', 'có')));
    expect(p).toMatchObject({ code: 'criterion_value', column: 'J', value: 'có' });
  });

  it('criterion column outside the framework', () => {
    const g = grid((_, g) =>
      g.rows.forEach((r, i) => r.push({ value: i === 0 ? 'TC20 Tiêu chí thêm' : null })),
    );
    const [p] = errors(g);
    expect(p).toMatchObject({ code: 'criterion_outside_framework', row: 1 });
    expect(p!.message_vi).toContain('Tiêu chí 20 không có trong bộ tiêu chí 2021-2025');
  });

  it('a year outside the framework, and another year of the same framework', () => {
    const [a] = errors(
      grid((set) => set(XA, 'Năm', '2026')),
      { year: YEAR },
    );
    expect(a?.code).toBe('year_outside_framework');
    expect(a?.message_vi).toContain('nằm ngoài giai đoạn 2021–2025');
    const [b] = errors(
      grid((set) => set(XA, 'Năm', '2023')),
      { year: YEAR },
    );
    expect(b?.code).toBe('year_mismatch');
  });

  it('a tier that contradicts the criteria', () => {
    const [p] = errors(
      grid((set) => {
        set(XA, 'TC3', 'Không đạt');
        set(XA, 'Mức đạt chuẩn', 'Đạt chuẩn');
      }),
    );
    expect(p?.code).toBe('tier_contradiction');
    expect(p?.message_vi).toMatch(
      /^Mức "Đạt chuẩn" cần đạt đủ 19\/19 tiêu chí, nhưng dòng này chỉ đạt \d+\/19/,
    );
    expect(p?.message_vi).toContain('TC3');
  });

  it('"Chưa đạt" with every criterion met and a recognition decision (the database refuses it too)', () => {
    const allMet = (decision: string | null) =>
      grid((set) => {
        for (let n = 1; n <= 19; n++) set(XA, `TC${n}`, 'Đạt');
        set(XA, 'Mức đạt chuẩn', 'Chưa đạt');
        set(XA, 'Số quyết định', decision);
        set(XA, 'Ngày quyết định', null);
      });
    const [p] = errors(allMet('12/QĐ-UBND'));
    expect(p).toMatchObject({ code: 'tier_contradiction', value: 'Chưa đạt' });
    expect(p?.message_vi).toMatch(/^Đạt đủ 19\/19 tiêu chí và có quyết định công nhận/);
    // Recognition pending: every criterion met, no decision yet.
    expect(errors(allMet(null))).toEqual([]);
  });

  it('malformed dates', () => {
    const [p] = errors(grid((set) => set(XA, 'Ngày quyết định', '31/02/2024')));
    expect(p).toMatchObject({ code: 'date_invalid', value: '31/02/2024' });
  });

  it('a decision date after today or before 2000 is refused; today itself is accepted', () => {
    const at = (d: string) => grid((set) => set(XA, 'Ngày quyết định', d));
    const today = { today: '2025-03-10' };
    expect(errors(at('10/03/2025'), today)).toEqual([]);
    const [future] = errors(at('11/03/2025'), today);
    expect(future).toMatchObject({ code: 'date_out_of_range', row: XA + 2, value: '11/03/2025' });
    expect(future?.message_vi).toContain('ở tương lai (hôm nay là 10/03/2025)');
    const [old] = errors(at('31/12/1999'), today);
    expect(old).toMatchObject({ code: 'date_out_of_range' });
    expect(old?.message_vi).toContain('trước 01/01/2000');
  });

  it('"today" is the date in Viet Nam at the moment of the check: it turns at 17:00 UTC (issue 20)', () => {
    const at = (d: string) => grid((set) => set(XA, 'Ngày quyết định', d));
    const beforeMidnightVn = { now: new Date('2025-03-10T16:59:00Z') };
    const afterMidnightVn = { now: new Date('2025-03-10T17:00:00Z') };
    expect(errors(at('11/03/2025'), beforeMidnightVn)).toMatchObject([{ code: 'date_out_of_range' }]);
    // 00:00 on 11 March in Viet Nam, still 10 March in UTC: a decision signed that day is accepted.
    expect(errors(at('11/03/2025'), afterMidnightVn)).toEqual([]);
    expect(errors(at('12/03/2025'), afterMidnightVn)).toMatchObject([{ code: 'date_out_of_range' }]);
  });

  it('a filled cell right of the header refuses its row (shifted row) and is checked in XLSX too', () => {
    const g = grid();
    for (const row of g.rows) row.push({ value: null });
    g.rows[XA + 1]![g.rows[0]!.length - 1] = { value: '25/12/2024' };
    g.format = 'xlsx';
    const report = validateGrid(g, catalog);
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'cell_beyond_header', row: XA + 2, value: '25/12/2024' }),
    ]);
    expect(report.rows.some((r) => r.row === XA + 2)).toBe(false);
  });

  it('blank cells right of the header are fine (formatting only)', () => {
    const g = grid();
    for (const row of g.rows) row.push({ value: null }, { value: '  ' });
    expect(validateGrid(g, catalog).ok).toBe(true);
  });

  it('a CSV row shorter than the header is a warning; the missing cells read as blank', () => {
    const g = grid();
    g.rows[XA + 1] = g.rows[XA + 1]!.slice(0, 8);
    const report = validateGrid(g, catalog);
    expect(report.ok).toBe(true);
    expect(report.problems.find((p) => p.code === 'row_short')).toMatchObject({
      severity: 'warning',
      row: XA + 2,
      column: 'I',
    });
    g.format = 'xlsx';
    expect(validateGrid(g, catalog).problems.some((p) => p.code === 'row_short')).toBe(false);
  });

  it('a name that does not match its code is a warning, and the file is still accepted', () => {
    const report = validateGrid(
      grid((set) => set(XA, 'Tên đơn vị', 'Xã Không Có')),
      catalog,
    );
    expect(report.ok).toBe(true);
    expect(report.problems.find((p) => p.code === 'name_mismatch')).toMatchObject({
      severity: 'warning',
      row: XA + 2,
    });
  });

  it('a name without its "Xã" prefix or in another case still matches', () => {
    const unit = templateModel(catalog, YEAR).ctx.units[XA]!;
    const report = validateGrid(
      grid((set) => set(XA, 'Tên đơn vị', unit.name.replace(/^Xã /, '').toUpperCase())),
      catalog,
    );
    expect(report.problems.some((p) => p.code === 'name_mismatch')).toBe(false);
  });

  it('decomposed text is normalised with a note', () => {
    const unit = templateModel(catalog, YEAR).ctx.units[XA]!;
    const report = validateGrid(
      grid((set) => set(XA, 'Tên đơn vị', unit.name.normalize('NFD'))),
      catalog,
    );
    expect(report.ok).toBe(true);
    expect(report.problems.filter((p) => p.code === 'not_nfc')).toHaveLength(1);
    expect(report.problems.some((p) => p.code === 'name_mismatch')).toBe(false);
  });

  it('CSV injection in a name is refused', () => {
    const [p] = errors(grid((set) => set(XA, 'Tên đơn vị', '=HYPERLINK("http://evil.example","Bấm vào")')));
    expect(p?.code).toBe('formula_text');
    expect(p?.value).toBe('=HYPERLINK("http://evil.example","Bấm vào")');
  });

  it('a ward with criteria, and a ward "nâng cao"', () => {
    const [a] = errors(grid((set) => set(WARD, 'TC1', 'Đạt')));
    expect(a?.code).toBe('urban_criteria');
    const [b] = errors(grid((set) => set(WARD, 'Mức đạt chuẩn', 'Nâng cao')));
    expect(b?.code).toBe('tier_kind');
  });

  it('a blank tier is "Chưa đạt" when criteria are missing, an error when all are met', () => {
    const report = validateGrid(
      grid((set) => {
        set(XA, 'TC3', 'Không đạt');
        set(XA, 'Mức đạt chuẩn', null);
        set(XA, 'Số quyết định', null);
        set(XA, 'Ngày quyết định', null);
      }),
      catalog,
    );
    expect(report.ok).toBe(true);
    expect(report.rows.find((r) => r.row === XA + 2)?.tier).toBe('chua_dat');
    const full = grid((set) => {
      for (let n = 1; n <= 19; n++) set(XA, `TC${n}`, 'Đạt');
      set(XA, 'Mức đạt chuẩn', null);
    });
    expect(errors(full)[0]?.code).toBe('tier_missing');
  });

  it('missing columns, duplicate columns, unknown columns', () => {
    const noTc5 = grid((_, g) => g.rows.forEach((r) => r.splice(9, 1)));
    expect(errors(noTc5)[0]).toMatchObject({ code: 'missing_column', header: 'TC5 Trường học' });
    const dup = grid((_, g) => g.rows.forEach((r) => r.push({ ...r[9]! })));
    expect(errors(dup)[0]?.code).toBe('duplicate_column');
    const extra = validateGrid(
      grid((_, g) => g.rows.forEach((r, i) => r.push({ value: i === 0 ? 'Ghi chú' : 'x' }))),
      catalog,
    );
    expect(extra.ok).toBe(true);
    expect(extra.problems.find((p) => p.code === 'unknown_column')?.severity).toBe('warning');
  });

  it('a template with no data at all', () => {
    const report = validateGrid(gridOf(templateModel(catalog, YEAR)), catalog);
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.code).toBe('no_rows');
  });

  it('lists every problem of a file, not just the first', () => {
    const report = validateGrid(
      grid((set) => {
        set(XA, 'TC1', 'x');
        set(XA + 1, 'TC2', 'y');
        set(XA + 2, 'Ngày quyết định', 'hôm nay');
      }),
      catalog,
    );
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.row)).toEqual([
      XA + 2,
      XA + 3,
      XA + 4,
    ]);
  });
});

describe('validateGrid: properties', () => {
  const junk = fc.oneof(
    fc.constantFrom(
      'Đạt',
      'Không đạt',
      '1',
      '0',
      '',
      'Chưa đạt',
      'Đạt chuẩn',
      '03386',
      '2024',
      '31/12/2024',
      '=1+1',
    ),
    fc.string({ maxLength: 15 }),
    fc.constant(null),
  );

  it('never throws, and every problem points inside the file, on randomly damaged files', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(105), fc.nat(28), junk), { maxLength: 30 }), (edits) => {
        const g = grid();
        for (const [r, c, v] of edits) g.rows[r + 1]![c] = { value: v };
        const report = validateGrid(g, catalog);
        for (const p of report.problems) {
          expect(p.message_vi.length).toBeGreaterThan(0);
          if (p.row !== null) expect(p.row).toBeGreaterThanOrEqual(1);
          if (p.row !== null) expect(p.row).toBeLessThanOrEqual(g.rows.length);
        }
        expect(report.ok).toBe(report.counts.error === 0 && report.rows.length > 0);
      }),
      { numRuns: 60 },
    );
  });

  it('accepts any consistent fill and returns it unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(2017, 2020, 2024, 2026),
        (seed, year) => {
          const expected = sampleAssessments(catalog, year, seed);
          const report = validateGrid(gridOf(templateModel(catalog, year, expected)), catalog, { year });
          expect(report.ok).toBe(expected.length > 0);
          expect(
            report.rows.map((r) => [
              r.code,
              r.criteria_met,
              r.criteria_missing,
              r.tier,
              r.urban_status,
              r.decision_no,
              r.decision_date,
            ]),
          ).toEqual(
            expected.map((e) => [
              e.code,
              e.criteria_met,
              e.criteria_missing,
              e.tier,
              e.urban_status,
              e.decision_no,
              e.decision_date,
            ]),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
