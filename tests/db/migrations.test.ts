import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createProjectDatabase, migrationFiles, withClient } from '../../supabase/tools/embedded-db';
import { useClients } from './helpers';

const db = useClients();

/** Every object a migration creates in the app's schemas, as comparable text. */
const CATALOG = `
  select n.nspname || '.' || c.relname || ':' || c.relkind::text as object
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('public', 'private')
  union all
  select n.nspname || '.' || p.proname || '()' from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ('public', 'private')
  union all
  select 'policy ' || tablename || ': ' || policyname from pg_policies where schemaname = 'public'
  order by 1`;

describe('migrations', () => {
  it('are named by timestamp, unique and in order', async () => {
    const names = (await migrationFiles()).map((f) => basename(f));
    expect(names.length).toBeGreaterThanOrEqual(4);
    const stamps = names.map((n) => n.slice(0, 14));
    expect(new Set(stamps).size).toBe(stamps.length);
    expect([...names].sort()).toEqual(names);
  });

  it('never create or alter the roles Supabase provides', async () => {
    for (const file of await migrationFiles()) {
      const sql = (await readFile(file, 'utf8')).replace(/--.*$/gm, '');
      expect(sql, basename(file)).not.toMatch(/\b(create|alter|drop)\s+role\b/i);
      expect(sql, basename(file)).not.toMatch(/\bcreate\s+schema\s+(if\s+not\s+exists\s+)?auth\b/i);
    }
  });

  it('apply in order to an empty Supabase-like database, twice from scratch, to the same schema', async () => {
    const admin = inject('pgAdmin');
    const catalogs: string[][] = [];
    for (const name of ['scratch_a', 'scratch_b']) {
      const settings = await createProjectDatabase(admin, name, { seed: false });
      catalogs.push(
        await withClient(settings, async (c) => (await c.query(CATALOG)).rows.map((r) => r.object)),
      );
      await withClient(admin, (c) => c.query(`drop database ${name}`));
    }
    const [a, b] = catalogs;
    expect(a).toEqual(b);
    for (const expected of [
      'public.unit_assessment:r',
      'public.audit_log:r',
      'public.unit_year:v',
      'public.province_summary:v',
      'public.district_summary:v',
      'public.indicator_value:v',
      'private.audit_change()',
    ]) {
      expect(a).toContain(expected);
    }
    // The seeded test database has the same schema as a fresh one.
    const seeded = (await db.admin.query(CATALOG)).rows.map((r) => r.object);
    expect(seeded).toEqual(a);
  });

  it('enable row level security on every table in the exposed schema', async () => {
    const { rows } = await db.admin.query(`
      select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`);
    expect(rows.length).toBeGreaterThanOrEqual(14);
    expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
  });

  it('make every view security_invoker, so RLS applies to the caller', async () => {
    const { rows } = await db.admin.query(`
      select n.nspname || '.' || c.relname as name, coalesce(c.reloptions, '{}') as options
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'private') and c.relkind = 'v' order by 1`);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const r of rows) expect(r.options, r.name).toContain('security_invoker=true');
  });

  it('load the reference data: vintages, frameworks, criteria, units, crosswalk, targets', async () => {
    const q = async (sql: string) => (await db.admin.query(sql)).rows;
    expect(
      await q(`select province, vintage, count(*)::int as n from public.unit group by 1, 2 order by 1, 2`),
    ).toEqual([
      { province: '11', vintage: '2025', n: 45 },
      { province: '12', vintage: '2016', n: 108 },
      { province: '12', vintage: '2020', n: 106 },
      { province: '12', vintage: '2025', n: 38 },
    ]);
    expect(
      await q(
        `select vintage, kind, count(*)::int as n from public.unit where province = '12' group by 1, 2 order by 1, 2`,
      ),
    ).toEqual([
      { vintage: '2016', kind: 'phuong', n: 5 },
      { vintage: '2016', kind: 'thi_tran', n: 7 },
      { vintage: '2016', kind: 'xa', n: 96 },
      { vintage: '2020', kind: 'phuong', n: 5 },
      { vintage: '2020', kind: 'thi_tran', n: 7 },
      { vintage: '2020', kind: 'xa', n: 94 },
      { vintage: '2025', kind: 'phuong', n: 2 },
      { vintage: '2025', kind: 'xa', n: 36 },
    ]);
    expect(
      await q(`select id, criteria_total, indicator_total, below_threshold,
                 (select count(*)::int from public.criterion c where c.framework = f.id) as n
               from public.framework f order by id`),
    ).toEqual([
      { id: '2016-2020', criteria_total: 19, indicator_total: null, below_threshold: 15, n: 19 },
      { id: '2021-2025', criteria_total: 19, indicator_total: null, below_threshold: 15, n: 19 },
      { id: '2026-2030', criteria_total: 10, indicator_total: 47, below_threshold: null, n: 10 },
    ]);
    // 2016→2020: the 2020 merges, every other unit to itself; 2020→2025: all 106 units.
    const moved = await q(`select from_code, to_code from public.crosswalk
                           where from_vintage = '2016' and from_code <> to_code order by 1`);
    expect(moved).toEqual([
      { from_code: '03397', to_code: '03403' },
      { from_code: '03556', to_code: '03550' },
    ]);
    expect(
      await q(`select from_vintage, count(*)::int as n from public.crosswalk group by 1 order by 1`),
    ).toEqual([
      { from_vintage: '2016', n: 108 },
      { from_vintage: '2020', n: 106 },
    ]);
    // Codes were reused for other units in 2025: 03403 is Sùng Phài in 2020, merged into Đoàn Kết.
    expect(
      await q(`select to_code from public.crosswalk where from_vintage = '2020' and from_code = '03403'`),
    ).toEqual([{ to_code: '03388' }]);
    const targets = await q(`select id, target_value, strict, direction from public.target order by id`);
    expect(targets).toHaveLength(22);
    expect(targets.find((t) => t.id === 'T1a')).toEqual({
      id: 'T1a',
      target_value: 60,
      strict: true,
      direction: 'higher',
    });
    expect(targets.find((t) => t.id === 'T6c')).toMatchObject({ target_value: 13.45, direction: 'target' });
  });
});
