/**
 * Status of an indicator against its 2021–2025 target (Kết luận 98-KL/TU), for the target cards.
 *
 * THE RULE (in this order):
 * 1. No target (or a non-finite target value)           → 'no_target'.
 * 2. No value (null, undefined, NaN, ±Infinity)          → 'no_data'.
 * 3. The value meets the target                          → 'met' (in any year: reached early counts).
 *    - direction 'higher': value ≥ target, or value > target when strict ("trên 60%");
 *    - direction 'lower':  value ≤ target, or value < target when strict ("dưới 15%");
 *    - direction 'target': |value − target| ≤ tolerance (default 5 % of |target|; strictness is
 *      meaningless for a target value and ignored).
 * 4. In or after the final year (default 2025) and not met → 'missed'.
 * 5. Before the final year, compare with a straight path from the baseline (the value of the baseline
 *    year, default 2020) to the target in the final year:
 *      expected(year) = baseline + (target − baseline) · (year − baselineYear) / (finalYear − baselineYear)
 *    'higher': value ≥ expected → 'on_track'; 'lower': value ≤ expected → 'on_track';
 *    'target': |value − target| ≤ |expected − target| + tolerance → 'on_track'; otherwise 'at_risk'.
 *    Without a baseline the path is unknown and a target not yet met is 'at_risk' (we cannot show it
 *    is on track; the card says why via `expected === null`).
 * Comparisons allow a relative epsilon of 1e-9 so values computed in floating point (57.49999…) are
 * not misjudged; "exactly at the target" meets a non-strict target and misses a strict one.
 */
import type { Target } from './types';

export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'missed' | 'no_data' | 'no_target';

export const FINAL_YEAR = 2025;
export const BASELINE_YEAR = 2020;
/** Default tolerance for direction 'target', as a share of |target|. */
export const DEFAULT_TOLERANCE_SHARE = 0.05;

export type TargetRule = Pick<Target, 'target_value' | 'direction' | 'strict'>;

export interface TargetStatusOptions {
  /** Year of the value. */
  year: number;
  /** Value of the indicator in the baseline year; null/undefined when unknown. */
  baseline?: number | null;
  baselineYear?: number;
  finalYear?: number;
  /** Absolute tolerance for direction 'target'. */
  tolerance?: number;
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function eps(t: number): number {
  return 1e-9 * Math.max(1, Math.abs(t));
}

function toleranceFor(rule: TargetRule, tolerance: number | undefined): number {
  if (isNum(tolerance) && tolerance >= 0) return tolerance;
  return DEFAULT_TOLERANCE_SHARE * Math.abs(rule.target_value);
}

/** Whether `value` meets the target (step 3 of the rule). */
export function meetsTarget(value: number, rule: TargetRule, tolerance?: number): boolean {
  const t = rule.target_value;
  const e = eps(t);
  switch (rule.direction) {
    case 'higher':
      return rule.strict ? value > t + e : value >= t - e;
    case 'lower':
      return rule.strict ? value < t - e : value <= t + e;
    case 'target':
      return Math.abs(value - t) <= toleranceFor(rule, tolerance) + e;
  }
}

/**
 * Value expected in `year` on the straight path from the baseline to the target (step 5), or null
 * without a baseline. Clamped to the baseline before the baseline year and to the target after the final year.
 */
export function expectedOnPath(
  rule: TargetRule,
  year: number,
  baseline: number | null | undefined,
  baselineYear = BASELINE_YEAR,
  finalYear = FINAL_YEAR,
): number | null {
  if (!isNum(baseline) || !isNum(rule.target_value) || finalYear <= baselineYear) return null;
  const f = Math.min(1, Math.max(0, (year - baselineYear) / (finalYear - baselineYear)));
  return baseline + (rule.target_value - baseline) * f;
}

/** Status of `value` measured in `opts.year` against `target`. See the rule at the top of this file. */
export function targetStatus(
  value: number | null | undefined,
  target: TargetRule | null | undefined,
  opts: TargetStatusOptions,
): TargetStatus {
  if (!target || !isNum(target.target_value)) return 'no_target';
  if (!isNum(value)) return 'no_data';
  if (meetsTarget(value, target, opts.tolerance)) return 'met';
  const finalYear = opts.finalYear ?? FINAL_YEAR;
  if (opts.year >= finalYear) return 'missed';
  const expected = expectedOnPath(
    target,
    opts.year,
    opts.baseline,
    opts.baselineYear ?? BASELINE_YEAR,
    finalYear,
  );
  if (expected === null) return 'at_risk';
  const e = eps(expected);
  switch (target.direction) {
    case 'higher':
      return value >= expected - e ? 'on_track' : 'at_risk';
    case 'lower':
      return value <= expected + e ? 'on_track' : 'at_risk';
    case 'target': {
      const slack = toleranceFor(target, opts.tolerance);
      return Math.abs(value - target.target_value) <= Math.abs(expected - target.target_value) + slack + e
        ? 'on_track'
        : 'at_risk';
    }
  }
}

/**
 * Whole units needed for a share-of-units target (% of xã, % of wards/towns), as the province counts it:
 * "57,5% số xã" of 94 xã is 54 xã (54.05 rounded; 54/94 = 57.45 %, shown as 57.4 %), and "trên 60%" of 12
 * wards/towns means more than 7.2, so 8. Judging on the count, not on a rounded percentage, is the only
 * way the cards, the targets view and the printed report can all give the province's own answer.
 */
export function unitsNeeded(rule: TargetRule, of: number): number {
  const exact = (rule.target_value / 100) * of;
  const e = eps(exact);
  if (rule.direction === 'higher' && rule.strict) return Math.floor(exact + e) + 1;
  if (rule.direction === 'lower' && rule.strict) return Math.ceil(exact - e) - 1;
  return Math.round(exact);
}

/** The same rule over counts of units (see unitsNeeded): strictness is folded into the count. */
export function countRule(rule: TargetRule, of: number): TargetRule {
  return { direction: rule.direction, strict: false, target_value: unitsNeeded(rule, of) };
}

/** Labels of the statuses, for cards and legends. */
export const TARGET_STATUS_LABELS: Record<TargetStatus, { vi: string; en: string }> = {
  met: { vi: 'Đã đạt', en: 'Met' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ không đạt', en: 'At risk' },
  missed: { vi: 'Không đạt', en: 'Missed' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
  no_target: { vi: 'Không có chỉ tiêu', en: 'No target' },
};
