/**
 * Reads everything the app shows AS ANON, through the same views the Supabase source reads, so the
 * embedded snapshot holds exactly what an anonymous visitor may see (published rows only).
 * Every query has a total order (text compared in "C" collation), so the output is deterministic.
 */
import type pg from 'pg';
import type {
  AreaSummary,
  Criterion,
  CrosswalkRow,
  DistrictYear,
  Framework,
  IndicatorValue,
  Target,
  Unit,
  UnitYear,
} from '../../src/lib/domain/types';

export interface StatisticValue {
  series_id: string;
  name_vi: string;
  name_en: string;
  unit: string;
  year: number;
  district_code: string | null;
  value: number;
  note: string | null;
  source: string | null;
  source_url: string | null;
  source_date: string | null;
  illustrative: boolean;
}

export interface SnapshotMeta {
  as_of: string;
  source: 'snapshot';
  illustrative: boolean;
  note_vi: string;
  note_en: string;
  years: number[];
  frameworks: Framework[];
  criteria: Criterion[];
  units: Unit[];
  crosswalk: CrosswalkRow[];
  targets: Target[];
}

export interface SnapshotSummaries {
  province: AreaSummary[];
  district: AreaSummary[];
  districts: DistrictYear[];
  indicators: IndicatorValue[];
  /** Context series (the poor-household rate behind T3a). Additive: not part of the Summaries type. */
  statistics: StatisticValue[];
}

export interface SnapshotData {
  meta: SnapshotMeta;
  summaries: SnapshotSummaries;
  years: Map<number, UnitYear[]>;
}

/** Runs `fn` in a read-only transaction as the anon role, with an anonymous JWT, then rolls back. */
export async function asAnon<T>(client: pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query('begin read only');
  try {
    await client.query('set local role anon');
    await client.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
    return await fn();
  } finally {
    await client.query('rollback');
  }
}

/**
 * The snapshot of one province (its GSO code). The views carry a `province` column (issue 21); the
 * snapshot's files are one province's, so they filter on it and leave the column out.
 */
export async function readSnapshot(client: pg.Client, province: string): Promise<SnapshotData> {
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await client.query(sql, params)).rows as T[];
  const inProvince = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await rows<T & { province?: string }>(sql, [province, ...params])).map(
      ({ province: _, ...rest }) => rest as T,
    );
  return asAnon(client, async () => {
    const [dataset] = await rows<{ as_of: string; illustrative: boolean; note_vi: string; note_en: string }>(
      'select as_of, illustrative, note_vi, note_en from public.dataset where id = 1',
    );
    if (!dataset) {
      throw new Error(
        'Bảng dataset chưa có dòng nào (ngày số liệu, ghi chú): nạp supabase/seed.sql hoặc thêm một dòng. ' +
          '/ Table dataset is empty: load supabase/seed.sql or insert its row.',
      );
    }
    const years = (
      await rows<{ year: number }>(
        'select distinct year from public.unit_year where province = $1 order by year',
        [province],
      )
    ).map((r) => r.year);
    const meta: SnapshotMeta = {
      as_of: dataset.as_of,
      source: 'snapshot',
      illustrative: dataset.illustrative,
      note_vi: dataset.note_vi,
      note_en: dataset.note_en,
      years,
      frameworks: await rows<Framework>(
        `select id, decision, decision_date, name_vi, name_en, first_year, last_year, criteria_total,
           indicator_total, below_threshold
         from public.framework order by first_year`,
      ),
      criteria: await rows<Criterion>(
        `select framework, number, name_vi, name_en, group_code, group_vi, group_en
         from public.criterion order by framework collate "C", number`,
      ),
      units: await rows<Unit>(
        `select vintage, code, name, kind, district_code, district_name
         from public.unit where province = $1 order by vintage collate "C", code collate "C"`,
        [province],
      ),
      crosswalk: await rows<CrosswalkRow>(
        `select from_vintage, from_code, to_vintage, to_code from public.crosswalk where province = $1
         order by from_vintage collate "C", from_code collate "C", to_vintage collate "C"`,
        [province],
      ),
      targets: await rows<Target>(
        `select id, group_no, name_vi, name_en, unit, target_value, strict, direction, level
         from public.target where province = $1 order by group_no, id collate "C"`,
        [province],
      ),
    };
    const summaries: SnapshotSummaries = {
      province: await inProvince<AreaSummary>(
        'select * from public.province_summary where province = $1 order by year',
      ),
      district: await inProvince<AreaSummary>(
        'select * from public.district_summary where province = $1 order by year, district_code collate "C"',
      ),
      districts: await inProvince<DistrictYear>(
        'select * from public.district_year where province = $1 order by year, district_code collate "C"',
      ),
      indicators: await inProvince<IndicatorValue>(
        `select * from public.indicator_value where province = $1
         order by target_id collate "C", year, district_code collate "C" nulls first`,
      ),
      statistics: await inProvince<StatisticValue>(
        `select * from public.statistic_value where province = $1
         order by series_id collate "C", year, district_code collate "C" nulls first`,
      ),
    };
    const byYear = new Map<number, UnitYear[]>();
    for (const year of years) {
      byYear.set(
        year,
        await inProvince<UnitYear>(
          'select * from public.unit_year where province = $1 and year = $2 order by code collate "C"',
          [year],
        ),
      );
    }
    return { meta, summaries, years: byYear };
  });
}
