/**
 * Issue 20, item 9: the smaller gaps, each with its attack.
 *   - tier and criteria agree both ways: a chua_dat xã with every criterion met carries no recognition
 *     decision (recognition pending is the only reason it is not yet recognised);
 *   - sequences are closed to the API roles, and objects created later start closed;
 *   - functions in schema private are not executable by PUBLIC or anon;
 *   - app_metadata.districts is read by one rule, shared with the browser (district-codes.cases.json);
 *   - import_assessments refuses an oversized body by its size, before parsing it.
 * Every refused write leaves the writable tables byte-identical.
 */
import { describe, expect, it } from 'vitest';
import table from '../../src/lib/domain/district-codes.cases.json';
import {
  ANON,
  PROVINCE_EDITOR,
  USER,
  asRole,
  attempt,
  districtEditor,
  registerUser,
  useClients,
  writableDigest,
  type Claims,
  type Query,
} from './helpers';

const db = useClients();

const SAN_THANG = '03409'; // xã of district 105 (2020 vintage)
const ALL = Array.from({ length: 19 }, (_, i) => i + 1);

type Outcome = Awaited<ReturnType<typeof attempt>>;

async function refused(claims: Claims, attack: (q: Query) => Promise<Outcome>) {
  return asRole(db.admin, claims, async (q) => {
    const digest = async () => {
      await q('reset role');
      const d = JSON.stringify(await writableDigest(q));
      await q(`set local role ${claims.role}`);
      return d;
    };
    const before = await digest();
    const outcome = await attack(q);
    return { outcome, same: (await digest()) === before };
  });
}

const importRows = (q: Query, rows: unknown, year = 2024) =>
  attempt(q, `select public.import_assessments($1, $2::json, $3::json)`, [
    year,
    typeof rows === 'string' ? rows : JSON.stringify(rows),
    JSON.stringify({ source: 'Báo cáo kiểm thử' }),
  ]);

const row = (extra: Record<string, unknown> = {}) => ({
  row: 2,
  code: SAN_THANG,
  criteria_met: ALL,
  criteria_missing: [],
  tier: 'chua_dat',
  decision_no: null,
  decision_date: null,
  ...extra,
});

describe('tier and criteria agree both ways', () => {
  it('chua_dat with all 19 criteria met and a recognition decision is refused, directly and by import', async () => {
    const direct = await refused(PROVINCE_EDITOR, (q) =>
      attempt(
        q,
        `update public.unit_assessment set tier = 'chua_dat', criteria_met = $2, criteria_missing = '{}',
           decision_no = '1234/QĐ-UBND' where unit_code = $1 and year = 2024`,
        [SAN_THANG, ALL],
      ),
    );
    expect(direct.outcome).toMatchObject({
      ok: false,
      code: '23514',
      message: expect.stringContaining(
        'Xã 03409 năm 2024 đạt đủ 19/19 tiêu chí và có quyết định công nhận (1234/QĐ-UBND): mức phải là dat_chuan trở lên',
      ),
    });
    expect(direct.same).toBe(true);
    const viaImport = await refused(districtEditor('105'), (q) =>
      importRows(q, [row({ decision_date: '2024-11-20' })]),
    );
    expect(viaImport.outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('Dòng 2 (mã 03409): Xã 03409 năm 2024 đạt đủ 19/19 tiêu chí'),
    });
    expect(viaImport.same).toBe(true);
  });

  it('chua_dat with every criterion met and no decision yet is recognition pending: accepted', async () => {
    const r = await asRole(db.api, districtEditor('105'), (q) => importRows(q, [row()]));
    expect(r).toMatchObject({ ok: true });
  });
});

describe('sequences and objects created later are closed (catalogue checks in lint.test.ts)', () => {
  it.each([
    ['anon', ANON],
    ['a signed-in user', USER],
    ['a province editor', PROVINCE_EDITOR],
  ] as const)('%s cannot move an identity sequence', async (_, claims) => {
    for (const sql of [
      `select setval('public.indicator_observation_id_seq', 1)`,
      `select setval('public.statistic_observation_id_seq', 1)`,
      `select nextval('public.statistic_observation_id_seq')`,
    ]) {
      const r = await refused(claims, (q) => attempt(q, sql));
      expect(r.outcome).toMatchObject({ ok: false, code: '42501' });
      expect(r.same).toBe(true);
    }
  });

  it('a table, sequence or function a later migration creates grants nothing until it says so', async () => {
    await db.admin.query('begin');
    try {
      await db.admin.query(`create table public.later_table (id int primary key)`);
      await db.admin.query(`create sequence public.later_seq`);
      await db.admin.query(`create function public.later_fn() returns int language sql as 'select 1'`);
      await db.admin.query(`create function private.later_helper() returns int language sql as 'select 1'`);
      const r = await db.admin.query(
        `select r.role,
           has_table_privilege(r.role, 'public.later_table', 'SELECT,INSERT,UPDATE,DELETE,TRUNCATE') as table_any,
           has_sequence_privilege(r.role, 'public.later_seq', 'USAGE,SELECT,UPDATE') as sequence_any,
           has_function_privilege(r.role, 'public.later_fn()', 'EXECUTE') as public_fn,
           has_function_privilege(r.role, 'private.later_helper()', 'EXECUTE') as private_fn
         from unnest(array['anon', 'authenticated', 'service_role']) r(role) order by 1`,
      );
      expect(r.rows).toEqual([
        { role: 'anon', table_any: false, sequence_any: false, public_fn: false, private_fn: false },
        // Helpers in private stay callable by the roles whose writes run policies and triggers.
        { role: 'authenticated', table_any: false, sequence_any: false, public_fn: false, private_fn: true },
        { role: 'service_role', table_any: false, sequence_any: false, public_fn: false, private_fn: true },
      ]);
    } finally {
      await db.admin.query('rollback');
    }
  });
});

describe('functions in schema private (the catalogue check is in lint.test.ts)', () => {
  it('anon cannot call the scope helpers', async () => {
    for (const fn of [
      'private.editor_districts()',
      "private.can_edit_unit('2020', '03409')",
      'private.max_rows_per_write()',
    ]) {
      const r = await refused(ANON, (q) => attempt(q, `select ${fn}`));
      expect(r.outcome).toMatchObject({ ok: false, code: '42501' });
    }
  });
});

describe('app_metadata.districts: one rule for the database and the browser', () => {
  it.each(table.cases.map((c) => [c.json, c.codes] as const))(
    'private.district_codes(%s) = %j',
    async (json, codes) => {
      const r = await db.admin.query<{ codes: string[] }>(
        'select private.district_codes($1::jsonb) as codes',
        [json],
      );
      expect(r.rows[0]!.codes).toEqual(codes);
    },
  );

  it('an editor with districts [105] (a number) and " 106" (a space) writes both districts; the registry holds the codes', async () => {
    const editor: Claims = {
      role: 'authenticated',
      sub: '00000000-0000-4000-8000-0000000d1056',
      email: 'so.va.chuoi@example.vn',
      app_metadata: { role: 'editor', districts: [105, ' 106'] },
    };
    await registerUser(db.admin, editor);
    const stored = await db.admin.query<{ districts: string[] }>(
      'select districts from private.editor where user_id = $1',
      [editor.sub],
    );
    expect(stored.rows[0]!.districts).toEqual(['105', '106']);
    const r = await asRole(db.api, editor, async (q) => [
      await attempt(
        q,
        `update public.unit_assessment set source = 'x' where unit_code = $1 and year = 2024`,
        [SAN_THANG],
      ),
      await attempt(
        q,
        `update public.unit_assessment set source = 'x' where unit_code = '03394' and year = 2024`,
      ),
    ]);
    expect(r).toEqual([
      { ok: true, rowCount: 1 },
      { ok: true, rowCount: 1 },
    ]);
  });
});

describe('the import refuses a huge body by its size first', () => {
  it('30 MB from a district editor with no districts is refused as too large, nothing written', async () => {
    const huge = JSON.stringify([row({ padding: 'x'.repeat(30 * 1024 * 1024) })]);
    const r = await refused(districtEditor(), (q) => importRows(q, huge));
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '54000',
      message: expect.stringMatching(
        /^Dữ liệu nhập quá lớn: 314\d{5} byte \(tối đa 1048576 byte\): không ghi gì/,
      ),
    });
    expect(r.same).toBe(true);
  });

  it('1.2 MB of rows each within the row limit is refused by size before any row is read', async () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      row({ row: i + 2, code: String(i).padStart(5, '9'), note: 'y'.repeat(3000) }),
    );
    const r = await refused(PROVINCE_EDITOR, (q) => importRows(q, rows));
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '54000',
      message: expect.stringContaining('Dữ liệu nhập quá lớn'),
    });
    expect(r.same).toBe(true);
  });
});
