/**
 * The vertical scale of a target's trend chart: a domain that holds every value, the target and the
 * on-track path, with round tick values ("nice" steps of 1, 2, 2.5 or 5 × 10ⁿ). Pure arithmetic.
 */

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** A round step near `raw`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A scale covering `values` (non-finite ones ignored) with about `count` intervals. Shares in percent
 * stay within 0–100 (`percent`), counts and shares never go below 0 when every value is ≥ 0.
 */
export function scaleFor(values: readonly number[], opts: { count?: number; percent?: boolean } = {}): Scale {
  const finite = values.filter((v) => Number.isFinite(v));
  const count = Math.max(1, opts.count ?? 3);
  let lo = finite.length > 0 ? Math.min(...finite) : 0;
  let hi = finite.length > 0 ? Math.max(...finite) : 1;
  if (hi - lo < 1e-9) {
    const pad = Math.max(Math.abs(hi) * 0.1, 1);
    lo -= pad;
    hi += pad;
  }
  const nonNegative = finite.every((v) => v >= 0);
  const step = niceStep((hi - lo) / count);
  // Only absorb floating-point noise (1e-12 of a step), never a real value above or below a tick.
  let min = Math.floor(lo / step + 1e-12) * step;
  let max = Math.ceil(hi / step - 1e-12) * step;
  if (nonNegative && min < 0) min = 0;
  if (opts.percent && max > 100 && hi <= 100) max = 100;
  const ticks: number[] = [];
  for (let v = min; v <= max + step * 1e-6; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks.at(-1)! < max - step * 1e-6) ticks.push(max);
  return { min, max, ticks };
}
