import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCriteria, formatDate, formatNumber, formatPercent, MISSING } from './format';

describe('formatNumber', () => {
  it('uses a decimal comma in Vietnamese and a point in English', () => {
    expect(formatNumber(17.3, 'vi', 1)).toBe('17,3');
    expect(formatNumber(17.3, 'en', 1)).toBe('17.3');
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumber(94, 'vi')).toBe('94');
    expect(formatNumber(17.25, 'vi', 2)).toBe('17,25');
    expect(formatNumber(17, 'en', 2)).toBe('17.00');
  });

  it('prints missing values as a dash', () => {
    for (const x of [null, undefined, Number.NaN, Infinity, -Infinity]) {
      expect(formatNumber(x, 'vi', 1)).toBe(MISSING);
      expect(formatPercent(x, 'en')).toBe(MISSING);
    }
  });

  it('never prints a negative zero and tolerates odd digit counts', () => {
    expect(formatNumber(-0.04, 'vi', 1)).toBe('0,0');
    expect(formatNumber(-0, 'en')).toBe('0');
    expect(formatNumber(-1.5, 'en', 1)).toBe('-1.5');
    expect(formatNumber(2.5, 'en', -1)).toMatch(/^[23]$/);
    expect(formatNumber(2.5, 'en', 1.5)).toMatch(/^[23]$/);
  });

  it('round-trips through the Vietnamese format', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), (n) => {
        const x = n / 10;
        const s = formatNumber(x, 'vi', 1);
        expect(Number(s.replace(/\./g, '').replace(',', '.'))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('formatNumber equals Intl.NumberFormat', () => {
  const intl = (x: number, lang: 'vi' | 'en', d: number) => {
    const s = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      minimumFractionDigits: d,
      maximumFractionDigits: d,
    }).format(x);
    return /^-0([.,]0*)?$/.test(s) ? s.slice(1) : s;
  };

  it('on halves, ties and carries', () => {
    for (const x of [
      1.005, 0.5, 1.5, 2.5, -2.5, 0.05, 0.95, 9.95, 99.95, 999.5, 999_999.95, 1e-6, 123_456_789.125,
    ])
      for (const d of [0, 1, 2])
        for (const lang of ['vi', 'en'] as const)
          expect(formatNumber(x, lang, d), `${x} ${d}`).toBe(intl(x, lang, d));
  });

  it('on random doubles, both languages, 0–3 decimals', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('vi' as const, 'en' as const),
        (x, d, lang) => {
          expect(formatNumber(x, lang, d)).toBe(intl(x, lang, d));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on percentages with one decimal (what the cards show)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 200 }), (a, b) => {
        const x = (a / b) * 100;
        expect(formatNumber(x, 'vi', 1)).toBe(intl(x, 'vi', 1));
      }),
    );
  });
});

describe('formatPercent', () => {
  it('appends a percent sign to a value already in percent', () => {
    expect(formatPercent(41.5, 'vi')).toBe('41,5%');
    expect(formatPercent(41.5, 'en')).toBe('41.5%');
    expect(formatPercent(57.446808, 'vi', 1)).toBe('57,4%');
    expect(formatPercent(100, 'vi', 0)).toBe('100%');
  });
});

describe('formatDate', () => {
  it('prints dd/mm/yyyy in Vietnamese and d Mon yyyy in English', () => {
    expect(formatDate('2022-03-08', 'vi')).toBe('08/03/2022');
    expect(formatDate('2022-03-08', 'en')).toBe('8 Mar 2022');
    expect(formatDate('2023-09-29T10:00:00Z', 'vi')).toBe('29/09/2023');
  });

  it('validates the calendar', () => {
    expect(formatDate('2024-02-29', 'vi')).toBe('29/02/2024');
    expect(formatDate('2023-02-29', 'vi')).toBe('2023-02-29');
    expect(formatDate('2023-13-01', 'en')).toBe('2023-13-01');
  });

  it('prints a dash for nothing and leaves other text as it is', () => {
    expect(formatDate(null, 'vi')).toBe(MISSING);
    expect(formatDate(undefined, 'en')).toBe(MISSING);
    expect(formatDate('  ', 'en')).toBe(MISSING);
    expect(formatDate('quý 3/2023', 'vi')).toBe('quý 3/2023');
  });
});

describe('formatCriteria', () => {
  it('prints count/total or a dash', () => {
    expect(formatCriteria(17, 19)).toBe('17/19');
    expect(formatCriteria(null, 19)).toBe(MISSING);
    expect(formatCriteria(Number.NaN, 19)).toBe(MISSING);
  });
});
