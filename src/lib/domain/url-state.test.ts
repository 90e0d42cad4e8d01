import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CRITERIA_TOTAL,
  defaultViewState,
  parseViewState,
  VIEW_STATE_KEYS,
  writeViewState,
  type ViewState,
} from './url-state';
import { frameworkForYear, vintageForYear, vintageInfo } from './periods';

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const D = defaultViewState(2025);

describe('parseViewState', () => {
  it('returns the defaults for an empty query', () => {
    expect(parseViewState('', D, YEARS)).toEqual(D);
    expect(parseViewState('?', D, YEARS)).toEqual(D);
  });

  it('reads every field', () => {
    const s = parseViewState(
      '?lang=en&view=table&year=2022&mode=criterion&criterion=17&unit=03424&district=106&kind=xa&tier=chua_dat&below=1&near=true&missing=11',
      D,
      YEARS,
    );
    expect(s).toEqual({
      lang: 'en',
      view: 'table',
      year: 2022,
      mode: 'criterion',
      criterion: 17,
      unit: '03424',
      district: '106',
      kind: 'xa',
      tier: 'chua_dat',
      below: true,
      near: true,
      missing: 11,
    } satisfies ViewState);
  });

  it('falls back field by field on bad values and ignores unknown keys', () => {
    const s = parseViewState(
      'lang=fr&view=pie&year=1999&mode=heat&criterion=abc&unit=3424&district=10a&kind=city&tier=gold&below=maybe&near=2&missing=-1&utm_source=x&__proto__=1',
      { ...D, below: true },
      YEARS,
    );
    expect(s).toEqual({ ...D, below: true });
  });

  it('keeps good fields next to bad ones', () => {
    const s = parseViewState('lang=xx&year=2021&unit=03424', D, YEARS);
    expect(s).toEqual({ ...D, year: 2021, unit: '03424' });
  });

  it('drops a year not in the list of years with data', () => {
    expect(parseViewState('year=2030', D, YEARS).year).toBe(2025);
    expect(parseViewState('year=2024.0', D, YEARS).year).toBe(2025);
    expect(parseViewState('year=02024', D, YEARS).year).toBe(2025);
    expect(parseViewState('year=2016', D, YEARS).year).toBe(2016);
  });

  it("drops a criterion outside the year's framework", () => {
    // 2026–2030 has 10 criteria: 15 does not exist, 10 does.
    expect(parseViewState('year=2026&criterion=15&missing=12', D, YEARS)).toMatchObject({
      year: 2026,
      criterion: null,
      missing: null,
    });
    expect(parseViewState('year=2026&criterion=10', D, YEARS).criterion).toBe(10);
    expect(parseViewState('year=2022&criterion=19', D, YEARS).criterion).toBe(19);
    expect(parseViewState('year=2022&criterion=20', D, YEARS).criterion).toBeNull();
    expect(parseViewState('year=2022&criterion=0', D, YEARS).criterion).toBeNull();
  });

  it('uses a custom criteria count when given (frameworks read from the data)', () => {
    expect(parseViewState('criterion=12', D, YEARS, { criteriaTotal: () => 11 }).criterion).toBeNull();
    expect(parseViewState('criterion=11', D, YEARS, { criteriaTotal: () => 11 }).criterion).toBe(11);
    const throwing = () => {
      throw new Error('boom');
    };
    expect(parseViewState('criterion=3', D, YEARS, { criteriaTotal: throwing }).criterion).toBeNull();
  });

  it('drops a district in a year without districts (from 2026)', () => {
    expect(parseViewState('year=2026&district=106', D, YEARS).district).toBeNull();
    expect(parseViewState('year=2020&district=106', D, YEARS).district).toBe('106');
  });

  it('reads an empty value as an explicit clear', () => {
    const d = { ...D, unit: '03424', kind: 'xa' as const };
    expect(parseViewState('unit=&kind=', d, YEARS)).toMatchObject({ unit: null, kind: null });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        const s = parseViewState(q, D, YEARS);
        expect(YEARS).toContain(s.year);
      }),
    );
    for (const q of ['%E0%A4%A', '?year=%', '&&&==', 'criterion=1e1', 'year=\u0000']) {
      expect(parseViewState(q, D, YEARS).year).toBe(2025);
    }
  });
});

describe('writeViewState', () => {
  it('writes nothing for the default view', () => {
    expect(writeViewState(D, D)).toBe('');
  });

  it('writes only non-default keys, in a fixed order', () => {
    const s: ViewState = { ...D, near: true, lang: 'en', unit: '03424', year: 2022 };
    expect(writeViewState(s, D)).toBe('?lang=en&year=2022&unit=03424&near=1');
  });

  it('writes false and null explicitly when the default differs', () => {
    const d = { ...D, below: true, unit: '03424' };
    expect(writeViewState({ ...d, below: false, unit: null }, d)).toBe('?unit=&below=0');
    expect(parseViewState('?unit=&below=0', d, YEARS)).toMatchObject({ unit: null, below: false });
  });
});

/** Arbitrary valid states: criterion within the year's framework, district only where districts exist. */
const validState: fc.Arbitrary<ViewState> = fc.constantFrom(...YEARS).chain((year) => {
  const total = CRITERIA_TOTAL[frameworkForYear(year)];
  const crit = fc.option(fc.integer({ min: 1, max: total }), { nil: null });
  const districts = vintageInfo(vintageForYear(year)).has_districts;
  return fc.record({
    lang: fc.constantFrom('vi' as const, 'en' as const),
    view: fc.constantFrom('map' as const, 'table' as const, 'targets' as const),
    year: fc.constant(year),
    mode: fc.constantFrom('status' as const, 'criteria' as const, 'criterion' as const),
    criterion: crit,
    unit: fc.option(fc.stringMatching(/^\d{5}$/), { nil: null }),
    district: districts ? fc.option(fc.stringMatching(/^\d{3}$/), { nil: null }) : fc.constant(null),
    kind: fc.option(fc.constantFrom('xa' as const, 'phuong' as const, 'thi_tran' as const), { nil: null }),
    tier: fc.option(
      fc.constantFrom('chua_dat' as const, 'dat_chuan' as const, 'nang_cao' as const, 'kieu_mau' as const),
      {
        nil: null,
      },
    ),
    below: fc.boolean(),
    near: fc.boolean(),
    missing: crit,
  });
});

describe('round trip', () => {
  it('parse(write(s)) === s for every valid state and any valid defaults', () => {
    fc.assert(
      fc.property(validState, validState, (state, defaults) => {
        const qs = writeViewState(state, defaults);
        expect(parseViewState(qs, defaults, YEARS)).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('write is canonical: parsing any query and writing it again is a fixed point', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...VIEW_STATE_KEYS, 'x'),
          fc.oneof(fc.string(), fc.constantFrom('1', '2022', '03424', '106', 'xa')),
        ),
        (dict) => {
          const q = new URLSearchParams(dict).toString();
          const once = parseViewState(q, D, YEARS);
          const qs = writeViewState(once, D);
          expect(parseViewState(qs, D, YEARS)).toEqual(once);
          expect(writeViewState(parseViewState(qs, D, YEARS), D)).toBe(qs);
        },
      ),
    );
  });
});
