import { describe, expect, it } from 'vitest';
import { periodResult, tallyResults } from './period-result';
import type { SeriesPoint } from './series';
import { indicator, target, TARGETS } from './test-data';
import { buildTargetsReport } from './targets-report';
import { marginText, resultText } from './text';

const pts = (...pairs: [number, number][]): SeriesPoint[] =>
  pairs.map(([year, value]) => ({
    year,
    value,
    source: null,
    source_url: null,
    source_date: null,
    illustrative: true,
  }));

describe('direction higher', () => {
  const T1b = target('T1b'); // ≥ 57,5 %
  const T1a = target('T1a'); // > 60 % (strict)

  it('met on the 2025 value, with the margin in percentage points', () => {
    const r = periodResult(T1b, pts([2020, 33], [2024, 52.1], [2025, 58.5]));
    expect(r).toMatchObject({ verdict: 'met', final: true, point: { year: 2025, value: 58.5 } });
    expect(r.margin).toBeCloseTo(1, 10);
    expect(resultText(T1b, r, 'vi')).toBe('Đạt, vượt 1 điểm %');
    expect(resultText(T1b, r, 'en')).toBe('Met, exceeded by 1 pp');
  });

  it('not met on the 2025 value, however good an earlier year was', () => {
    const r = periodResult(T1b, pts([2023, 60], [2025, 55]));
    expect(r.verdict).toBe('not_met');
    expect(r.margin).toBeCloseTo(-2.5, 10);
    expect(resultText(T1b, r, 'vi')).toBe('Không đạt, còn thiếu 2,5 điểm %');
  });

  it('exactly at a non-strict target is met; at a strict one it is not', () => {
    expect(resultText(T1b, periodResult(T1b, pts([2025, 57.5])), 'vi')).toBe('Đạt, đúng bằng chỉ tiêu');
    const strict = periodResult(T1a, pts([2025, 60]));
    expect(strict.verdict).toBe('not_met');
    expect(resultText(T1a, strict, 'vi')).toBe('Không đạt, bằng mức chỉ tiêu, cần vượt');
    expect(periodResult(T1a, pts([2025, 66.7])).verdict).toBe('met');
  });
});

describe('direction lower', () => {
  const T1e = target('T1e'); // 0 xã below 15 criteria
  const T6d = target('T6d'); // < 15 % (strict)

  it('counts how many communes are still above the target', () => {
    const r = periodResult(T1e, pts([2020, 55], [2025, 19]));
    expect(r).toMatchObject({ verdict: 'not_met', margin: -19 });
    expect(resultText(T1e, r, 'vi')).toBe('Không đạt, cao hơn chỉ tiêu 19 xã');
    expect(resultText(T1e, r, 'en')).toBe('Not met, 19 communes above the target');
    expect(periodResult(T1e, pts([2025, 0])).verdict).toBe('met');
  });

  it('strict: 15 % is not under 15 %; 12,4 % is, by 2,6 points', () => {
    expect(periodResult(T6d, pts([2025, 15])).verdict).toBe('not_met');
    const r = periodResult(T6d, pts([2025, 12.4]));
    expect(r.verdict).toBe('met');
    expect(marginText(T6d, r, 'vi')).toBe('thấp hơn chỉ tiêu 2,6 điểm %');
  });
});

describe('direction target (a value to reach, within 5 % of it)', () => {
  const T6c = target('T6c'); // 13,45 ‰ ± 0,6725

  it('met inside the tolerance band, either side', () => {
    const r = periodResult(T6c, pts([2025, 13.2]));
    expect(r.verdict).toBe('met');
    expect(r.deviation).toBeCloseTo(-0.25, 10);
    expect(r.margin).toBeCloseTo(0.6725 - 0.25, 10);
    expect(resultText(T6c, r, 'vi')).toBe('Đạt, lệch −0,25‰ so với chỉ tiêu (cho phép ±0,67‰)');
    expect(periodResult(T6c, pts([2025, 14.1])).verdict).toBe('met');
  });

  it('not met outside it', () => {
    const r = periodResult(T6c, pts([2025, 15.1]));
    expect(r.verdict).toBe('not_met');
    expect(r.margin).toBeLessThan(0);
    expect(resultText(T6c, r, 'en')).toBe('Not met, off by +1.65‰ (tolerance ±0.67‰)');
  });
});

describe('edge cases', () => {
  const T2 = target('T2');

  it('no data: an empty series, or the 2020 baseline alone', () => {
    expect(periodResult(T2, [])).toMatchObject({ verdict: 'no_data', point: null, margin: null });
    expect(periodResult(T2, pts([2020, 12.4])).verdict).toBe('no_data');
    expect(resultText(T2, periodResult(T2, []), 'vi')).toBe('Chưa có số liệu');
  });

  it('no target: missing, or a target value that is not a number', () => {
    expect(periodResult(null, pts([2025, 30])).verdict).toBe('no_target');
    expect(periodResult({ ...T2, target_value: Number.NaN }, pts([2025, 30])).verdict).toBe('no_target');
    expect(resultText(null, periodResult(null, pts([2025, 30])), 'en')).toBe('No target');
  });

  it('without a 2025 value: met early counts (not final); not met yet is pending, not missed', () => {
    const early = periodResult(T2, pts([2023, 26]));
    expect(early).toMatchObject({ verdict: 'met', final: false });
    expect(resultText(T2, early, 'vi')).toBe('Đạt, vượt 1 tỷ đồng (số liệu năm 2023)');
    const pending = periodResult(T2, pts([2022, 17.8], [2024, 23.1]));
    expect(pending).toMatchObject({ verdict: 'pending', final: false, point: { year: 2024 } });
    expect(resultText(T2, pending, 'vi')).toBe(
      'Chưa kết luận (có nguy cơ không đạt): chưa có số liệu năm 2025 (năm 2024: còn thiếu 1,9 tỷ đồng)',
    );
  });

  it('years after 2025 do not count', () => {
    expect(periodResult(T2, pts([2024, 20], [2026, 30])).verdict).toBe('pending');
  });

  it('tallies the verdicts', () => {
    const t = tallyResults([
      periodResult(T2, pts([2025, 26])),
      periodResult(T2, pts([2025, 20])),
      periodResult(T2, pts([2024, 20])),
      periodResult(T2, []),
      periodResult(null, []),
    ]);
    expect(t).toEqual({ met: 1, not_met: 1, pending: 1, no_data: 1, no_target: 1, total: 5 });
  });
});

describe('a pending result and the target card say the same thing', () => {
  it('T4a on track in 2023: the card says "Đúng tiến độ", the period table "Chưa kết luận (đúng tiến độ)"', () => {
    const input = {
      province: [],
      district: [],
      districts: [],
      indicators: [indicator('T4a', 2020, 80), indicator('T4a', 2023, 84)],
    };
    const report = buildTargetsReport(TARGETS, input, { year: 2025 });
    const row = report.rows.find((r) => r.target.id === 'T4a')!;
    expect(row.status).toBe('on_track');
    expect(row.result).toMatchObject({ verdict: 'pending', status: 'on_track' });
    expect(resultText(row.target, row.result, 'vi')).toMatch(/^Chưa kết luận \(đúng tiến độ\): /);
  });
});
