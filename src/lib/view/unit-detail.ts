// The unit panel: facts, status, every criterion's state, the criteria it lacks, its history over the
// years of its boundary vintage and its merger lineage (domain/history, keyed by vintage and code).
import { sourceLink } from '../domain/source-url';
import { formatDate } from '../domain/format';
import { formedFrom, isCarriedOver, mergedInto, unitHistory, type UnitRef } from '../domain/history';
import { classOf } from '../domain/legend';
import { vintageForYear } from '../domain/periods';
import { criterionState, isAssessedXa, type CriterionState } from '../domain/status';
import type { Criterion, CrosswalkRow, Framework, Unit, UnitYear, VintageId } from '../domain/types';
import { pick, type Lang } from '../i18n/define';
import { t } from '../i18n/messages';
import { tv } from '../i18n/view';
import { statusText } from './status-text';
import { classKey, PALETTE } from './unit-visuals';
import { missingOf, type MissingCriterion, type ScreenUnit } from './unit-rows';

export interface HistoryPoint {
  year: number;
  count: number | null;
  total: number;
  label: string;
  status: string;
  colour: string;
}

export interface HistoryView {
  caption: string;
  points: HistoryPoint[];
  /** The axis runs 0 … max, the criteria total of the vintage's framework (19, or 10 from 2026). */
  max: number;
  ticks: number[];
  /** The red line (15 of 19), or null when the framework has no threshold. */
  threshold: number | null;
}

export interface LineageLine {
  label: string;
  names: string[];
}

export interface CriterionLine {
  number: number;
  name: string;
  state: CriterionState;
  stateLabel: string;
}

export interface UnitDetail {
  code: string;
  title: string;
  kindLine: string;
  district: string;
  yearLabel: string;
  status: string;
  decision: string | null;
  /** A link only for an address the source-link rule accepts, with the host it goes to (shown beside it). */
  source: {
    kind: 'none' | 'illustrative' | 'link' | 'text';
    text: string;
    url: string | null;
    host: string | null;
  };
  isXa: boolean;
  missingTitle: string;
  missing: MissingCriterion[];
  criteriaTitle: string;
  criteria: CriterionLine[];
  history: HistoryView;
  lineage: LineageLine[];
  urbanNote: string | null;
}

export interface DetailInput {
  lang: Lang;
  year: number;
  vintage: VintageId;
  unit: ScreenUnit;
  row: UnitYear | undefined;
  framework: Framework | undefined;
  criteria: readonly Criterion[];
  rowsByYear: ReadonlyMap<number, readonly UnitYear[]>;
  years: readonly number[];
  crosswalk: readonly CrosswalkRow[];
  units: readonly Unit[];
}

/** Axis ticks every 5 criteria, and the total itself. */
export function historyTicks(max: number): number[] {
  const ticks: number[] = [];
  for (let v = 0; v < max; v += 5) ticks.push(v);
  ticks.push(max);
  return ticks;
}

export function historyView(input: DetailInput): HistoryView {
  const { lang, unit, vintage } = input;
  const total = input.framework?.criteria_total ?? 19;
  const own = new Map(
    unitHistory(unit.code, vintage, input.rowsByYear, input.crosswalk)
      .filter((e) => e.relation === 'self')
      .map((e) => [e.year, e.row]),
  );
  const points = input.years
    .filter((y) => vintageForYear(y) === vintage)
    .map((year): HistoryPoint => {
      const row = own.get(year);
      const count = isAssessedXa(row) ? row.criteria_count : null;
      const rowTotal = row?.criteria_total ?? total;
      const cls = classKey(
        'status',
        rowTotal,
        classOf('status', row, { framework: { criteria_total: rowTotal }, kind: unit.kind }),
      );
      return {
        year,
        count,
        total: rowTotal,
        label: count === null ? '—' : `${count}/${rowTotal}`,
        status: statusText(row, lang),
        colour: PALETTE[cls]!,
      };
    });
  const max = Math.max(total, ...points.map((p) => p.total));
  return {
    caption: tv(lang, 'history.caption'),
    points,
    max,
    ticks: historyTicks(max),
    threshold: input.framework?.below_threshold ?? null,
  };
}

export function lineageOf(
  input: Pick<DetailInput, 'lang' | 'unit' | 'vintage' | 'crosswalk' | 'units'>,
): LineageLine[] {
  const { lang, unit, vintage, crosswalk } = input;
  const nameOf = (r: UnitRef) =>
    input.units.find((u) => u.vintage === r.vintage && u.code === r.code)?.name ?? r.code;
  const lines: LineageLine[] = [];
  const from = formedFrom(unit.code, vintage, crosswalk);
  if (from.length > 0 && !isCarriedOver(from, unit.code))
    lines.push({ label: tv(lang, 'lineage.from', { vintage: from[0]!.vintage }), names: from.map(nameOf) });
  const into = mergedInto(unit.code, vintage, crosswalk);
  if (into.length > 0) {
    const target = into[0]!;
    const partners = formedFrom(target.code, target.vintage, crosswalk);
    if (!isCarriedOver(partners, unit.code) || target.code !== unit.code)
      lines.push({ label: tv(lang, 'lineage.into', { vintage: target.vintage }), names: into.map(nameOf) });
  }
  return lines;
}

function sourceOf(row: UnitYear | undefined, lang: Lang): UnitDetail['source'] {
  if (!row) return { kind: 'none', text: tv(lang, 'panel.noRow'), url: null, host: null };
  if (row.illustrative)
    return { kind: 'illustrative', text: tv(lang, 'source.illustrative'), url: null, host: null };
  const link = sourceLink(row.source_url);
  if (link) return { kind: 'link', text: row.source ?? link.host, url: link.url, host: link.host };
  return { kind: 'text', text: row.source ?? '', url: null, host: null };
}

export function unitDetail(input: DetailInput): UnitDetail {
  const { lang, unit, row, framework } = input;
  const isXa = unit.kind === 'xa';
  const missing = missingOf(row, input.criteria, lang);
  return {
    code: unit.code,
    title: unit.full_name,
    kindLine: tv(lang, 'panel.code', { kind: t(lang, `kind.${unit.kind}`), code: unit.code }),
    district: unit.district_name ?? t(lang, 'panel.noDistrict'),
    yearLabel: tv(lang, 'panel.year', { year: input.year }),
    status: statusText(row, lang),
    decision: row?.decision_no
      ? row.decision_date
        ? tv(lang, 'panel.decisionDate', { no: row.decision_no, date: formatDate(row.decision_date, lang) })
        : row.decision_no
      : null,
    source: sourceOf(row, lang),
    isXa: isXa && framework !== undefined,
    missingTitle: tv(lang, 'panel.missing', { n: missing.length }),
    missing,
    criteriaTitle: tv(lang, 'panel.criteriaSet', {
      decision: framework?.decision ?? '',
      n: input.criteria.length,
    }),
    criteria: input.criteria.map((c) => {
      const state = criterionState(row, c.number);
      return {
        number: c.number,
        name: pick(lang, c, 'name'),
        state,
        stateLabel: tv(lang, `criterionState.${state}`),
      };
    }),
    history: historyView(input),
    lineage: lineageOf(input),
    urbanNote: isXa ? null : tv(lang, 'panel.urbanNote'),
  };
}
