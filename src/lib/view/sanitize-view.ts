/**
 * What of a view applies to its year. A shared or stale link may name a district that does not exist, a
 * unit of another boundary vintage, or a filter the year's criteria set has no use for ("below 15
 * criteria" in 2026): such values would shape the screen into an empty or misleading view ("999 · 2025",
 * every unit faded). They are dropped, and the caller says which in a one-line notice. Pure.
 */
import { frameworkForYear, isSupportedYear, vintageForYear, vintageInfo } from '../domain/periods';
import type { Framework, Unit } from '../domain/types';
import { VIEW_STATE_KEYS, type ViewState } from '../domain/url-state';

/** One value taken out of the view: its field and the value the link (or the previous view) had. */
export interface Dropped {
  field: keyof ViewState;
  value: string;
}

/** What the view's year allows: its vintage's units and districts, its framework's sizes. */
export interface ViewContext {
  unitCodes: ReadonlySet<string>;
  districtCodes: ReadonlySet<string>;
  hasDistricts: boolean;
  criteriaTotal: number;
  /** The framework's "below" threshold; null when it has none (2026–2030). */
  belowThreshold: number | null;
}

export function viewContext(
  meta: {
    units: readonly Unit[];
    frameworks: readonly Pick<Framework, 'id' | 'criteria_total' | 'below_threshold'>[];
  },
  year: number,
): ViewContext {
  if (!isSupportedYear(year)) {
    const none = new Set<string>();
    return {
      unitCodes: none,
      districtCodes: none,
      hasDistricts: false,
      criteriaTotal: 0,
      belowThreshold: null,
    };
  }
  const vintage = vintageForYear(year);
  const units = meta.units.filter((u) => u.vintage === vintage);
  const framework = meta.frameworks.find((f) => f.id === frameworkForYear(year));
  return {
    unitCodes: new Set(units.map((u) => u.code)),
    districtCodes: new Set(units.flatMap((u) => (u.district_code ? [u.district_code] : []))),
    hasDistricts: vintageInfo(vintage).has_districts,
    criteriaTotal: framework?.criteria_total ?? 0,
    belowThreshold: framework?.below_threshold ?? null,
  };
}

const inRange = (n: number | null, total: number): boolean => n === null || (n >= 1 && n <= total);

/** The view with what does not apply to its year removed, and the list of what was removed. */
export function sanitizeView(state: ViewState, ctx: ViewContext): { state: ViewState; dropped: Dropped[] } {
  const clean = { ...state };
  const dropped: Dropped[] = [];
  const drop = <K extends keyof ViewState>(field: K, empty: ViewState[K]): void => {
    dropped.push({ field, value: String(state[field]) });
    clean[field] = empty;
  };
  if (state.district !== null && !(ctx.hasDistricts && ctx.districtCodes.has(state.district)))
    drop('district', null);
  if (state.unit !== null && !ctx.unitCodes.has(state.unit)) drop('unit', null);
  if (!inRange(state.criterion, ctx.criteriaTotal)) drop('criterion', null);
  if (!inRange(state.missing, ctx.criteriaTotal)) drop('missing', null);
  if (state.below && ctx.belowThreshold === null) drop('below', false);
  return { state: clean, dropped };
}

/**
 * The values a query string asked for that the view does not honour: those the parser refused (a year
 * without data, a criterion out of range…) and those sanitizeView removed. Cleared values ('unit=') and
 * false flags ask for nothing and are never reported.
 */
export function droppedParams(search: string, view: ViewState): Dropped[] {
  const params = new URLSearchParams(search);
  const out: Dropped[] = [];
  for (const field of VIEW_STATE_KEYS) {
    const raw = params.get(field)?.trim() ?? '';
    if (raw === '') continue;
    const have = view[field];
    if (typeof have === 'boolean') {
      if ((raw === '1' || raw === 'true') && !have) out.push({ field, value: raw });
    } else if (typeof have === 'number' ? have !== Number(raw) : have !== raw)
      out.push({ field, value: raw });
  }
  return out;
}
