import { describe, expect, it } from 'vitest';
import { ANON, USER, asRole, attempt, districtEditor, useClients, type Claims, type Query } from './helpers';

const db = useClients();

interface Relation {
  name: string;
  type: 'BASE TABLE' | 'VIEW';
}

/** Every relation the API exposes: all tables and views of schema public, from information_schema. */
async function apiRelations(): Promise<Relation[]> {
  const { rows } = await db.admin.query<{ table_name: string; table_type: Relation['type'] }>(
    `select table_name, table_type from information_schema.tables
     where table_schema = 'public' order by table_name`,
  );
  return rows.map((r) => ({ name: r.table_name, type: r.table_type }));
}

/** A column an UPDATE may name (identity columns are refused before privileges are even checked). */
async function firstColumn(table: string): Promise<string> {
  const { rows } = await db.admin.query(
    `select column_name from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_identity = 'NO' and is_generated = 'NEVER'
     order by ordinal_position limit 1`,
    [table],
  );
  return rows[0]?.column_name as string;
}

/** Content fingerprint of a relation, computed by the superuser (sees everything, RLS does not apply). */
async function fingerprint(q: Query, table: string): Promise<string> {
  const { rows } = await q<{ md5: string; n: number }>(
    `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5, count(*)::int as n
     from public.${table} t`,
  );
  return `${rows[0]?.n}:${rows[0]?.md5}`;
}

/**
 * As `claims`, try to insert a copy of a row, update every row, delete every row and truncate; then, back
 * as the superuser inside the same transaction, check the relation is unchanged.
 */
async function triesToWrite(claims: Claims, rel: Relation) {
  const column = await firstColumn(rel.name);
  return asRole(db.admin, { role: 'service_role' }, async (q) => {
    await q('reset role');
    const before = await fingerprint(q, rel.name);
    await q(`set local role ${claims.role}`);
    await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
    const results = {
      insert: await attempt(q, `insert into public.${rel.name} select * from public.${rel.name} limit 1`),
      insertDefaults: await attempt(q, `insert into public.${rel.name} default values`),
      update: await attempt(q, `update public.${rel.name} set "${column}" = "${column}"`),
      delete: await attempt(q, `delete from public.${rel.name}`),
      truncate: await attempt(q, `truncate public.${rel.name} cascade`),
    };
    await q('reset role');
    const after = await fingerprint(q, rel.name);
    return { before, after, results };
  });
}

describe('anon', () => {
  it('cannot change any table or view of the API: insert, update, delete and truncate change nothing', async () => {
    const relations = await apiRelations();
    // Guard against an empty loop: the schema has at least these.
    expect(relations.map((r) => r.name)).toEqual(
      expect.arrayContaining(['unit_assessment', 'district_status', 'audit_log', 'unit_year', 'framework']),
    );
    expect(relations.length).toBeGreaterThanOrEqual(22);
    for (const rel of relations) {
      const { before, after, results } = await triesToWrite(ANON, rel);
      expect(after, `${rel.name} changed`).toBe(before);
      for (const [op, r] of Object.entries(results)) {
        expect(r.ok, `${rel.name} ${op} was not refused`).toBe(false);
      }
      // Refused by privilege (no grant), not merely filtered by a policy or stopped by a constraint.
      // (A view that is not updatable says so before privileges are checked: the grant check below covers it.)
      if (rel.type === 'BASE TABLE') {
        for (const op of ['update', 'delete', 'truncate'] as const) {
          const r = results[op];
          expect(r.ok ? 'ok' : r.code, `${rel.name} ${op}`).toBe('42501');
        }
      }
      const grants = await db.admin.query(
        `select has_table_privilege('anon', $1, 'INSERT') or has_table_privilege('anon', $1, 'UPDATE')
           or has_table_privilege('anon', $1, 'DELETE') or has_table_privilege('anon', $1, 'TRUNCATE') as can_write`,
        [`public.${rel.name}`],
      );
      expect(grants.rows[0]?.can_write, `${rel.name}: anon holds a write grant`).toBe(false);
    }
  });

  it('cannot write even with a forged editor claim in its JWT', async () => {
    const forged: Claims = { ...districtEditor('105'), role: 'anon' };
    for (const table of [
      'unit_assessment',
      'district_status',
      'indicator_observation',
      'statistic_observation',
    ]) {
      const { before, after, results } = await triesToWrite(forged, { name: table, type: 'BASE TABLE' });
      expect(after).toBe(before);
      expect(results.insert.ok).toBe(false);
      expect(results.update.ok).toBe(false);
    }
  });

  it('reads published rows only, in every table that has a publication flag', async () => {
    const { rows: tables } = await db.admin.query<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
       where c.table_schema = 'public' and c.column_name = 'published' and t.table_type = 'BASE TABLE'
       order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'district_status',
      'indicator_observation',
      'statistic_observation',
      'unit_assessment',
    ]);
    for (const { table_name } of tables) {
      const all = await db.admin.query(`select count(*) filter (where published)::int as published,
        count(*) filter (where not published)::int as drafts from public.${table_name}`);
      const { published, drafts } = all.rows[0] as { published: number; drafts: number };
      expect(drafts, `${table_name} has draft rows to hide`).toBeGreaterThan(0);
      for (const who of [ANON, USER]) {
        const seen = await asRole(db.api, who, async (q) => {
          const r = await q(
            `select count(*)::int as n, bool_and(published) as all_published from public.${table_name}`,
          );
          return r.rows[0] as { n: number; all_published: boolean };
        });
        expect(seen, `${who.role} on ${table_name}`).toEqual({ n: published, all_published: true });
      }
    }
  });

  it('sees draft assessments as "no data" in the views, and no draft indicator values', async () => {
    const drafts = (
      await db.admin.query(
        `select unit_code from public.unit_assessment where not published and year = 2026 order by 1`,
      )
    ).rows.map((r) => r.unit_code as string);
    expect(drafts.length).toBeGreaterThan(0);
    const anonRows = await asRole(
      db.api,
      ANON,
      async (q) =>
        (
          await q(
            `select code, tier, criteria_met from public.unit_year where year = 2026 and code = any($1) order by code`,
            [drafts],
          )
        ).rows,
    );
    expect(anonRows).toEqual(drafts.map((code) => ({ code, tier: null, criteria_met: [] })));
    const adminRows = (
      await db.admin.query(`select tier from public.unit_year where year = 2026 and code = any($1)`, [drafts])
    ).rows;
    expect(adminRows.every((r) => r.tier !== null)).toBe(true);

    const t4a = await asRole(db.api, ANON, async (q) =>
      (await q(`select year from public.indicator_value where target_id = 'T4a' order by year`)).rows.map(
        (r) => r.year,
      ),
    );
    expect(t4a).toEqual([2020, 2021, 2022, 2023, 2024]); // the 2025 draft stays hidden
    const thanUyen = await asRole(
      db.api,
      ANON,
      async (q) =>
        (
          await q(
            `select count(*)::int as n from public.district_year where district_code = '110' and year = 2025`,
          )
        ).rows[0],
    );
    expect(thanUyen).toEqual({ n: 0 });
  });

  it('never reads the audit log or the change history', async () => {
    for (const table of ['audit_log', 'unit_change']) {
      const r = await asRole(db.api, ANON, (q) => attempt(q, `select * from public.${table} limit 1`));
      expect(r.ok).toBe(false);
    }
  });
});
