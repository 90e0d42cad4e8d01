import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateReferenceSql } from '../../supabase/generate-reference';
import { generateSeedSql } from '../../supabase/generate-seed';
import { REFERENCE_MIGRATION, SEED_FILE } from '../../supabase/tools/paths';
import { ANON, asRole, useClients } from './helpers';

const db = useClients();
const q = async <T = Record<string, unknown>>(sql: string, params?: unknown[]) =>
  (await db.admin.query(sql, params)).rows as T[];

describe('generated SQL', () => {
  it('seed.sql equals a fresh `npm run seed`', async () => {
    expect(await readFile(SEED_FILE, 'utf8')).toBe(generateSeedSql());
  });

  it('the reference-data migration equals a fresh generation from data/reference', async () => {
    expect(await readFile(REFERENCE_MIGRATION, 'utf8')).toBe(generateReferenceSql());
  });

  it('is the same on every run (no clock, no unseeded randomness)', () => {
    expect(generateSeedSql()).toBe(generateSeedSql());
  });
});

describe('sample data', () => {
  it('has exactly 39 of 94 xã at the NTM standard at the end of 2022, the count carrying its source (S31)', async () => {
    const [p] = await q(`select xa_ntm, xa_total, xa_ntm_pct from public.province_summary where year = 2022`);
    expect(p).toEqual({ xa_ntm: 39, xa_total: 94, xa_ntm_pct: 41.5 });
    const t1b =
      await q(`select value, source, source_url, source_date, illustrative from public.indicator_value
                         where target_id = 'T1b' and year = 2022 and district_code is null`);
    expect(t1b).toEqual([
      {
        value: 41.5,
        source: expect.stringContaining('[S31] VOV'),
        source_url:
          'https://vov.gov.vn/gian-nan-bai-toan-giu-chuan-nong-thon-moi-o-lai-chau-2992023-dtnew-498818',
        source_date: '2023-09-29',
        illustrative: false,
      },
    ]);
    // …while which xã they are stays illustrative.
    const [a] = await q(
      `select bool_and(illustrative) as all_illustrative from public.unit_year where year = 2022`,
    );
    expect(a).toEqual({ all_illustrative: true });
  });

  it('has both xã of TP Lai Châu at 19/19 by end 2019 and the city completing NTM in 2019 (S43)', async () => {
    const rows = await q(`select code, name, criteria_count, tier, illustrative, left(source, 5) as source
                          from public.unit_year where year = 2019 and district_code = '105' and kind = 'xa' order by code`);
    expect(rows).toEqual([
      {
        code: '03403',
        name: 'Xã Nậm Loỏng',
        criteria_count: 19,
        tier: 'dat_chuan',
        illustrative: false,
        source: '[S43]',
      },
      {
        code: '03409',
        name: 'Xã San Thàng',
        criteria_count: 19,
        tier: 'dat_chuan',
        illustrative: false,
        source: '[S43]',
      },
    ]);
    const city = await q(`select year, ntm, illustrative, left(source, 5) as source from public.district_year
                          where district_code = '105' and year between 2018 and 2020 order by year`);
    expect(city).toEqual([
      { year: 2018, ntm: false, illustrative: true, source: null },
      { year: 2019, ntm: true, illustrative: false, source: '[S43]' },
      { year: 2020, ntm: true, illustrative: true, source: null },
    ]);
  });

  it('carries the real poverty rates with their sources', async () => {
    const rows =
      await q(`select year, value, left(source, 5) as source, illustrative from public.statistic_value
                          where series_id = 'poor_household_rate' and not illustrative order by year`);
    expect(rows).toEqual([
      { year: 2016, value: 36.9, source: '[S42]', illustrative: false },
      { year: 2020, value: 16.33, source: '[S46]', illustrative: false },
      { year: 2021, value: 27.9, source: '[S47]', illustrative: false },
      { year: 2024, value: 19.46, source: '[S48]', illustrative: false },
    ]);
  });

  it('grows plausibly from few xã in 2016 to about 54 in 2025, with a few advanced tiers late', async () => {
    const rows = await q<{ year: number; xa_ntm: number }>(
      `select year, xa_ntm from public.province_summary where year <= 2025 order by year`,
    );
    const counts = rows.map((r) => r.xa_ntm);
    expect(counts[0]).toBeLessThanOrEqual(12);
    expect(counts.at(-1)).toBeGreaterThanOrEqual(52);
    expect(counts.at(-1)).toBeLessThanOrEqual(57);
    // Monotone-ish: at most a small dip (the 2023 re-assessment).
    for (let i = 1; i < counts.length; i++) expect(counts[i]! - counts[i - 1]!).toBeGreaterThanOrEqual(-3);
    const tiers = await q(
      `select tier, min(year) as first from public.unit_year where tier in ('nang_cao', 'kieu_mau') group by 1 order by 1`,
    );
    expect(tiers).toEqual([
      { tier: 'kieu_mau', first: 2025 },
      { tier: 'nang_cao', first: 2022 },
    ]);
  });

  it('exercises every case the map shows, every year', async () => {
    const perYear = await q<{
      year: number;
      below: number;
      near: number;
      no_data: number;
      unassessed_criteria: number;
      civilised: number;
      not_civilised: number;
    }>(`
      select uy.year,
        count(*) filter (where kind = 'xa' and tier is not null and criteria_count < coalesce(f.below_threshold, 0))::int as below,
        count(*) filter (where kind = 'xa' and tier = 'chua_dat' and uy.criteria_total - criteria_count between 1 and 2)::int as near,
        count(*) filter (where tier is null and urban_status is null)::int as no_data,
        count(*) filter (where tier is not null
          and cardinality(criteria_met) + cardinality(criteria_missing) < uy.criteria_total)::int as unassessed_criteria,
        count(*) filter (where urban_status = 'dat_chuan')::int as civilised,
        count(*) filter (where urban_status = 'chua_dat')::int as not_civilised
      from public.unit_year uy join public.framework f on f.id = uy.framework
      group by uy.year order by uy.year`);
    expect(perYear).toHaveLength(11);
    for (const r of perYear) {
      if (r.year <= 2025) expect(r.below, `${r.year}: xã below 15`).toBeGreaterThan(0);
      expect(r.near, `${r.year}: xã one or two criteria short`).toBeGreaterThan(0);
      expect(r.civilised + r.not_civilised, `${r.year}: wards and towns`).toBeGreaterThan(0);
      expect(r.not_civilised, `${r.year}: wards not civilised`).toBeGreaterThan(0);
    }
    expect(perYear.filter((r) => r.no_data > 0).length, 'years with unassessed units').toBeGreaterThanOrEqual(
      4,
    );
    expect(perYear.filter((r) => r.unassessed_criteria > 0).map((r) => r.year)).toEqual([2016, 2021, 2026]);
    expect(perYear.filter((r) => r.civilised > 0)).toHaveLength(11);
  });

  it('has a province value for every target T1a–T8 in every year 2021–2025 (anon: all but the draft)', async () => {
    const seen = await asRole(
      db.api,
      ANON,
      async (qq) =>
        (
          await qq(`select t.id, y.year from public.target t cross join generate_series(2021, 2025) y(year)
                  where not exists (select from public.indicator_value v
                                    where v.target_id = t.id and v.year = y.year and v.district_code is null)
                  order by 1, 2`)
        ).rows,
    );
    expect(seen).toEqual([{ id: 'T4a', year: 2025 }]); // the unpublished draft
    const all =
      await q(`select count(*)::int as n from public.target t cross join generate_series(2021, 2025) y(year)
                         where not exists (select from public.indicator_value v
                                           where v.target_id = t.id and v.year = y.year and v.district_code is null)`);
    expect(all).toEqual([{ n: 0 }]);
    // T3a is also measured per district (4 points a year in poor districts).
    const [d] = await q(`select count(distinct district_code)::int as n from public.indicator_value
                         where target_id = 'T3a' and district_code is not null`);
    expect(d).toEqual({ n: 8 });
  });

  it('starts 2026 on the 38 merged units under the 10-criteria framework with no xã carrying the standard over', async () => {
    const [s] =
      await q(`select vintage, framework, xa_total, xa_ntm, xa_below_threshold, urban_total, districts_total
                         from public.province_summary where year = 2026`);
    expect(s).toEqual({
      vintage: '2025',
      framework: '2026-2030',
      xa_total: 36,
      xa_ntm: 0,
      xa_below_threshold: null,
      urban_total: 2,
      districts_total: null,
    });
    const [m] = await q(`select max(criteria_count)::int as max from public.unit_year where year = 2026`);
    expect(m?.max).toBeLessThan(10);
  });

  it('flags every figure without a source as illustrative (no unsourced real-looking row)', async () => {
    for (const table of [
      'unit_assessment',
      'district_status',
      'indicator_observation',
      'statistic_observation',
    ]) {
      const [r] = await q(
        `select count(*)::int as n from public.${table} where not illustrative and source is null`,
      );
      expect(r, table).toEqual({ n: 0 });
    }
    const fake = await q(`select count(*)::int as n from public.unit_assessment
                          where decision_no is not null and decision_no not like '%(minh họa)' `);
    expect(fake).toEqual([{ n: 0 }]);
    const [d] = await q(`select as_of, illustrative from public.dataset`);
    expect(d).toEqual({ as_of: '2026-06-30', illustrative: true });
  });

  it('keeps the district standard consistent: a district is NTM only when all its xã are', async () => {
    const bad = await asRole(
      db.api,
      ANON,
      async (qq) =>
        (
          await qq(`select d.year, d.district_code from public.district_year d
                  join public.district_summary s using (year, district_code)
                  where d.ntm and s.xa_ntm < s.xa_total`)
        ).rows,
    );
    expect(bad).toEqual([]);
    const t1c = await q(
      `select year, value from public.indicator_value where target_id = 'T1c' order by year`,
    );
    expect(t1c.at(-1)).toEqual({ year: 2025, value: 1 });
  });
});
