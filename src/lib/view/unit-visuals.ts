// From the rows of a year to how every unit looks: its legend class, fill, "below the threshold" mark,
// "no data" hatch and dimming. Computed once per view; the MapLibre feature states, the static map, the
// legend counts, the list swatches and the first view all read these, so no two screens can disagree.
import { classOf, legendFor, NO_DATA_COLOR, type ColourMode } from '../domain/legend';
import { isBelowThreshold } from '../domain/status';
import type { Framework, UnitKind, UnitYear } from '../domain/types';
import type { FeatureStates } from '../map/state-diff';

/** Criteria totals of the frameworks (19 for 2016–2025, 10 from 2026): their bins differ. */
const CRITERIA_TOTALS = [19, 10] as const;

/** Feature-state class key: the mode (and, for criteria bins, the framework size) plus the legend id. */
export function classKey(mode: ColourMode, criteriaTotal: number, id: string): string {
  return mode === 'criteria' ? `criteria${criteriaTotal}:${id}` : `${mode}:${id}`;
}

/** Every class of every mode → colour. Static, so switching modes never edits the style. */
export function fullPalette(): Record<string, string> {
  const palette: Record<string, string> = {};
  for (const mode of ['status', 'criterion'] as const) {
    for (const e of legendFor(mode, { criteria_total: 19 })) palette[classKey(mode, 19, e.id)] = e.color;
  }
  for (const total of CRITERIA_TOTALS) {
    for (const e of legendFor('criteria', { criteria_total: total })) {
      palette[classKey('criteria', total, e.id)] = e.color;
    }
  }
  return palette;
}

/** The palette is static: built once for every caller. */
export const PALETTE: Readonly<Record<string, string>> = fullPalette();

/**
 * The hatching the SVG maps (the static map, the printed report's map) lay over a unit, in map units: a
 * tile of diagonal lines, dark over a unit below the threshold (with a red outline, as MapLibre draws it),
 * light over the grey of "no data" (so it never reads as a low value).
 */
export const HATCH = {
  size: 6,
  path: 'M0 6L6 0M-1.5 1.5L1.5 -1.5M4.5 7.5L7.5 4.5',
  below: { stroke: 'rgba(20,20,20,0.85)', width: 1.2, outline: '#b00020', outlineWidth: 1.2 },
  nodata: { stroke: 'rgba(255,255,255,0.9)', width: 1 },
} as const;

/**
 * The below-threshold marks (hatching, red outline) belong to the modes about the whole assessment. In the
 * one-criterion mode they would mix two questions on one map, so they are off there.
 */
export function showsBelowMarks(mode: ColourMode): boolean {
  return mode !== 'criterion';
}

export interface UnitStateInput {
  units: readonly { code: string; kind: UnitKind }[];
  rows: ReadonlyMap<string, UnitYear>;
  mode: ColourMode;
  framework: Pick<Framework, 'criteria_total' | 'below_threshold'>;
  criterion: number | null;
  /** Codes that pass the current filters; null = no filter. Others are dimmed. */
  visible: ReadonlySet<string> | null;
}

export interface UnitVisual {
  /** Legend class id of the mode (e.g. 'dat_chuan', '15-16', 'met', 'no_data'). */
  id: string;
  /** Feature-state class key (classKey). */
  cls: string;
  colour: string;
  below: boolean;
  noData: boolean;
  /** Outside the active filters: drawn faded, never as "no data". */
  dim: boolean;
}

export function unitVisual(
  input: Omit<UnitStateInput, 'units' | 'visible'>,
  unit: { code: string; kind: UnitKind },
  palette: Readonly<Record<string, string>> = PALETTE,
): Omit<UnitVisual, 'dim'> {
  const row = input.rows.get(unit.code);
  const id = classOf(input.mode, row, {
    framework: input.framework,
    criterion: input.criterion,
    kind: unit.kind,
  });
  const cls = classKey(input.mode, input.framework.criteria_total, id);
  return {
    id,
    cls,
    colour: palette[cls] ?? NO_DATA_COLOR,
    below: showsBelowMarks(input.mode) && isBelowThreshold(row, input.framework),
    noData: id === 'no_data',
  };
}

/** Every unit's look, keyed by code, in the order of `input.units`. */
export function unitVisuals(
  input: UnitStateInput,
  palette: Readonly<Record<string, string>> = PALETTE,
): Map<string, UnitVisual> {
  const out = new Map<string, UnitVisual>();
  for (const unit of input.units) {
    const dim = input.visible !== null && !input.visible.has(unit.code);
    out.set(unit.code, { ...unitVisual(input, unit, palette), dim });
  }
  return out;
}

/** The MapLibre feature states (integer ids) of the visuals. */
export function featureStatesOf(visuals: ReadonlyMap<string, UnitVisual>): FeatureStates {
  const states: FeatureStates = new Map();
  for (const [code, v] of visuals) {
    states.set(Number.parseInt(code, 10), { cls: v.cls, below: v.below, nodata: v.noData, dim: v.dim });
  }
  return states;
}

export function buildUnitStates(
  input: UnitStateInput,
  palette: Readonly<Record<string, string>> = PALETTE,
): FeatureStates {
  return featureStatesOf(unitVisuals(input, palette));
}
