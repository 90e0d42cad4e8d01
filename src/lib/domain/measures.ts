/**
 * What a province's target can measure: a fixed set, so a targets document is data the app knows how to
 * compute, never code. Each measure names where its yearly value comes from (report/series.ts computes
 * them today for the one province served, keyed by target id; switching it to these measures is the next step
 * of "a province is configuration").
 */
export const MEASURES = [
  /** Share of xã at the NTM standard, in % (area summary xa_ntm_pct; judged on the count, xa_ntm of xa_total). */
  'share_communes_at_standard',
  /** Average criteria met per xã (area summary avg_criteria_xa). */
  'average_criteria',
  /** Number of assessed xã below a criteria threshold (area summary xa_below_threshold). */
  'communes_below_threshold',
  /** Share of phường and thị trấn at the civilised-urban standard, in % (urban_civilised_pct). */
  'share_wards_civilised',
  /** Districts at the NTM standard (districts_ntm), counted as the increase over the baseline year. */
  'districts_at_standard',
  /** A stored indicator series (indicator rows with the target's id), used as stored. */
  'indicator_series',
] as const;

export type Measure = (typeof MEASURES)[number];

/** The measures computed from the unit assessments (the others are stored figures). */
export function isComputedMeasure(measure: Measure): boolean {
  return measure !== 'indicator_series';
}
