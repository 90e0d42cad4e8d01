// Short status wording for lists, tables, the panel and the history chart, from the same classes as the map
// colours. The criteria count is shown only for an assessed xã (domain/status isAssessedXa: one rule).
import { isAssessedXa, statusClass } from '../domain/status';
import type { UnitYear } from '../domain/types';
import type { Lang } from '../i18n/define';
import { tv } from '../i18n/view';

/** The status class in words, without the count. */
export function statusName(row: UnitYear | undefined, lang: Lang): string {
  return tv(lang, `status.${statusClass(row)}`);
}

export function statusText(row: UnitYear | undefined, lang: Lang): string {
  const status = statusName(row, lang);
  if (!isAssessedXa(row)) return status;
  return tv(lang, 'status.withCount', { status, count: row.criteria_count, total: row.criteria_total });
}

/** The criteria count of an assessed xã; null for wards/towns and for a xã without an assessment. */
export function assessedCount(row: UnitYear | undefined): number | null {
  return isAssessedXa(row) ? row.criteria_count : null;
}
