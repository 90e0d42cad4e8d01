import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedOnPath, meetsTarget, targetStatus, TARGET_STATUS_LABELS, type TargetRule } from './targets';

// Targets of Kết luận 98-KL/TU (data/reference/targets-2021-2025.md).
const T1a: TargetRule = { target_value: 60, direction: 'higher', strict: true }; // trên 60% phường, thị trấn
const T1b: TargetRule = { target_value: 57.5, direction: 'higher', strict: false }; // 57,5% xã
const T1e: TargetRule = { target_value: 0, direction: 'lower', strict: false }; // không có xã dưới 15 tiêu chí
const T6d: TargetRule = { target_value: 15, direction: 'lower', strict: true }; // suy dinh dưỡng nhẹ cân < 15%
const T6c: TargetRule = { target_value: 13.45, direction: 'target', strict: false }; // tăng dân số tự nhiên 13,45‰

describe('no target, no data', () => {
  it('returns no_target before looking at the value', () => {
    expect(targetStatus(50, null, { year: 2025 })).toBe('no_target');
    expect(targetStatus(null, undefined, { year: 2025 })).toBe('no_target');
    expect(targetStatus(50, { ...T1b, target_value: Number.NaN }, { year: 2025 })).toBe('no_target');
  });

  it('returns no_data for null, undefined, NaN and infinities', () => {
    for (const v of [null, undefined, Number.NaN, Infinity, -Infinity]) {
      expect(targetStatus(v, T1b, { year: 2023, baseline: 30 })).toBe('no_data');
    }
  });
});

describe('direction higher', () => {
  it('non-strict: exactly at the target is met', () => {
    expect(targetStatus(57.5, T1b, { year: 2025 })).toBe('met');
    expect(targetStatus(57.4, T1b, { year: 2025 })).toBe('missed');
    // Floating-point noise around the target does not flip the verdict.
    expect(targetStatus(57.5 - 1e-12, T1b, { year: 2025 })).toBe('met');
    expect(
      targetStatus(0.1 + 0.2, { target_value: 0.3, direction: 'lower', strict: false }, { year: 2025 }),
    ).toBe('met');
  });

  it('strict ("trên 60%"): exactly at the target is not met', () => {
    expect(targetStatus(60, T1a, { year: 2025 })).toBe('missed');
    expect(targetStatus(60.1, T1a, { year: 2025 })).toBe('met');
    expect(meetsTarget(60, T1a)).toBe(false);
  });

  it('before 2025 follows the straight path from the 2020 baseline', () => {
    // Baseline 2020: 30.9 %; path to 57.5 % in 2025 → 2023 expects 30.9 + 26.6·3/5 = 46.86.
    expect(expectedOnPath(T1b, 2023, 30.9)).toBeCloseTo(46.86, 10);
    expect(targetStatus(47, T1b, { year: 2023, baseline: 30.9 })).toBe('on_track');
    expect(targetStatus(46.86, T1b, { year: 2023, baseline: 30.9 })).toBe('on_track');
    expect(targetStatus(41.5, T1b, { year: 2023, baseline: 30.9 })).toBe('at_risk');
    expect(targetStatus(60, T1b, { year: 2022, baseline: 30.9 })).toBe('met');
    // At the baseline year the path equals the baseline.
    expect(targetStatus(30.9, T1b, { year: 2020, baseline: 30.9 })).toBe('on_track');
  });

  it('is at risk without a baseline before the final year, missed from the final year on', () => {
    expect(targetStatus(40, T1b, { year: 2023 })).toBe('at_risk');
    expect(targetStatus(40, T1b, { year: 2023, baseline: null })).toBe('at_risk');
    expect(targetStatus(40, T1b, { year: 2026, baseline: 30 })).toBe('missed');
    expect(expectedOnPath(T1b, 2023, null)).toBeNull();
  });
});

describe('direction lower', () => {
  it('non-strict: 0 communes below 15 criteria is met, 1 is not', () => {
    expect(targetStatus(0, T1e, { year: 2025 })).toBe('met');
    expect(targetStatus(1, T1e, { year: 2025 })).toBe('missed');
  });

  it('strict ("dưới 15%"): exactly 15 is not met', () => {
    expect(targetStatus(15, T6d, { year: 2025 })).toBe('missed');
    expect(targetStatus(14.9, T6d, { year: 2025 })).toBe('met');
  });

  it('follows a falling path before the final year', () => {
    // 20 xã below 15 in 2020 → path expects 8 in 2023.
    expect(expectedOnPath(T1e, 2023, 20)).toBe(8);
    expect(targetStatus(8, T1e, { year: 2023, baseline: 20 })).toBe('on_track');
    expect(targetStatus(9, T1e, { year: 2023, baseline: 20 })).toBe('at_risk');
  });
});

describe('direction target (a value to hit)', () => {
  it('is met within the tolerance (default 5 % of the target), either side', () => {
    expect(targetStatus(13.45, T6c, { year: 2025 })).toBe('met');
    expect(targetStatus(13.45 * 1.05, T6c, { year: 2025 })).toBe('met');
    expect(targetStatus(13.45 * 0.95, T6c, { year: 2025 })).toBe('met');
    expect(targetStatus(13.45 * 1.06, T6c, { year: 2025 })).toBe('missed');
    expect(targetStatus(13.6, T6c, { year: 2025, tolerance: 0.1 })).toBe('missed');
    expect(targetStatus(13.5, T6c, { year: 2025, tolerance: 0.1 })).toBe('met');
  });

  it('is on track while the distance to the target shrinks along the path', () => {
    // From 20 ‰ (2020) to 13.45 ‰ (2025): 2023 expects 16.07; distance allowed 2.62 + 0.1.
    expect(targetStatus(16, T6c, { year: 2023, baseline: 20, tolerance: 0.1 })).toBe('on_track');
    expect(targetStatus(11, T6c, { year: 2023, baseline: 20, tolerance: 0.1 })).toBe('on_track');
    expect(targetStatus(17, T6c, { year: 2023, baseline: 20, tolerance: 0.1 })).toBe('at_risk');
    expect(targetStatus(9, T6c, { year: 2023, baseline: 20, tolerance: 0.1 })).toBe('at_risk');
  });
});

describe('invariants', () => {
  const rule = fc.record({
    target_value: fc.double({ min: -1000, max: 1000, noNaN: true }),
    direction: fc.constantFrom('higher' as const, 'lower' as const, 'target' as const),
    strict: fc.boolean(),
  });

  it('from the final year on, a value is only ever met or missed; met iff meetsTarget', () => {
    fc.assert(
      fc.property(
        rule,
        fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
        fc.integer({ min: 2025, max: 2030 }),
        (r, v, y) => {
          const s = targetStatus(v, r, { year: y, baseline: 0 });
          expect(s).toBe(meetsTarget(v, r) ? 'met' : 'missed');
        },
      ),
    );
  });

  it('before the final year, never missed', () => {
    fc.assert(
      fc.property(
        rule,
        fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
        fc.integer({ min: 2016, max: 2024 }),
        (r, v, y) => {
          expect(['met', 'on_track', 'at_risk']).toContain(targetStatus(v, r, { year: y, baseline: 1 }));
        },
      ),
    );
  });

  it('labels every status in both languages', () => {
    for (const l of Object.values(TARGET_STATUS_LABELS)) expect(l.vi && l.en).toBeTruthy();
    expect(Object.keys(TARGET_STATUS_LABELS)).toHaveLength(6);
  });
});
