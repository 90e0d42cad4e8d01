import { describe, expect, it } from 'vitest';
import { buildTargetsReport, clampYear, sourceLines, type TargetsInput } from './targets-report';
import { districtRow, districtYear, indicator, provinceRow, TARGETS } from './test-data';
import { sourceText, yearRanges } from './text';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const S46 = { illustrative: false, source: '[S46] Báo Dân sinh', source_date: '2021-03-10' };

function input(): TargetsInput {
  return {
    province: YEARS.map((y) =>
      provinceRow(y, {
        xa_ntm_pct: [33, 37.2, 41.5, 45.7, 52.1, 58.5][y - 2020]!,
        avg_criteria_xa: [13.65, 14.47, 15.13, 15.82, 16.53, 17.1][y - 2020]!,
        xa_below_threshold: [55, 46, 44, 36, 26, 19][y - 2020]!,
        urban_civilised_pct: [33.3, 33.3, 41.7, 50, 58.3, 66.7][y - 2020]!,
        districts_ntm: y === 2025 ? 2 : 1,
      }),
    ),
    district: YEARS.flatMap((y) => [
      districtRow(y, '105', 'Thành phố Lai Châu', {
        xa_ntm_pct: 100,
        avg_criteria_xa: 19,
        xa_below_threshold: 0,
      }),
      districtRow(y, '107', 'Huyện Mường Tè', {
        xa_ntm_pct: 10 + (y - 2020) * 3,
        avg_criteria_xa: 11 + (y - 2020),
        xa_below_threshold: 12 - (y - 2020),
        urban_civilised_pct: null,
      }),
    ]),
    districts: YEARS.flatMap((y) => [
      districtYear(y, '105', 'Thành phố Lai Châu', true),
      districtYear(y, '107', 'Huyện Mường Tè', false),
      districtYear(y, '106', 'Huyện Tam Đường', y === 2025),
    ]),
    indicators: [
      indicator('T2', 2020, 12.4),
      indicator('T2', 2023, 20.6),
      indicator('T2', 2025, 25.8),
      indicator('T3a', 2020, 4.78, S46),
      indicator('T3a', 2023, 3.4, { illustrative: false, source: '[S49] TTXVN' }),
      indicator('T3a', 2024, 2.81),
      indicator('T3a', 2023, 4.55, { district_code: '107' }),
      indicator('T3a', 2024, 2.1, { district_code: '105' }),
      indicator('T6c', 2025, 13.2),
      indicator('T6d', 2025, 15),
    ],
  };
}

describe('buildTargetsReport, province', () => {
  const report = buildTargetsReport(TARGETS, input(), { year: 2025 });
  const row = (id: string) => report.rows.find((r) => r.target.id === id)!;

  it('has every target T1a–T8, in group order, in eight groups', () => {
    expect(report.rows.map((r) => r.target.id)).toEqual(TARGETS.map((t) => t.id));
    expect(report.groups.map((g) => g.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives the latest value and its status by direction', () => {
    expect(row('T1b')).toMatchObject({
      latest: { year: 2025, value: 58.5 },
      status: 'met',
      scope: 'province',
    });
    expect(row('T1a')).toMatchObject({ latest: { value: 66.7 }, status: 'met' });
    expect(row('T1d')).toMatchObject({ latest: { value: 17.1 }, status: 'missed' });
    expect(row('T1e')).toMatchObject({ latest: { value: 19 }, status: 'missed' }); // lower
    expect(row('T6c')).toMatchObject({ status: 'met' }); // target value 13,45 ± 5 %
    expect(row('T6d')).toMatchObject({ status: 'missed' }); // strict lower: 15 is not < 15
    expect(row('T1c')).toMatchObject({ latest: { value: 1 }, status: 'missed' });
  });

  it('says "no data" for a target without figures, never zero', () => {
    expect(row('T8')).toMatchObject({
      latest: null,
      status: 'no_data',
      series: [],
      result: { verdict: 'no_data' },
    });
  });

  it('an earlier year is judged on the straight path from the 2020 baseline', () => {
    const r2023 = buildTargetsReport(TARGETS, input(), { year: 2023 });
    const t1b = r2023.rows.find((r) => r.target.id === 'T1b')!;
    // Path: 33 → 57,5 over 5 years; 2023 expects 33 + 24,5·3/5 = 47,7 > 45,7.
    expect(t1b.latest?.value).toBe(45.7);
    expect(t1b.expected).toBeCloseTo(47.7, 10);
    expect(t1b.status).toBe('at_risk');
    const t1e = r2023.rows.find((r) => r.target.id === 'T1e')!;
    // 55 → 0: 2023 expects 22; 36 is above the path.
    expect(t1e.status).toBe('at_risk');
    const t2 = r2023.rows.find((r) => r.target.id === 'T2')!;
    // 12,4 → 25: 2023 expects 19,96; 20,6 is on track.
    expect(t2.status).toBe('on_track');
    // The period result does not depend on the chosen year.
    expect(t2.result).toMatchObject({ verdict: 'met', final: true });
  });

  it('tallies the period result', () => {
    expect(report.tally.total).toBe(22);
    expect(report.tally.met).toBe(
      ['T1a', 'T1b', 'T2', 'T6c'].length, // T3a: 2024 value 2,81 < 3 → pending
    );
    expect(report.tally.pending).toBe(1);
    expect(report.tally.not_met).toBe(['T1c', 'T1d', 'T1e', 'T6d'].length);
    expect(report.tally.no_data).toBe(22 - 9);
  });

  it('breaks down the indicators measured per district, with their own status', () => {
    expect(row('T1b').breakdown.map((c) => [c.code, c.name, c.point?.value, c.status])).toEqual([
      ['105', 'Thành phố Lai Châu', 100, 'met'],
      ['107', 'Huyện Mường Tè', 25, 'missed'],
    ]);
    expect(row('T1a').breakdown.map((c) => c.code)).toEqual(['105']); // Mường Tè has no urban figure
    expect(row('T3a').breakdown.map((c) => [c.code, c.point?.year, c.point?.value])).toEqual([
      ['105', 2024, 2.1],
      ['107', 2023, 4.55],
    ]);
    expect(row('T2').breakdown).toEqual([]);
  });

  it('lists which districts are NTM for T1c', () => {
    expect(row('T1c').districtsNtm.map((d) => [d.code, d.ntm, d.since])).toEqual([
      ['105', true, 2020],
      ['106', true, 2025],
      ['107', false, null],
    ]);
  });

  it('keeps the provenance: sourced years first, then the illustrative ones', () => {
    const lines = row('T3a').sources;
    expect(lines.map((l) => [l.source, l.years])).toEqual([
      ['[S46] Báo Dân sinh', [2020]],
      ['[S49] TTXVN', [2023]],
      [null, [2024]],
    ]);
    expect(sourceText(lines[0]!, 'vi')).toBe('2020: [S46] Báo Dân sinh (10/03/2021)');
    expect(sourceText(lines[2]!, 'vi')).toBe('2024: số liệu minh họa');
    expect(report.illustrative).toBe(true);
  });
});

describe('buildTargetsReport, one district', () => {
  const report = buildTargetsReport(TARGETS, input(), { year: 2025, district: '107' });
  const row = (id: string) => report.rows.find((r) => r.target.id === id)!;

  it('shows the district’s own figures where it has them, province figures elsewhere', () => {
    expect(report.districtName).toBe('Huyện Mường Tè');
    expect(row('T1b')).toMatchObject({ scope: 'district', latest: { value: 25 }, status: 'missed' });
    expect(row('T3a')).toMatchObject({ scope: 'district', latest: { year: 2023, value: 4.55 } });
    expect(row('T1a')).toMatchObject({ scope: 'province', latest: { value: 66.7 } });
    expect(row('T2')).toMatchObject({ scope: 'province' });
    expect(row('T1c')).toMatchObject({ scope: 'province' });
    expect(row('T1b').breakdown).toEqual([]);
  });
});

describe('years outside the period', () => {
  it('clamps to 2020–2025 and says so', () => {
    expect(clampYear(2026)).toEqual({ asOfYear: 2025, yearNote: 'after_period' });
    expect(clampYear(2018)).toEqual({ asOfYear: 2020, yearNote: 'before_period' });
    expect(clampYear(2022)).toEqual({ asOfYear: 2022, yearNote: null });
    const r = buildTargetsReport(TARGETS, input(), { year: 2017 });
    expect(r.rows.find((x) => x.target.id === 'T1b')?.latest?.year).toBe(2020);
  });

  it('an empty dataset gives every target as "no data"', () => {
    const empty = buildTargetsReport(
      TARGETS,
      { province: [], district: [], districts: [], indicators: [] },
      { year: 2025 },
    );
    expect(empty.rows.every((r) => r.status === 'no_data' && r.result.verdict === 'no_data')).toBe(true);
    expect(empty.tally.no_data).toBe(22);
    expect(empty.illustrative).toBe(false);
  });
});

describe('source helpers', () => {
  it('writes years as ranges', () => {
    expect(yearRanges([2025, 2020, 2021, 2023, 2024])).toBe('2020–2021, 2023–2025');
    expect(yearRanges([2022])).toBe('2022');
    expect(yearRanges([])).toBe('');
  });

  it('groups points by source', () => {
    const p = (year: number, source: string | null) => ({
      year,
      value: 1,
      source,
      source_url: null,
      source_date: null,
      illustrative: source === null,
    });
    expect(
      sourceLines([p(2022, 'A'), p(2020, null), p(2021, null), p(2025, 'A')]).map((l) => [l.source, l.years]),
    ).toEqual([
      ['A', [2022, 2025]],
      [null, [2020, 2021]],
    ]);
  });
});
