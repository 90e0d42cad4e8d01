// The legend as the screen shows it: the mode's classes with their counts, counted from the same unit
// visuals that colour the map, so a legend count is always the number of units drawn in that colour.
import { legendFor, type ColourMode, type LegendEntry } from '../domain/legend';
import type { Criterion, Framework } from '../domain/types';
import { pick, type Lang } from '../i18n/define';
import { tv } from '../i18n/view';
import { showsBelowMarks, type UnitVisual } from './unit-visuals';

export interface LegendRow {
  id: string;
  label: string;
  note: string | null;
  colour: string;
  pattern: LegendEntry['pattern'];
  count: number;
}

export interface LegendView {
  title: string;
  rows: LegendRow[];
  /** The below-threshold marks, when the mode draws them and the framework has a threshold. */
  below: { label: string; count: number } | null;
  /** With a filter on, the counts are of the matching units only, and this says so. */
  filterNote: string | null;
}

export interface LegendInput {
  lang: Lang;
  year: number;
  mode: ColourMode;
  framework: Pick<Framework, 'criteria_total' | 'below_threshold'>;
  /** The criterion coloured in mode 'criterion'. */
  criterion: Criterion | null;
  visuals: ReadonlyMap<string, UnitVisual>;
}

export function legendView(input: LegendInput): LegendView {
  const { lang, mode, framework, visuals } = input;
  const counted = [...visuals.values()].filter((v) => !v.dim);
  const counts = new Map<string, number>();
  for (const v of counted) counts.set(v.id, (counts.get(v.id) ?? 0) + 1);
  const rows = legendFor(mode, framework).map((e): LegendRow => ({
    id: e.id,
    label: pick(lang, e, 'label'),
    note: e.note_vi && e.note_en ? pick(lang, e as Required<LegendEntry>, 'note') : null,
    colour: e.color,
    pattern: e.pattern,
    count: counts.get(e.id) ?? 0,
  }));
  const threshold = framework.below_threshold;
  const below =
    threshold !== null && showsBelowMarks(mode)
      ? { label: tv(lang, 'legend.below', { n: threshold }), count: counted.filter((v) => v.below).length }
      : null;
  const title =
    mode === 'criterion' && input.criterion
      ? tv(lang, 'legend.titleCriterion', {
          year: input.year,
          n: input.criterion.number,
          name: pick(lang, input.criterion, 'name'),
        })
      : tv(lang, 'legend.title', { year: input.year, mode: tv(lang, `mode.${mode}`) });
  const filterNote =
    counted.length < visuals.size
      ? tv(lang, 'legend.filtered', { shown: counted.length, total: visuals.size })
      : null;
  return { title, rows, below, filterNote };
}
