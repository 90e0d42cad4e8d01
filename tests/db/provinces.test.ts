/**
 * Issue 21, item 4, as attacks on the real database: one database serves Lai Châu (12) and Điện Biên
 * (11), and an editor of Điện Biên cannot read Lai Châu's drafts, or write its rows through a table, a
 * view or import_assessments, lock its years or write its targets. Every refused write leaves the
 * writable tables byte-identical (`refused`). Lai Châu's own editors keep their rights (the rest of
 * the db suite), and Lai Châu's figures do not move when Điện Biên's data arrives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateProvincesSql, PROVINCES_MIGRATION } from '../../supabase/generate-provinces';
import cases from '../../src/lib/domain/province-code.cases.json';
import { ANON, PROVINCE_EDITOR, asRole, attempt, useClients, type Claims, type Query } from './helpers';
import { importRow, importRows, META, refused, SAN_THANG } from './refused';

const db = useClients();

const DIEN_BIEN = '11';
const LAI_CHAU = '12';
/** A province-scope editor of Điện Biên, and a Điện Biên editor whose district list names Lai Châu's 105. */
const DB_EDITOR: Claims = {
  role: 'authenticated',
  sub: '00000000-0000-4000-8000-0000000d1e11',
  email: 'bien.tap.dien.bien@example.vn',
  app_metadata: { role: 'editor', province: DIEN_BIEN, scope: 'province' },
};
const DB_DISTRICT_EDITOR: Claims = {
  role: 'authenticated',
  sub: '00000000-0000-4000-8000-0000000d1e12',
  email: 'bien.tap.dien.bien.105@example.vn',
  app_metadata: { role: 'editor', province: DIEN_BIEN, districts: ['105'] },
};
const LC_EDITOR_NEW_SHAPE: Claims = {
  role: 'authenticated',
  sub: '00000000-0000-4000-8000-0000000d1e13',
  email: 'bien.tap.lai.chau.12@example.vn',
  app_metadata: { role: 'editor', province: LAI_CHAU, scope: 'province' },
};
const ATTACKERS = [
  ['a province editor of Điện Biên', DB_EDITOR],
  ['a Điện Biên district editor listing a Lai Châu district', DB_DISTRICT_EDITOR],
] as const;

/** Sín Thầu, a xã of Điện Biên (2025 units), and a 2026 row for it (QĐ 51/2025: 10 criteria). */
const SIN_THAU = '03158';
const row2026 = (code: string) => ({
  row: 2,
  code,
  criteria_met: [1, 2],
  criteria_missing: [3, 4, 5, 6, 7, 8, 9, 10],
  tier: 'chua_dat',
  urban_status: null,
  decision_no: null,
  decision_date: null,
});
/** A Lai Châu draft of 2026 (the seed keeps 2026 unpublished). */
const LC_DRAFT = `select unit_code from public.unit_assessment where province = '12' and year = 2026 and not published
  order by unit_code limit 1`;

const count = async (q: Query, sql: string, params?: unknown[]) =>
  Number((await q<{ n: string }>(`select count(*) as n from (${sql}) x`, params)).rows[0]!.n);

describe('the reference data of both provinces', () => {
  it('holds Điện Biên with its 45 units of 2025, generated from its folder', async () => {
    const r = await db.admin.query<{ province: string; units: number }>(
      `select p.code as province, count(u.code) as units from public.province p
       left join public.admin_unit u on u.province = p.code and u.vintage = '2025' group by p.code order by p.code`,
    );
    expect(r.rows).toEqual([
      { province: DIEN_BIEN, units: 45 },
      { province: LAI_CHAU, units: 38 },
    ]);
    expect(readFileSync(PROVINCES_MIGRATION, 'utf8')).toBe(generateProvincesSql());
  });

  it('every row of Lai Châu moved to province 12, and no unit-level row is without a province', async () => {
    const r = await db.admin.query<{ t: string; other: number }>(
      `select t, other from (values
         ('unit_assessment', (select count(*) from public.unit_assessment where province <> '12')),
         ('district_status', (select count(*) from public.district_status where province <> '12')),
         ('indicator_observation', (select count(*) from public.indicator_observation where province <> '12')),
         ('statistic_observation', (select count(*) from public.statistic_observation where province <> '12')),
         ('district', (select count(*) from public.district where province <> '12')),
         ('crosswalk', (select count(*) from public.crosswalk where province <> '12')),
         ('target', (select count(*) from public.target where province <> '12'))) v(t, other)`,
    );
    expect(r.rows.filter((x) => Number(x.other) !== 0)).toEqual([]);
    const nullable = await db.admin.query(
      `select table_schema || '.' || table_name as t from information_schema.columns
       where column_name = 'province' and is_nullable = 'YES' and table_schema in ('public', 'private')
         and table_name in (select table_name from information_schema.tables where table_type = 'BASE TABLE')`,
    );
    expect(nullable.rows).toEqual([]);
  });
});

describe('an editor’s province is read by one rule, the same as the browser’s', () => {
  it.each(cases.cases.map((c) => [c.json, c.province] as const))('%s → %j', async (json, province) => {
    const r = await db.admin.query<{ p: string | null; legacy: string }>(
      `select private.metadata_province($1::jsonb) as p, private.legacy_province() as legacy`,
      [json],
    );
    expect(r.rows[0]).toEqual({ p: province, legacy: cases.legacy });
  });

  it('a province that is not configured, or not a code, grants nothing', async () => {
    for (const province of ['99', 'Lai Châu']) {
      const claims: Claims = {
        ...DB_EDITOR,
        sub: `00000000-0000-4000-8000-0000000d1e9${province === '99' ? 9 : 8}`,
        email: `bien.tap.${province === '99' ? 99 : 'ten'}@example.vn`,
        app_metadata: { role: 'editor', province, scope: 'province' },
      };
      const r = await asRole(db.api, claims, (q) => importRows(q, [row2026(SIN_THAU)], META, 2026));
      expect(r).toMatchObject({ ok: false, code: '42501' });
    }
  });
});

describe.each(ATTACKERS)('%s', (_name, attacker) => {
  it('cannot read Lai Châu’s drafts: not in the tables, not in the views, not in the audit log', async () => {
    // What the public sees of Lai Châu's 2026 (published rows only) is all the attacker may see.
    const publicView = await asRole(db.api, ANON, async (q) => ({
      view: await count(
        q,
        `select from public.unit_year where province = '12' and year = 2026 and tier is not null`,
      ),
      summary: await count(q, `select from public.province_summary where province = '12' and year = 2026`),
    }));
    const seen = await asRole(db.api, attacker, async (q) => ({
      table: await count(q, `select from public.unit_assessment where province = '12' and not published`),
      view: await count(
        q,
        `select from public.unit_year where province = '12' and year = 2026 and tier is not null`,
      ),
      summary: await count(q, `select from public.province_summary where province = '12' and year = 2026`),
      audit: await count(
        q,
        `select from public.audit_log where coalesce(new_row, old_row) ->> 'province' is distinct from '11'`,
      ),
    }));
    expect(seen).toEqual({ table: 0, ...publicView, audit: 0 });
    // The control: Lai Châu's province editor sees them.
    const control = await asRole(db.api, PROVINCE_EDITOR, (q) =>
      count(q, `select from public.unit_assessment where province = '12' and not published`),
    );
    expect(control).toBeGreaterThan(0);
  });

  it('cannot write Lai Châu’s units through the table: insert, update, delete, or a false province', async () => {
    const attacks: ((q: Query) => ReturnType<typeof attempt>)[] = [
      (q) =>
        attempt(
          q,
          `insert into public.unit_assessment (unit_code, year, tier, criteria_met, source) values ($1, 2024, 'chua_dat', '{1}', 'x')`,
          [SAN_THANG],
        ),
      (q) =>
        attempt(
          q,
          `insert into public.unit_assessment (unit_code, year, tier, criteria_met, source, province)
           values ($1, 2024, 'chua_dat', '{1}', 'x', '11')`,
          [SAN_THANG],
        ),
      // No province filter: every row of 2024 is Lai Châu's.
      (q) => attempt(q, `update public.unit_assessment set decision_no = 'x' where year = 2024`),
      (q) => attempt(q, `update public.unit_assessment set province = '11' where year = 2024`),
      (q) => attempt(q, `delete from public.unit_assessment where year = 2024`),
      (q) => attempt(q, `delete from public.district_status where year = 2020`),
      (q) =>
        attempt(
          q,
          `insert into public.district_status (district_code, year, ntm, source) values ('105', 2024, true, 'x')`,
        ),
      (q) => attempt(q, `update public.statistic_observation set value = 0 where year = 2024`),
      (q) =>
        attempt(
          q,
          `insert into public.statistic_observation (series_id, year, district_code, value, source)
           select id, 2024, '105', 1, 'x' from public.statistic_series limit 1`,
        ),
    ];
    for (const attack of attacks) {
      const r = await refused(db.admin, attacker, attack);
      expect(r.same).toBe(true);
      if (r.outcome.ok) expect(r.outcome.rowCount).toBe(0);
    }
    // The control: the same statements reach rows for Lai Châu's province editor.
    const control = await asRole(db.api, PROVINCE_EDITOR, async (q) => [
      await attempt(q, `update public.unit_assessment set decision_no = 'x' where year = 2024`),
      await attempt(q, `update public.indicator_observation set value = 0`),
    ]);
    for (const c of control) expect(c).toMatchObject({ ok: true, rowCount: expect.any(Number) });
    expect(control.every((c) => c.ok && c.rowCount > 0)).toBe(true);
  });

  it('cannot write through a view', async () => {
    for (const sql of [
      `update public.unit_year set tier = 'dat_chuan' where province = '12'`,
      `delete from public.unit_year where province = '12'`,
      `insert into public.unit (vintage, code, name, kind, province) values ('2025', '99999', 'x', 'xa', '12')`,
      `update public.indicator_value set value = 0 where province = '12'`,
    ]) {
      const r = await refused(db.admin, attacker, (q) => attempt(q, sql));
      expect(r).toMatchObject({ outcome: { ok: false }, same: true });
    }
  });

  it('cannot import Lai Châu’s units: derived, declared as Điện Biên, or declared as Lai Châu', async () => {
    const lcRow = { ...importRow(), row: 3 };
    for (const [rows, meta] of [
      [[lcRow], META],
      [[lcRow], { ...META, province: DIEN_BIEN }],
      [[lcRow], { ...META, province: LAI_CHAU }],
    ] as const) {
      const r = await refused(db.admin, attacker, (q) => importRows(q, rows, meta, 2024));
      expect(r).toMatchObject({ outcome: { ok: false, code: '42501' }, same: true });
    }
    // Two provinces in one file: refused as a whole, Điện Biên's row included.
    const mixed = await refused(db.admin, attacker, (q) =>
      importRows(q, [row2026(SIN_THAU), { ...row2026('03399'), row: 3 }], META, 2026),
    );
    expect(mixed).toMatchObject({ outcome: { ok: false }, same: true });
  });

  it('cannot lock or reopen Lai Châu’s years, and its own lock does not lock Lai Châu', async () => {
    const lock = await refused(db.admin, attacker, (q) =>
      attempt(q, `insert into public.closed_year (province, year, note) values ('12', 2024, 'x')`),
    );
    expect(lock).toMatchObject({ outcome: { ok: false, code: '42501' }, same: true });
    const reopen = await asRole(db.admin, attacker, async (q) => {
      await q('reset role');
      await q(`insert into public.closed_year (province, year) values ('12', 2023)`);
      await q(`set local role authenticated`);
      const r = await attempt(q, `delete from public.closed_year where province = '12'`);
      return {
        r,
        still: await count(q, `select from public.closed_year where province = '12' and year = 2023`),
      };
    });
    expect(reopen).toEqual({ r: { ok: true, rowCount: 0 }, still: 1 });
  });

  it('cannot write Lai Châu’s targets, nor give Điện Biên a target it does not have', async () => {
    for (const sql of [
      `insert into public.indicator_observation (province, target_id, year, value, source) values ('12', 'T4a', 2024, 1, 'x')`,
      `insert into public.indicator_observation (target_id, year, value, source) values ('T4a', 2024, 1, 'x')`,
      // No filter: every row the attacker could touch (Lai Châu's are all there is).
      `update public.indicator_observation set value = 0`,
      `delete from public.indicator_observation`,
    ]) {
      const r = await refused(db.admin, attacker, (q) => attempt(q, sql));
      expect(r.same).toBe(true);
      if (r.outcome.ok) expect(r.outcome.rowCount).toBe(0);
    }
  });
});

describe('a Điện Biên editor in their own province', () => {
  it('imports, locks their year, and Lai Châu’s figures and lock do not move', async () => {
    const r = await asRole(db.api, DB_EDITOR, async (q) => {
      const lcBefore = await q(`select * from public.province_summary where province = '12' order by year`);
      const imported = await importRows(q, [row2026(SIN_THAU)], META, 2026);
      const lcAfter = await q(`select * from public.province_summary where province = '12' order by year`);
      const dbSummary = await q<{ xa_assessed: number }>(
        `select xa_assessed from public.province_summary where province = '11' and year = 2026`,
      );
      const locked = await attempt(q, `insert into public.closed_year (year) values (2026)`);
      const lockRow = await q(`select province from public.closed_year where year = 2026`);
      const again = await importRows(q, [row2026(SIN_THAU)], { ...META, source: 'khác' }, 2026);
      return {
        imported,
        same: JSON.stringify(lcBefore.rows) === JSON.stringify(lcAfter.rows),
        dbSummary: dbSummary.rows,
        locked,
        lockRow: lockRow.rows,
        again,
      };
    });
    expect(r.imported).toMatchObject({ ok: true });
    expect(r.same).toBe(true);
    expect(r.dbSummary).toEqual([{ xa_assessed: 1 }]);
    expect(r.locked).toEqual({ ok: true, rowCount: 1 });
    expect(r.lockRow).toEqual([{ province: DIEN_BIEN }]);
    expect(r.again).toMatchObject({ ok: false, code: '55000' });
    // Lai Châu's editor still writes 2026 while Điện Biên's 2026 is locked.
    const lc = await asRole(db.admin, LC_EDITOR_NEW_SHAPE, async (q) => {
      await q('reset role');
      await q(`insert into public.closed_year (province, year) values ('11', 2026)`);
      await q('set local role authenticated');
      const code = (await q<{ unit_code: string }>(LC_DRAFT)).rows[0]!.unit_code;
      return importRows(q, [row2026(code)], META, 2026);
    });
    expect(lc).toMatchObject({ ok: true });
  });
});
