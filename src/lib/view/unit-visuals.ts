// From the data of a year to the feature state of every unit on the map. Pure: no MapLibre here, so the
// mapping from data to colours is unit-tested, and the map only ever receives ready-made states.
import { classOf, legendFor, type ColourMode } from '../domain/legend';
import { isBelowThreshold } from '../domain/status';
import type { Framework, UnitKind, UnitYear } from '../domain/types';
import type { FeatureStates } from './state-diff';

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
  cls: string;
  colour: string;
  below: boolean;
  noData: boolean;
}

export function unitVisual(
  input: Omit<UnitStateInput, 'units' | 'visible'>,
  unit: { code: string; kind: UnitKind },
  palette: Record<string, string>,
): UnitVisual {
  const row = input.rows.get(unit.code);
  const id = classOf(input.mode, row, {
    framework: input.framework,
    criterion: input.criterion,
    kind: unit.kind,
  });
  const cls = classKey(input.mode, input.framework.criteria_total, id);
  return {
    cls,
    colour: palette[cls] ?? '#bdbdbd',
    below: isBelowThreshold(row, input.framework),
    noData: id === 'no_data',
  };
}

export function buildUnitStates(input: UnitStateInput, palette: Record<string, string>): FeatureStates {
  const states: FeatureStates = new Map();
  for (const unit of input.units) {
    const v = unitVisual(input, unit, palette);
    states.set(Number.parseInt(unit.code, 10), {
      cls: v.cls,
      below: v.below,
      nodata: v.noData,
      dim: input.visible !== null && !input.visible.has(unit.code),
    });
  }
  return states;
}
