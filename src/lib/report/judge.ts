/**
 * Met or not met, on track or at risk: the one place where a target's figure is judged. The leaders'
 * targets view, the printed report, the period result and the summary cards all call these, so one
 * figure gets one answer on every screen.
 */
import {
  countRule,
  meetsTarget,
  targetStatus,
  FINAL_YEAR,
  type TargetRule,
  type TargetStatus,
} from '../domain/targets';
import type { SeriesPoint } from './series';

interface Judged {
  value: number;
  rule: TargetRule;
  /** The baseline on the same scale as `value`. */
  baseline: number | null;
}

/** A share of units is judged on its counts (domain/targets unitsNeeded); anything else on its value. */
function scaleOf(rule: TargetRule, point: SeriesPoint, baseline: SeriesPoint | null): Judged {
  if (point.count === undefined || !point.of) {
    return { value: point.value, rule, baseline: baseline?.value ?? null };
  }
  const of = point.of;
  const baselineCount = baseline ? (baseline.count ?? (baseline.value / 100) * of) : null;
  return { value: point.count, rule: countRule(rule, of), baseline: baselineCount };
}

/** Whether the point meets the target. */
export function meetsAt(rule: TargetRule, point: SeriesPoint): boolean {
  const judged = scaleOf(rule, point, null);
  return meetsTarget(judged.value, judged.rule);
}

/** Status of the point against the target, on the straight path from the baseline point. */
export function statusAt(
  rule: TargetRule | null | undefined,
  point: SeriesPoint | null,
  baseline: SeriesPoint | null,
): TargetStatus {
  if (!rule || !point) return targetStatus(point?.value ?? null, rule, { year: point?.year ?? FINAL_YEAR });
  const judged = scaleOf(rule, point, baseline);
  return targetStatus(judged.value, judged.rule, { year: point.year, baseline: judged.baseline });
}
