// One row per unit for the list and the planners' table: its name, status wording, swatch colour (the
// same visual as the map), criteria count and the criteria it lacks, named.
import type { FormerName } from '../domain/search';
import { criteriaToStandard, isBelowThreshold, missingCriteria } from '../domain/status';
import type { Criterion, Framework, UnitKind, UnitYear } from '../domain/types';
import { pick, type Lang } from '../i18n/define';
import { t } from '../i18n/messages';
import { tv } from '../i18n/view';
import { assessedCount, statusName, statusText } from './status-text';
import type { UnitVisual } from './unit-visuals';

export interface ScreenUnit {
  code: string;
  /** Short name (without "Xã"/"Phường"), as on the map labels. */
  short: string;
  full_name: string;
  kind: UnitKind;
  district_code: string | null;
  district_name: string | null;
}

export interface MissingCriterion {
  number: number;
  /** "5. Trường học" */
  short: string;
  /** "Trường học" */
  name: string;
  /** The criterion's full name with its group, for a tooltip. */
  full: string;
}

export interface UnitRow {
  code: string;
  name: string;
  full_name: string;
  kind: UnitKind;
  kindLabel: string;
  district_code: string | null;
  district_name: string | null;
  /** Status with its criteria count ("Chưa đạt chuẩn NTM · 14/19"), for the list and the table. */
  status: string;
  /** Status alone ("Chưa đạt chuẩn NTM"): the CSV, whose next columns hold the count. */
  statusName: string;
  colour: string;
  /** Criteria met by an assessed xã; null otherwise. */
  count: number | null;
  total: number | null;
  below: boolean;
  toStandard: number | null;
  missing: MissingCriterion[];
  /** "minh họa", or the row's source. */
  source: string;
  /** Names (and districts) of the units it was formed from, so the search finds it by them. */
  former_names: FormerName[];
}

export interface UnitRowsInput {
  lang: Lang;
  units: readonly ScreenUnit[];
  rows: ReadonlyMap<string, UnitYear>;
  visuals: ReadonlyMap<string, UnitVisual>;
  criteria: readonly Criterion[];
  framework: Pick<Framework, 'below_threshold'>;
  /** Unit code → former names (domain/search.ts formerNames). */
  former?: ReadonlyMap<string, FormerName[]>;
}

export function missingOf(
  row: UnitYear | undefined,
  criteria: readonly Criterion[],
  lang: Lang,
): MissingCriterion[] {
  return missingCriteria(row, criteria).map((c) => ({
    number: c.number,
    short: tv(lang, 'criterion.option', { n: c.number, name: pick(lang, c, 'name') }),
    name: pick(lang, c, 'name'),
    full: `${c.number}. ${pick(lang, c, 'name')} — ${pick(lang, c, 'group')}`,
  }));
}

export function unitRow(input: UnitRowsInput, u: ScreenUnit): UnitRow {
  const { lang } = input;
  const row = input.rows.get(u.code);
  const count = assessedCount(row);
  return {
    code: u.code,
    name: u.short,
    full_name: u.full_name,
    kind: u.kind,
    kindLabel: t(lang, `kind.${u.kind}`),
    district_code: u.district_code,
    district_name: u.district_name,
    status: statusText(row, lang),
    statusName: statusName(row, lang),
    colour: input.visuals.get(u.code)?.colour ?? '',
    count,
    total: count === null ? null : (row?.criteria_total ?? null),
    below: isBelowThreshold(row, input.framework),
    toStandard: criteriaToStandard(row),
    missing: missingOf(row, input.criteria, lang),
    source: row ? (row.illustrative ? tv(lang, 'source.illustrative') : (row.source ?? '')) : '',
    former_names: input.former?.get(u.code) ?? [],
  };
}

/** Rows of the units not dimmed by the filters, in the units' order. */
export function unitRows(input: UnitRowsInput): UnitRow[] {
  return input.units.filter((u) => !input.visuals.get(u.code)?.dim).map((u) => unitRow(input, u));
}
