/**
 * The view model: from the loaded data and the view state, everything the screen shows, computed once.
 * The map (MapLibre feature states and the static map), the legend, the cards, the list, the planners'
 * table, the unit panel and the leaders' report all read this object; components only render it. Pure:
 * no Svelte, no MapLibre, no DOM, so every figure on screen is unit-tested here.
 */
import type { Meta, Summaries } from '../data/source';
import type { ColourMode } from '../domain/legend';
import { sortByOrder } from '../domain/order';
import { formerNames, type FormerName } from '../domain/search';
import { frameworkForYear, vintageForYear } from '../domain/periods';
import type { Criterion, Framework, UnitYear, VintageId } from '../domain/types';
import type { ViewState } from '../domain/url-state';
import { pick, type Lang } from '../i18n/define';
import { t } from '../i18n/messages';
import { tv } from '../i18n/view';
import { buildTargetsReport, type TargetsReport } from '../report/targets-report';
import { cardsView, periodNote, type CardsView } from './cards';
import { creditsView, type Attribution, type CreditsView } from './credits';
import { visibleCodes, type UnitFilters } from './filters';
import { legendView, type LegendView } from './legend-view';
import { yearLoadView, type LoadState, type YearLoadView } from './shown-year';
import { unitDetail, type UnitDetail } from './unit-detail';
import { unitRows, type ScreenUnit, type UnitRow } from './unit-rows';
import { statusText } from './status-text';
import { featureStatesOf, PALETTE, unitVisuals, type UnitVisual } from './unit-visuals';
import type { FeatureStates } from '../map/state-diff';

/** The parts of a vintage's tile index the screen needs (names as drawn, alphabetical order, boxes). */
export interface UnitIndex {
  bounds: [number, number, number, number];
  units: readonly { code: string; name: string; full_name: string; bbox: [number, number, number, number] }[];
  order?: readonly string[];
}

export interface ScreenInput {
  lang: Lang;
  /** The view the user asked for (its year may still be loading). */
  state: ViewState;
  /** The year on screen (view/shown-year.ts): the requested one once loaded, else the previous one. */
  year: number;
  meta: Meta;
  summaries: Summaries | null;
  rowsByYear: ReadonlyMap<number, readonly UnitYear[]>;
  /** The tile index of the shown year's vintage, when loaded. */
  index: UnitIndex | undefined;
  attribution: Readonly<Record<string, Attribution>>;
  /** Load state of the requested year. */
  yearLoad: LoadState | undefined;
}

export interface Screen {
  lang: Lang;
  year: number;
  requestedYear: number;
  vintage: VintageId;
  framework: Framework | undefined;
  /** The framework's sizes, with the 19-criteria defaults when the framework is unknown. */
  bins: Pick<Framework, 'criteria_total' | 'below_threshold'>;
  criteria: Criterion[];
  mode: ColourMode;
  criterion: Criterion | null;
  load: YearLoadView;
  units: ScreenUnit[];
  districts: { code: string; name: string }[];
  filters: UnitFilters;
  areaName: string;
  /** The vintage's bounds from its tile index; null while it is missing (the map keeps the last ones). */
  bounds: [number, number, number, number] | null;
  /** Feature-state class → colour, for the MapLibre style (static: recolouring never edits the style). */
  palette: Readonly<Record<string, string>>;
  visuals: Map<string, UnitVisual>;
  featureStates: FeatureStates;
  legend: LegendView;
  report: TargetsReport | null;
  cards: CardsView | null;
  /** The year is outside the 2021–2025 period (the cards' note, also on the map key). */
  periodNote: string | null;
  /** The list's and the table's rows: the units that pass the filters. */
  rows: UnitRow[];
  selected: UnitDetail | null;
  credits: CreditsView;
  /** What the map shows, in words (screen readers, the printed report). */
  mapSummary: string;
  /** Unit code → full name, for the static map's labels. */
  names: Record<string, string>;
  /**
   * Unit code → the map's tooltip ("Xã Bản Bo · Đạt chuẩn NTM · 19/19") for every unit of the vintage,
   * those faded by the filters too (the list's rows hold only the units that pass them).
   */
  tooltips: Record<string, string>;
}

const DEFAULT_BINS = { criteria_total: 19, below_threshold: 15 } as const;

export function screenUnits(meta: Meta, vintage: VintageId, index: UnitIndex | undefined): ScreenUnit[] {
  const fromIndex = new Map((index?.units ?? []).map((u) => [u.code, u]));
  const units = meta.units
    .filter((u) => u.vintage === vintage)
    .map((u): ScreenUnit & { name: string } => {
      const drawn = fromIndex.get(u.code);
      return {
        code: u.code,
        name: u.name,
        short: drawn?.name ?? u.name,
        full_name: drawn?.full_name ?? u.name,
        kind: u.kind,
        district_code: u.district_code,
        district_name: u.district_name,
      };
    });
  // Alphabetical order comes with the tile index (sorted at build time: no ICU collation at start-up).
  return sortByOrder(units, index?.order);
}

export function districtsOf(units: readonly ScreenUnit[]): { code: string; name: string }[] {
  const byCode = new Map<string, string>();
  for (const u of units) if (u.district_code) byCode.set(u.district_code, u.district_name ?? u.district_code);
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

export function buildScreen(input: ScreenInput): Screen {
  const { lang, state, year, meta } = input;
  const vintage = vintageForYear(year);
  const frameworkId = frameworkForYear(year);
  const framework = meta.frameworks.find((f) => f.id === frameworkId);
  const bins = framework ?? DEFAULT_BINS;
  const criteria = meta.criteria.filter((c) => c.framework === frameworkId);
  const criterion =
    state.mode === 'criterion'
      ? (criteria.find((c) => c.number === state.criterion) ?? criteria[0] ?? null)
      : null;
  const units = screenUnits(meta, vintage, input.index);
  const districts = districtsOf(units);
  const rows = new Map((input.rowsByYear.get(year) ?? []).map((r) => [r.code, r]));
  const filters: UnitFilters = {
    district: state.district,
    kind: state.kind,
    tier: state.tier,
    below: state.below,
    missing: state.missing,
    near: state.near,
  };
  const visible = visibleCodes(units, rows, filters, bins);
  const visuals = unitVisuals({
    units,
    rows,
    mode: state.mode,
    framework: bins,
    criterion: criterion?.number ?? null,
    visible,
  });
  const legend = legendView({ lang, year, mode: state.mode, framework: bins, criterion, visuals });
  const areaName = state.district
    ? (districts.find((d) => d.code === state.district)?.name ?? state.district)
    : tv(lang, 'area.province');
  const summaries = input.summaries;
  // What the lazy parts read of the view state is read here, now: a caller that builds the screen inside
  // a reactive computation (AppView's $derived) must see every field it depends on while it runs, or a
  // change of that field would not build a new screen.
  const { unit, district } = state;
  // The parts below are computed when first read (the page renders in stages: the cards, the list and
  // the unit panel come in later tasks than the map), then kept for the life of this screen.
  const report = once(() => (summaries ? targetsReportOf(meta.targets, summaries, year, district) : null));
  const cards = once(() => {
    const r = report();
    if (!r) return null;
    const summary = district
      ? summaries?.district.find((d) => d.year === year && d.district_code === district)
      : summaries?.province.find((p) => p.year === year);
    return cardsView({ lang, year, areaName, summary, framework, report: r, unitCount: units.length });
  });
  const selected = once(() => {
    const selectedUnit = unit ? units.find((u) => u.code === unit) : undefined;
    return selectedUnit
      ? unitDetail({
          lang,
          year,
          vintage,
          unit: selectedUnit,
          row: rows.get(selectedUnit.code),
          framework,
          criteria,
          rowsByYear: input.rowsByYear,
          years: meta.years,
          crosswalk: meta.crosswalk,
          units: meta.units,
        })
      : null;
  });
  const listRows = once(() =>
    unitRows({
      lang,
      units,
      rows,
      visuals,
      criteria,
      framework: bins,
      former: formerNamesOf(meta, vintage),
    }),
  );
  const credits = once(() => creditsView(input.attribution, vintage, lang));
  const tooltips = once(() =>
    Object.fromEntries(
      units.map((u) => [
        u.code,
        tv(lang, 'map.tooltip', { name: u.full_name, status: statusText(rows.get(u.code), lang) }),
      ]),
    ),
  );
  const featureStates = once(() => featureStatesOf(visuals));
  const summaryText = legend.rows
    .filter((r) => r.count > 0)
    .map((r) => `${r.label}: ${r.count}`)
    .join('; ');
  return {
    lang,
    year,
    requestedYear: state.year,
    vintage,
    framework,
    bins,
    criteria,
    mode: state.mode,
    criterion,
    load: yearLoadView(state.year, year, input.yearLoad, lang),
    units,
    districts,
    filters,
    areaName,
    bounds: input.index?.bounds ?? null,
    palette: PALETTE,
    visuals,
    get featureStates() {
      return featureStates();
    },
    legend,
    get report() {
      return report();
    },
    get cards() {
      return cards();
    },
    periodNote: periodNote(lang, year, framework, units.length),
    get rows() {
      return listRows();
    },
    get selected() {
      return selected();
    },
    get credits() {
      return credits();
    },
    mapSummary: t(lang, 'map.summary', { year, units: units.length, summary: summaryText }),
    names: Object.fromEntries(units.map((u) => [u.code, u.full_name])),
    get tooltips() {
      return tooltips();
    },
  };
}

/** `compute` run on the first call only. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

// The data is never mutated (a new load replaces it whole), so what depends on it alone is kept per
// object: a year or language change does not recount the report or the former names.
const reports = new WeakMap<Summaries, Map<string, { targets: Meta['targets']; report: TargetsReport }>>();
function targetsReportOf(
  targets: Meta['targets'],
  summaries: Summaries,
  year: number,
  district: string | null,
): TargetsReport {
  const byKey = reports.get(summaries) ?? new Map();
  reports.set(summaries, byKey);
  const key = `${year}|${district ?? ''}`;
  const kept = byKey.get(key);
  if (kept && kept.targets === targets) return kept.report;
  const report = buildTargetsReport(targets, summaries, { year, district });
  byKey.set(key, { targets, report });
  return report;
}

const formerByMeta = new WeakMap<Meta, Map<VintageId, Map<string, FormerName[]>>>();
function formerNamesOf(meta: Meta, vintage: VintageId): Map<string, FormerName[]> {
  const byVintage = formerByMeta.get(meta) ?? new Map<VintageId, Map<string, FormerName[]>>();
  formerByMeta.set(meta, byVintage);
  let names = byVintage.get(vintage);
  if (!names) {
    names = formerNames(meta.units, meta.crosswalk, vintage);
    byVintage.set(vintage, names);
  }
  return names;
}

/** The criterion options of the mode picker ("5. Trường học"). */
export function criterionOptions(lang: Lang, criteria: readonly Criterion[]) {
  return criteria.map((c) => ({ value: String(c.number), label: `${c.number}. ${pick(lang, c, 'name')}` }));
}
