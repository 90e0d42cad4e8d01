// The summary cards beside the map. Within the 2020–2025 period every card is a row of the leaders'
// targets report (report/targets-report.ts): the same value, the same target and the same status as the
// "Chỉ tiêu" view, because it is the same object. Outside the period the cards show the year's own figures
// and judge nothing: the 2021–2025 targets do not apply to 2018 or to 2026.
import { formatNumber, formatPercent } from '../domain/format';
import { TARGET_STATUS_LABELS, type TargetStatus } from '../domain/targets';
import type { AreaSummary, Framework } from '../domain/types';
import type { Lang } from '../i18n/define';
import { tv } from '../i18n/view';
import { clampYear, type TargetRow, type TargetsReport } from '../report/targets-report';
import { formatSignedGap } from '../report/units';

export type CardId = 'T1b' | 'T1d' | 'T1e' | 'T1a' | 'T1c';

export interface CardView {
  id: CardId;
  label: string;
  /** Counts behind the value (54/94, 2 of 8 districts), when known. */
  detail: string | null;
  value: string;
  /** The year of the value when it is not the year on screen (the latest figure before it). */
  valueYear: string | null;
  target: string | null;
  status: TargetStatus | null;
  statusLabel: string | null;
}

export interface CardsView {
  heading: string;
  label: string;
  note: string | null;
  cards: CardView[];
  /** "Số liệu minh họa.", when the figures are illustrative. */
  illustrative: string | null;
}

export interface CardsInput {
  lang: Lang;
  year: number;
  areaName: string;
  /** The area's summary row of the year (province, or the chosen district). */
  summary: AreaSummary | undefined;
  framework: Framework | undefined;
  /** The targets report of the same year and area. */
  report: TargetsReport;
  unitCount: number;
}

const PERCENT_TARGETS = new Set<CardId>(['T1b', 'T1a']);

function formatter(id: CardId, lang: Lang): (v: number | null) => string {
  if (PERCENT_TARGETS.has(id)) return (v) => formatPercent(v, lang, 1);
  // A change in districts, with its sign and unit ("+1 huyện"): a bare "1" under "2/8 huyện đạt chuẩn"
  // read as a count of districts at the standard (issue 19).
  if (id === 'T1c') return (v) => (v === null ? formatNumber(v, lang, 0) : formatSignedGap(v, 'huyện', lang));
  return (v) => formatNumber(v, lang, id === 'T1d' ? 1 : 0);
}

/** The year's own figure of a card, from the summary row (outside the period, or without a report row). */
function summaryValue(id: CardId, s: AreaSummary | undefined): number | null {
  if (!s) return null;
  switch (id) {
    case 'T1b':
      return s.xa_ntm_pct;
    case 'T1d':
      return s.avg_criteria_xa;
    case 'T1e':
      return s.xa_below_threshold;
    case 'T1a':
      return s.urban_civilised_pct;
    case 'T1c':
      return null;
  }
}

function detailOf(id: CardId, lang: Lang, input: CardsInput, row: TargetRow | undefined): string | null {
  const s = input.summary;
  const point = row?.latest;
  if (id === 'T1c') {
    const cells = row?.districtsNtm ?? [];
    if (cells.length === 0) return null;
    const count = cells.filter((d) => d.ntm).length;
    // The added districts are today's count less 2020's: say 2020's, so the two numbers add up.
    const added = point?.year === input.year ? point.value : null;
    return added === null
      ? tv(lang, 'card.districts', { count, of: cells.length })
      : tv(lang, 'card.districtsSince', { count, of: cells.length, base: count - added });
  }
  if (!PERCENT_TARGETS.has(id)) return null;
  if (point)
    return point.count !== undefined && point.of
      ? tv(lang, 'card.count', { count: point.count, of: point.of })
      : null;
  if (!s) return null;
  return id === 'T1b'
    ? tv(lang, 'card.count', { count: s.xa_ntm, of: s.xa_total })
    : tv(lang, 'card.count', { count: s.urban_civilised, of: s.urban_total });
}

function labelOf(id: CardId, lang: Lang, framework: Framework | undefined): string {
  if (id === 'T1d') return tv(lang, 'card.T1d', { total: framework?.criteria_total ?? '—' });
  if (id === 'T1e') return tv(lang, 'card.T1e', { n: framework?.below_threshold ?? '—' });
  return tv(lang, `card.${id}`);
}

/** Which cards the year and area have. */
function cardIds(input: CardsInput, inPeriod: boolean): CardId[] {
  const ids: CardId[] = ['T1b', 'T1d'];
  if (input.framework?.below_threshold) ids.push('T1e');
  if ((input.summary?.urban_total ?? 0) > 0) ids.push('T1a');
  if (inPeriod && input.report.district === null && input.summary?.districts_total) ids.push('T1c');
  return ids;
}

export function cardsView(input: CardsInput): CardsView {
  const { lang, year, report } = input;
  const inPeriod = report.yearNote === null;
  const rows = new Map(report.rows.map((r) => [r.target.id, r]));
  const cards = cardIds(input, inPeriod).map((id): CardView => {
    const format = formatter(id, lang);
    const row = inPeriod ? rows.get(id) : undefined;
    const value = row ? (row.latest?.value ?? null) : summaryValue(id, input.summary);
    const prefix = row?.target.strict ? (row.target.direction === 'lower' ? '< ' : '> ') : '';
    return {
      id,
      label: labelOf(id, lang, input.framework),
      detail: detailOf(id, lang, input, row),
      value: format(value),
      valueYear:
        row?.latest && row.latest.year !== year
          ? tv(lang, 'cards.valueYear', { year: row.latest.year })
          : null,
      target: row ? tv(lang, 'cards.target', { value: `${prefix}${format(row.target.target_value)}` }) : null,
      status: row?.status ?? null,
      statusLabel: row ? TARGET_STATUS_LABELS[row.status][lang] : null,
    };
  });
  const note = periodNote(lang, year, input.framework, input.unitCount);
  return {
    heading: tv(lang, 'cards.heading', { area: input.areaName, year }),
    label: tv(lang, 'cards.label', { area: input.areaName, year }),
    note,
    cards,
    illustrative:
      (input.summary?.illustrative ?? report.illustrative) ? tv(lang, 'cards.illustrative') : null,
  };
}

/**
 * The line that says the 2021–2025 targets do not judge this year (before the period, or the new criteria
 * set after it); null within the period. Cheap: the map key shows it before the cards are computed.
 */
export function periodNote(
  lang: Lang,
  year: number,
  framework: Pick<Framework, 'decision' | 'criteria_total' | 'indicator_total'> | undefined,
  unitCount: number,
): string | null {
  const { yearNote } = clampYear(year);
  if (yearNote === 'before_period') return tv(lang, 'cards.beforePeriod', { year });
  if (yearNote === 'after_period')
    return tv(lang, 'cards.afterPeriod', {
      decision: framework?.decision ?? '',
      criteria: framework?.criteria_total ?? '—',
      indicators: framework?.indicator_total ?? '—',
      units: unitCount,
    });
  return null;
}
