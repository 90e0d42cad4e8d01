/**
 * Issue 20, item 4: reference data (units, districts, vintages, frameworks, criteria, crosswalk,
 * targets, series, the dataset row) changes only through migrations. No API role — not even
 * service_role, which bypasses row level security — may insert, update, delete or truncate it, and no
 * API role may truncate any table. The attacks are run as each role; each leaves the reference
 * tables and the writable tables byte-identical.
 */
import { describe, expect, it } from 'vitest';
import {
  PROVINCE_EDITOR,
  SERVICE,
  asRole,
  attempt,
  districtEditor,
  useClients,
  writableDigest,
  type Claims,
  type Query,
} from './helpers';

const db = useClients();

const REFERENCE = [
  'dataset',
  'vintage',
  'framework',
  'criterion',
  'district',
  'admin_unit',
  'crosswalk',
  'target',
  'statistic_series',
];

async function referenceDigest(q: Query) {
  const parts = REFERENCE.map(
    (t) => `(select coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from public.${t} x) as ${t}`,
  );
  return (await q(`select ${parts.join(', ')}`)).rows[0];
}

async function refused(claims: Claims, sql: string) {
  return asRole(db.admin, claims, async (q) => {
    const digest = async () => {
      await q('reset role');
      const d = JSON.stringify([await referenceDigest(q), await writableDigest(q)]);
      await q(`set local role ${claims.role}`);
      return d;
    };
    const before = await digest();
    const outcome = await attempt(q, sql);
    return { outcome, same: (await digest()) === before };
  });
}

const ATTACKS = [
  // Moves Thèn Sin (district 106) into district 105: a district-105 editor could then write it, with no audit row.
  `update public.admin_unit set district_code = '105' where vintage = '2020' and code = '03394'`,
  // Lets dat_chuan be stored with one criterion met.
  `update public.framework set criteria_total = 1`,
  `truncate public.crosswalk cascade`,
  `delete from public.crosswalk`,
  `insert into public.target (id, group_no, name_vi, name_en, unit, target_value, strict, direction, level)
   values ('T9', 1, 'x', 'x', '%', 1, false, 'higher', 'province')`,
  `update public.target set target_value = 0`,
  `update public.criterion set name_vi = 'Đã sửa'`,
  `update public.dataset set illustrative = false`,
];

describe('reference data changes only through migrations', () => {
  for (const [who, claims] of [
    ['service_role', SERVICE],
    ['a province editor', PROVINCE_EDITOR],
  ] as const) {
    it.each(ATTACKS)(`${who}: %s is refused and changes nothing`, async (sql) => {
      const r = await refused(claims, sql);
      expect(r.outcome).toMatchObject({ ok: false, code: '42501' });
      expect(r.same).toBe(true);
    });
  }

  it('so a district-105 editor still cannot write Thèn Sin (district 106)', async () => {
    const r = await asRole(db.admin, SERVICE, async (q) => {
      await attempt(q, ATTACKS[0]!);
      await q('reset role');
      await q('set local role authenticated');
      await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(districtEditor('105'))]);
      return attempt(
        q,
        `update public.unit_assessment set source = 'x' where unit_code = '03394' and year = 2024`,
      );
    });
    expect(r).toEqual({ ok: true, rowCount: 0 });
  });

  it.each(['unit_assessment', 'audit_log', 'closed_year', 'statistic_observation'])(
    'no API role may truncate %s',
    async (table) => {
      for (const claims of [SERVICE, PROVINCE_EDITOR]) {
        const r = await refused(claims, `truncate public.${table} cascade`);
        expect(r.outcome).toMatchObject({ ok: false, code: '42501' });
        expect(r.same).toBe(true);
      }
    },
  );

  it('the catalogue agrees: no API role holds a write privilege on reference data, nor TRUNCATE anywhere', async () => {
    const held = await db.admin.query(
      `select r.role, n.nspname || '.' || c.relname as relation, p.privilege
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       cross join unnest(array['anon', 'authenticated', 'service_role']) r(role)
       cross join unnest(array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) p(privilege)
       where n.nspname in ('public', 'private') and c.relkind in ('r', 'v', 'm', 'p')
         and (p.privilege in ('TRUNCATE', 'TRIGGER', 'REFERENCES') or c.relkind <> 'r' or c.relname = any ($1))
         and has_table_privilege(r.role, c.oid, p.privilege)
       order by 1, 2, 3`,
      [REFERENCE],
    );
    expect(held.rows).toEqual([]);
  });
});
