/**
 * The 2021–2025 result of a target ("tổng kết giai đoạn"): met or not, and by how much, in the
 * indicator's own unit and direction.
 *
 * THE RULE
 * - The verdict is read on the 2025 value. "Met" uses the same test as the status cards
 *   (domain/targets meetsTarget: strict targets must be beaten, a target value is met within its tolerance).
 * - Without a 2025 value, the latest value of 2021–2024 decides only if it already meets the target (a
 *   target reached early counts, as in the status rule), and the result says it is not final; otherwise the
 *   verdict is 'pending': the period cannot be judged missed before its last figure is known.
 * - The 2020 baseline alone is no result: with no value in 2021–2025 the verdict is 'no_data'.
 * - margin: how far the value is on the good side of the target (negative: on the bad side), in the
 *   indicator's unit: value − target for 'higher', target − value for 'lower', and for a target value
 *   tolerance − |value − target| (how much room is left inside the tolerance band).
 */
import {
  BASELINE_YEAR,
  DEFAULT_TOLERANCE_SHARE,
  FINAL_YEAR,
  type TargetRule,
  type TargetStatus,
} from '../domain/targets';
import { meetsAt, statusAt } from './judge';
import { pointAt } from './series';
import type { SeriesPoint } from './series';

export type PeriodVerdict = 'met' | 'not_met' | 'pending' | 'no_data' | 'no_target';

export interface PeriodResult {
  verdict: PeriodVerdict;
  /** The value the verdict is read on (2025, or the latest before it), or null. */
  point: SeriesPoint | null;
  /** True when the verdict rests on the 2025 value. */
  final: boolean;
  /** Good-side distance to the target in the indicator's unit (see the rule); null without a value. */
  margin: number | null;
  /** For direction 'target': value − target (signed); null otherwise. */
  deviation: number | null;
  /** For direction 'target': the tolerance used; null otherwise. */
  tolerance: number | null;
  /**
   * Pending only: the status of the latest figure (on track / at risk), the same judgement as the target's
   * card, so "not yet known" never reads as a different answer from the card's.
   */
  status: TargetStatus | null;
}

export const FIRST_PERIOD_YEAR = 2021;

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function marginOf(value: number, rule: TargetRule, tolerance: number): number {
  switch (rule.direction) {
    case 'higher':
      return value - rule.target_value;
    case 'lower':
      return rule.target_value - value;
    case 'target':
      return tolerance - Math.abs(value - rule.target_value);
  }
}

/** The period result of one target from its series (any order, any years: only 2021–2025 count). */
export function periodResult(
  rule: TargetRule | null | undefined,
  series: readonly SeriesPoint[],
  finalYear = FINAL_YEAR,
): PeriodResult {
  const none: PeriodResult = {
    verdict: 'no_data',
    point: null,
    final: false,
    margin: null,
    deviation: null,
    tolerance: null,
    status: null,
  };
  if (!rule || !isNum(rule.target_value)) return { ...none, verdict: 'no_target' };
  const inPeriod = series
    .filter((p) => isNum(p.value) && p.year >= FIRST_PERIOD_YEAR && p.year <= finalYear)
    .sort((a, b) => a.year - b.year);
  const point = inPeriod.at(-1);
  if (!point) return none;
  const tolerance = DEFAULT_TOLERANCE_SHARE * Math.abs(rule.target_value);
  const final = point.year === finalYear;
  const met = meetsAt(rule, point);
  return {
    verdict: met ? 'met' : final ? 'not_met' : 'pending',
    point,
    final,
    margin: marginOf(point.value, rule, tolerance),
    deviation: rule.direction === 'target' ? point.value - rule.target_value : null,
    tolerance: rule.direction === 'target' ? tolerance : null,
    status: met || final ? null : statusAt(rule, point, pointAt(series, BASELINE_YEAR)),
  };
}

export interface PeriodTally {
  met: number;
  not_met: number;
  pending: number;
  no_data: number;
  no_target: number;
  total: number;
}

export function tallyResults(results: readonly PeriodResult[]): PeriodTally {
  const tally: PeriodTally = {
    met: 0,
    not_met: 0,
    pending: 0,
    no_data: 0,
    no_target: 0,
    total: results.length,
  };
  for (const r of results) tally[r.verdict] += 1;
  return tally;
}
