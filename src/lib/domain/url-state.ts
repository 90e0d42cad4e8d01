/**
 * The view state mirrored in the URL query string, so a view can be shared as a link.
 *
 * Parsing never throws and is forgiving field by field: a bad value falls back to its default while the
 * other fields are kept; unknown keys are ignored. Writing emits only the fields that differ from the
 * defaults, in a fixed key order, so equal states give equal URLs.
 */
import { FRAMEWORKS, frameworkSize } from './frameworks';
import { frameworkForYear, isSupportedYear, vintageForYear, vintageInfo } from './periods';
import type { FrameworkId, NtmTier, UnitKind } from './types';
import type { Lang } from './format';
import { COLOUR_MODES, type ColourMode } from './legend';

export type { Lang };
/** The map's colouring mode (one type, defined with the legends). */
export type ViewMode = ColourMode;
export type ViewTab = 'map' | 'table' | 'targets';

export interface ViewState {
  lang: Lang;
  /** Colouring mode of the map. */
  mode: ViewMode;
  year: number;
  /** Criterion number coloured in mode 'criterion' (within the year's framework). */
  criterion: number | null;
  /** Selected unit: 5-digit GSO code (of the year's vintage). */
  unit: string | null;
  /** District filter: 3-digit code; only for vintages with districts (not from 2026). */
  district: string | null;
  kind: UnitKind | null;
  tier: NtmTier | null;
  /** Only xã below the framework's warning threshold (frameworks.ts). */
  below: boolean;
  /** Only xã missing this criterion number. */
  missing: number | null;
  /** Only xã one or two criteria from the standard. */
  near: boolean;
  view: ViewTab;
}

/** Key order of the query string. */
export const VIEW_STATE_KEYS = [
  'lang',
  'view',
  'year',
  'mode',
  'criterion',
  'unit',
  'district',
  'kind',
  'tier',
  'below',
  'near',
  'missing',
] as const satisfies readonly (keyof ViewState)[];

const LANGS: readonly Lang[] = ['vi', 'en'];
const MODES: readonly ViewMode[] = COLOUR_MODES;
const TABS: readonly ViewTab[] = ['map', 'table', 'targets'];
const KINDS: readonly UnitKind[] = ['xa', 'phuong', 'thi_tran'];
const TIERS: readonly NtmTier[] = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'];

/** Criteria per framework, fixed by the decisions (the national data of frameworks.ts). */
export const CRITERIA_TOTAL: Record<FrameworkId, number> = Object.fromEntries(
  FRAMEWORKS.map((f) => [f.id, frameworkSize(f.id).criteria_total]),
) as Record<FrameworkId, number>;

/** Defaults: Vietnamese, status map of `year` (the latest year with data), no selection, no filter. */
export function defaultViewState(year: number): ViewState {
  return {
    lang: 'vi',
    mode: 'status',
    year,
    criterion: null,
    unit: null,
    district: null,
    kind: null,
    tier: null,
    below: false,
    missing: null,
    near: false,
    view: 'map',
  };
}

export interface ParseOptions {
  /** Criteria count of the framework in force in `year`; defaults to CRITERIA_TOTAL. */
  criteriaTotal?: (year: number) => number;
}

function pick<T extends string>(raw: string | null, allowed: readonly T[], fallback: T): T;
function pick<T extends string>(raw: string | null, allowed: readonly T[], fallback: T | null): T | null;
function pick<T extends string>(raw: string | null, allowed: readonly T[], fallback: T | null): T | null {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

function parseBool(raw: string | null, fallback: boolean): boolean {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return fallback;
}

function defaultCriteriaTotal(year: number): number {
  return isSupportedYear(year) ? CRITERIA_TOTAL[frameworkForYear(year)] : 0;
}

function hasDistricts(year: number): boolean {
  return isSupportedYear(year) && vintageInfo(vintageForYear(year)).has_districts;
}

/** A criterion number valid in `year`, else null. */
function criterionIn(raw: string | null, year: number, total: (y: number) => number): number | null {
  if (raw === null || !/^\d{1,2}$/.test(raw)) return null;
  const n = Number(raw);
  let max = 0;
  try {
    max = total(year);
  } catch {
    max = 0;
  }
  return n >= 1 && n <= max ? n : null;
}

/**
 * Read a ViewState from a query string ('?a=b&…' or 'a=b&…'). Never throws. `years` are the years
 * with data; a year not in the list falls back to defaults.year. A criterion (or missing-criterion
 * filter) outside the year's framework is dropped, and so is a district in a year without districts.
 * Defaults that are invalid themselves are returned as they are (the caller owns them).
 */
export function parseViewState(
  search: string,
  defaults: ViewState,
  years: readonly number[],
  opts: ParseOptions = {},
): ViewState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    params = new URLSearchParams();
  }
  const get = (k: string): string | null => {
    const v = params.get(k);
    return v === null ? null : v.trim();
  };
  const total = opts.criteriaTotal ?? defaultCriteriaTotal;

  const yearRaw = get('year');
  const yearNum = yearRaw !== null && /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
  const year = years.includes(yearNum) ? yearNum : defaults.year;

  /** Nullable field: absent → default, empty → null (explicitly cleared), invalid → default. */
  function nullable<T>(key: string, parse: (raw: string) => T | null, fallback: T | null): T | null {
    const raw = get(key);
    if (raw === null) return fallback;
    if (raw === '') return null;
    return parse(raw) ?? fallback;
  }
  const criterionOf = (raw: string): number | null => criterionIn(raw, year, total);
  // Defaults are re-checked against the parsed year: a default criterion may not exist in that year.
  const criterionDefault = (d: number | null): number | null => (d === null ? null : criterionOf(String(d)));
  const districts = hasDistricts(year);

  return {
    lang: pick(get('lang'), LANGS, defaults.lang),
    view: pick(get('view'), TABS, defaults.view),
    year,
    mode: pick(get('mode'), MODES, defaults.mode),
    criterion: nullable('criterion', criterionOf, criterionDefault(defaults.criterion)),
    unit: nullable('unit', (r) => (/^\d{5}$/.test(r) ? r : null), defaults.unit),
    district: districts
      ? nullable('district', (r) => (/^\d{3}$/.test(r) ? r : null), defaults.district)
      : null,
    kind: nullable('kind', (r) => pick(r, KINDS, null), defaults.kind),
    tier: nullable('tier', (r) => pick(r, TIERS, null), defaults.tier),
    below: parseBool(get('below'), defaults.below),
    near: parseBool(get('near'), defaults.near),
    missing: nullable('missing', criterionOf, criterionDefault(defaults.missing)),
  };
}

function encodeValue(v: ViewState[keyof ViewState]): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v === null ? '' : String(v);
}

/**
 * Query string of the fields that differ from `defaults`, with a leading '?', or '' when the state is
 * the default view. Keys in VIEW_STATE_KEYS order. A field reset to null when its default is not null
 * is written as an empty value ('unit='), which parses back to null.
 */
export function writeViewState(state: ViewState, defaults: ViewState): string {
  const params = new URLSearchParams();
  for (const key of VIEW_STATE_KEYS) {
    if (state[key] !== defaults[key]) params.set(key, encodeValue(state[key]));
  }
  const qs = params.toString();
  return qs === '' ? '' : `?${qs}`;
}

/** The fields whose values differ between two views, in VIEW_STATE_KEYS order. */
export function changedKeys(a: ViewState, b: ViewState): (keyof ViewState)[] {
  return VIEW_STATE_KEYS.filter((k) => a[k] !== b[k]);
}

/** The last history step: which fields it changed, and when (ms). */
export interface HistoryStep {
  keys: readonly (keyof ViewState)[];
  at: number;
}

/** Year steps closer together than this (a slider drag, play-back at 1.4 s a year) share one entry. */
export const HISTORY_SETTLE_MS = 1500;

/**
 * Whether a view change gets its own history entry (so Back returns to the view before it) or replaces
 * the current one. Only the year coalesces: dragging the slider or playing the years would otherwise
 * leave one entry per year, and Back would crawl through them.
 */
export function historyAction(
  changed: readonly (keyof ViewState)[],
  last: HistoryStep | null,
  now: number,
): 'push' | 'replace' | 'none' {
  if (changed.length === 0) return 'none';
  const yearAgain = changed.includes('year') && last !== null && last.keys.includes('year');
  return yearAgain && now - last.at < HISTORY_SETTLE_MS ? 'replace' : 'push';
}
