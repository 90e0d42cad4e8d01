import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { niceStep, scaleFor } from './chart-scale';

describe('niceStep', () => {
  it('rounds to 1, 2, 2.5, 5 × 10ⁿ', () => {
    expect(niceStep(0.9)).toBe(1);
    expect(niceStep(1.7)).toBe(2);
    expect(niceStep(2.2)).toBe(2.5);
    expect(niceStep(3.3)).toBe(5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(0.033)).toBeCloseTo(0.05, 12);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe('scaleFor', () => {
  it('covers the values and the target with round ticks', () => {
    const s = scaleFor([33, 37.2, 41.5, 45.7, 52.1, 58.5, 57.5]);
    expect(s).toEqual({ min: 30, max: 60, ticks: [30, 40, 50, 60] });
  });

  it('does not go below 0 for counts, nor above 100 for shares', () => {
    expect(scaleFor([55, 46, 19, 0]).min).toBe(0);
    const pct = scaleFor([92, 99.5, 100], { percent: true });
    expect(pct.max).toBe(100);
  });

  it('spreads a flat series around its value', () => {
    const s = scaleFor([0, 0, 0]);
    expect(s.min).toBe(0);
    expect(s.max).toBeGreaterThan(0);
    const flat = scaleFor([4.78, 4.78]);
    expect(flat.min).toBeLessThan(4.78);
    expect(flat.max).toBeGreaterThan(4.78);
  });

  it('ignores non-finite values and works without any', () => {
    expect(scaleFor([Number.NaN, 10, Infinity, 20])).toMatchObject({ min: 10, max: 20 });
    expect(scaleFor([]).ticks.length).toBeGreaterThan(1);
  });

  it('always contains every finite value, with ascending ticks from min to max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (values) => {
          const s = scaleFor(values);
          for (const v of values) expect(v >= s.min - 1e-6 && v <= s.max + 1e-6).toBe(true);
          expect(s.ticks[0]).toBeCloseTo(s.min, 6);
          expect(s.ticks.at(-1)).toBeCloseTo(s.max, 6);
          for (let i = 1; i < s.ticks.length; i++) expect(s.ticks[i]!).toBeGreaterThan(s.ticks[i - 1]!);
          expect(s.ticks.length).toBeLessThanOrEqual(12);
        },
      ),
    );
  });
});
