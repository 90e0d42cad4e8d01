import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundRatio, summarise, summariseByDistrict } from './summary-oracle';
import type { DistrictYear, Framework, NtmTier, UnitYear, UrbanStatus } from '../../src/lib/domain/types';

const F19: Framework = {
  id: '2021-2025',
  decision: '318/QĐ-TTg',
  decision_date: '2022-03-08',
  name_vi: 'Bộ tiêu chí 2021–2025',
  name_en: 'Criteria 2021–2025',
  first_year: 2021,
  last_year: 2025,
  criteria_total: 19,
  indicator_total: null,
  below_threshold: 15,
};
const F10: Framework = {
  ...F19,
  id: '2026-2030',
  decision: '51/2025/QĐ-TTg',
  first_year: 2026,
  last_year: 2030,
  criteria_total: 10,
  indicator_total: 47,
  below_threshold: null,
};

let seq = 0;
function xa(count: number | null, tier: NtmTier | null, extra: Partial<UnitYear> = {}): UnitYear {
  const met = count === null ? [] : Array.from({ length: count }, (_, i) => i + 1);
  return {
    year: 2023,
    vintage: '2020',
    framework: '2021-2025',
    code: String(3000 + seq++).padStart(5, '0'),
    name: 'Xã Thử',
    kind: 'xa',
    district_code: '106',
    district_name: 'Huyện Tam Đường',
    criteria_met: met,
    criteria_missing: [],
    criteria_count: met.length,
    criteria_total: 19,
    tier,
    urban_status: null,
    decision_no: null,
    decision_date: null,
    source: null,
    source_url: null,
    source_date: null,
    illustrative: false,
    ...extra,
  };
}
function ward(status: UrbanStatus | null, extra: Partial<UnitYear> = {}): UnitYear {
  return { ...xa(null, null), kind: 'phuong', name: 'Phường Thử', urban_status: status, ...extra };
}

describe('roundRatio', () => {
  it('rounds half away from zero like PostgreSQL numeric round()', () => {
    expect(roundRatio(1, 8, 2)).toBe(0.13); // 0.125
    expect(roundRatio(100, 8, 1)).toBe(12.5);
    expect(roundRatio(1000, 16, 1)).toBe(62.5);
    expect(roundRatio(3900, 94, 1)).toBe(41.5); // 39 of 94 xã
    expect(roundRatio(-1, 8, 2)).toBe(-0.13);
    expect(roundRatio(2, 3, 2)).toBe(0.67);
    expect(roundRatio(1, 3, 2)).toBe(0.33);
    expect(roundRatio(0, 5, 1)).toBe(0);
  });

  it('refuses non-integers and empty denominators', () => {
    expect(() => roundRatio(1, 0, 1)).toThrow(RangeError);
    expect(() => roundRatio(1.5, 2, 1)).toThrow(RangeError);
  });

  it('agrees with exact integer arithmetic for any ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 3 }),
        (n, d, digits) => {
          const scale = 10n ** BigInt(digits);
          // floor((2·n·scale + d) / (2·d)) = round half up of n·scale/d, for n ≥ 0
          const exact = (2n * BigInt(n) * scale + BigInt(d)) / (2n * BigInt(d));
          expect(roundRatio(n, d, digits)).toBe(Number(exact) / Number(scale));
        },
      ),
    );
  });
});

describe('summarise', () => {
  it('counts xã, NTM tiers, the average and those below the threshold over assessed xã only', () => {
    const rows = [
      xa(19, 'dat_chuan'),
      xa(19, 'nang_cao'),
      xa(19, 'kieu_mau'),
      xa(14, 'chua_dat'),
      xa(17, 'chua_dat'),
      xa(null, null),
    ];
    const s = summarise(rows, F19);
    expect(s).toMatchObject({
      year: 2023,
      vintage: '2020',
      framework: '2021-2025',
      district_code: null,
      xa_total: 6,
      xa_assessed: 5,
      xa_ntm: 3,
      xa_ntm_pct: 50, // 3 of all 6 xã, assessed or not
      avg_criteria_xa: 17.6, // (19·3 + 14 + 17) / 5
      xa_below_threshold: 1,
      urban_total: 0,
      urban_civilised: 0,
      urban_civilised_pct: null,
      districts_total: 1,
      districts_ntm: null,
      illustrative: false,
    });
  });

  it('gives null percentages and averages when nothing was assessed, not zero', () => {
    const s = summarise([xa(null, null), ward(null)], F19);
    expect(s.xa_assessed).toBe(0);
    expect(s.xa_ntm_pct).toBeNull();
    expect(s.avg_criteria_xa).toBeNull();
    expect(s.xa_below_threshold).toBe(0);
    expect(s.urban_civilised_pct).toBeNull();
  });

  it('judges wards and towns by the civilised-urban status only', () => {
    const s = summarise(
      [ward('dat_chuan'), ward('chua_dat'), ward(null), { ...ward('dat_chuan'), kind: 'thi_tran' }],
      F19,
    );
    expect(s.urban_total).toBe(4);
    expect(s.urban_civilised).toBe(2);
    expect(s.urban_civilised_pct).toBe(50);
    expect(s.xa_total).toBe(0);
  });

  it('has no below-threshold count for a framework without a threshold', () => {
    const rows = [
      xa(3, 'chua_dat', {
        year: 2026,
        vintage: '2025',
        framework: '2026-2030',
        district_code: null,
        district_name: null,
      }),
    ];
    const s = summarise(rows, F10);
    expect(s.xa_below_threshold).toBeNull();
    expect(s.districts_total).toBeNull(); // the 2025 vintage has no districts
    expect(s.districts_ntm).toBeNull();
  });

  it('counts districts at the standard from the statuses of the same year', () => {
    const rows = [
      xa(19, 'dat_chuan', { district_code: '105' }),
      xa(12, 'chua_dat', { district_code: '106' }),
    ];
    const status = (code: string, year: number, ntm: boolean, illustrative = false): DistrictYear => ({
      year,
      district_code: code,
      district_name: code,
      ntm,
      decision_no: null,
      decision_date: null,
      source: 'x',
      source_url: null,
      source_date: null,
      illustrative,
    });
    const s = summarise(rows, F19, {
      districtStatuses: [
        status('105', 2023, true),
        status('106', 2023, false),
        status('106', 2022, true, true),
      ],
    });
    expect(s.districts_total).toBe(2);
    expect(s.districts_ntm).toBe(1);
    expect(s.illustrative).toBe(false); // the illustrative status is of another year
    const t = summarise(rows, F19, { districtStatuses: [status('106', 2023, false, true)] });
    expect(t.illustrative).toBe(true);
  });

  it('labels a district summary and leaves the district counts to the province row', () => {
    const s = summarise([xa(19, 'dat_chuan')], F19, { district: { code: '106', name: 'Huyện Tam Đường' } });
    expect(s.district_code).toBe('106');
    expect(s.district_name).toBe('Huyện Tam Đường');
    expect(s.districts_total).toBeNull();
  });

  it('is illustrative when any row is', () => {
    expect(
      summarise([xa(19, 'dat_chuan'), xa(10, 'chua_dat', { illustrative: true })], F19).illustrative,
    ).toBe(true);
  });

  it('refuses mixed years, a wrong framework, and empty input without a year', () => {
    expect(() => summarise([xa(1, 'chua_dat'), xa(1, 'chua_dat', { year: 2024 })], F19)).toThrow(/mixed/);
    expect(() => summarise([xa(1, 'chua_dat')], F10)).toThrow(/framework/);
    expect(() => summarise([], F19)).toThrow(RangeError);
    expect(summarise([], F19, { year: 2023, vintage: '2020' })).toMatchObject({
      xa_total: 0,
      xa_ntm_pct: null,
    });
  });

  it('keeps its invariants for any rows', () => {
    const tier = fc.constantFrom<NtmTier | null>(null, 'chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau');
    const row = fc.record({
      count: fc.integer({ min: 0, max: 19 }),
      tier,
      ward: fc.boolean(),
      civ: fc.constantFrom<UrbanStatus | null>(null, 'chua_dat', 'dat_chuan'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (specs) => {
        const rows = specs.map((r) => (r.ward ? ward(r.civ) : xa(r.tier === null ? null : r.count, r.tier)));
        const s = summarise(rows, F19, { year: 2023, vintage: '2020' });
        expect(s.xa_ntm).toBeLessThanOrEqual(s.xa_assessed);
        expect(s.xa_assessed).toBeLessThanOrEqual(s.xa_total);
        expect(s.xa_total + s.urban_total).toBe(rows.length);
        if (s.xa_ntm_pct !== null) expect(s.xa_ntm_pct).toBeGreaterThanOrEqual(0);
        if (s.xa_ntm_pct !== null) expect(s.xa_ntm_pct).toBeLessThanOrEqual(100);
        if (s.avg_criteria_xa !== null) expect(s.avg_criteria_xa).toBeLessThanOrEqual(19);
        expect(s.xa_below_threshold ?? 0).toBeLessThanOrEqual(s.xa_assessed);
      }),
    );
  });
});

describe('summariseByDistrict', () => {
  it('groups by district, sorted by code, skipping units without a district', () => {
    const rows = [
      xa(19, 'dat_chuan', { district_code: '107', district_name: 'Huyện Mường Tè' }),
      xa(10, 'chua_dat', { district_code: '105', district_name: 'Thành phố Lai Châu' }),
      xa(12, 'chua_dat', { district_code: '107', district_name: 'Huyện Mường Tè' }),
      xa(5, 'chua_dat', { district_code: null, district_name: null }),
    ];
    const out = summariseByDistrict(rows, F19);
    expect(out.map((s) => [s.district_code, s.district_name, s.xa_total, s.xa_ntm])).toEqual([
      ['105', 'Thành phố Lai Châu', 1, 0],
      ['107', 'Huyện Mường Tè', 2, 1],
    ]);
  });
});
