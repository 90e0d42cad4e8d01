// The SQL summary views agree with the independent TypeScript computation (tests/unit/summary-oracle.ts)
// over the same unit_year rows, for every year, as anon (published data) and as the owner (drafts too).
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { summarise, summariseByDistrict } from '../unit/summary-oracle';
import type { AreaSummary, DistrictYear, Framework, UnitYear } from '../../src/lib/domain/types';
import { ANON, asRole, useClients, type Query } from './helpers';

const db = useClients();

/** Lai Châu's rows of a view, without the view's province column (the TypeScript types have none). */
async function laiChau<T>(q: Query, sql: string, params: unknown[] = []): Promise<T[]> {
  const rows = (await q<T & { province: string }>(sql, params)).rows;
  return rows.filter((r) => r.province === '12').map(({ province: _, ...rest }) => rest as T);
}

async function compareAll(q: Query) {
  const frameworks = (await q<Framework>(`select * from public.framework`)).rows;
  const years = (await q<{ year: number }>(`select distinct year from public.unit_year order by 1`)).rows.map(
    (r) => r.year,
  );
  const statuses = await laiChau<DistrictYear>(q, `select * from public.district_year`);
  for (const year of years) {
    const rows = await laiChau<UnitYear>(q, `select * from public.unit_year where year = $1 order by code`, [
      year,
    ]);
    const framework = frameworks.find((f) => f.id === rows[0]?.framework);
    if (!framework) throw new Error(`no framework for ${year}`);
    const province = await laiChau<AreaSummary>(q, `select * from public.province_summary where year = $1`, [
      year,
    ]);
    expect(province, `province ${year}`).toEqual([
      summarise(rows, framework, { districtStatuses: statuses }),
    ]);
    const districts = await laiChau<AreaSummary>(
      q,
      `select * from public.district_summary where year = $1 order by district_code`,
      [year],
    );
    expect(districts, `districts ${year}`).toEqual(summariseByDistrict(rows, framework));
  }
  return years;
}

describe('summary views', () => {
  it('agree with the TypeScript computation for every year, as anon', async () => {
    const years = await asRole(db.api, ANON, compareAll);
    expect(years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('agree with the TypeScript computation for every year, drafts included', async () => {
    const q: Query = (sql, params) => (db.admin as pg.Client).query(sql, params);
    const years = await compareAll(q);
    expect(years).toHaveLength(11);
  });

  it('agree after edits too (values the seed never produces: empty years, partial data)', async () => {
    await asRole(db.admin, { role: 'service_role' }, async (q) => {
      await q('reset role');
      // A year where only wards were assessed, and a year where a xã has criteria but nothing else.
      await q(`insert into public.unit_assessment (unit_code, year, urban_status, illustrative)
               values ('03388', 2028, 'dat_chuan', true)`);
      await q(`insert into public.unit_assessment (unit_code, year, tier, criteria_met, criteria_missing, illustrative)
               values ('03451', 2029, 'chua_dat', '{1,2,3}', '{4}', true), ('03463', 2029, 'chua_dat', '{}', '{}', true)`);
      await q(
        `delete from public.unit_assessment where year = 2016 and unit_code in (select code from public.admin_unit where vintage = '2016' and district_code = '107')`,
      );
      const years = await compareAll(q);
      expect(years).toContain(2028);
      const ward2028 = (
        await q(
          `select xa_assessed, xa_ntm_pct, avg_criteria_xa, urban_civilised_pct from public.province_summary where year = 2028`,
        )
      ).rows[0];
      expect(ward2028).toEqual({
        xa_assessed: 0,
        xa_ntm_pct: null,
        avg_criteria_xa: null,
        urban_civilised_pct: 50,
      });
      const mt2016 = (
        await q(
          `select xa_assessed, xa_ntm_pct from public.district_summary where year = 2016 and district_code = '107'`,
        )
      ).rows[0];
      expect(mt2016).toEqual({ xa_assessed: 0, xa_ntm_pct: null });
    });
  });

  it('round numerically: percentages to 1 decimal, the average to 2', async () => {
    const { rows } = await db.admin.query(
      `select xa_ntm_pct, avg_criteria_xa, urban_civilised_pct from public.province_summary`,
    );
    for (const r of rows) {
      for (const [k, digits] of [
        ['xa_ntm_pct', 1],
        ['avg_criteria_xa', 2],
        ['urban_civilised_pct', 1],
      ] as const) {
        const v = r[k] as number | null;
        if (v !== null) expect(Math.round(v * 10 ** digits) / 10 ** digits, k).toBe(v);
        if (v !== null) expect(typeof v).toBe('number');
      }
    }
  });
});
