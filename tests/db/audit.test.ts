import { describe, expect, it } from 'vitest';
import {
  ANON,
  PROVINCE_EDITOR,
  SERVICE,
  USER,
  asRole,
  attempt,
  districtEditor,
  registerUser,
  useClients,
  type Claims,
  type Query,
} from './helpers';

const db = useClients();

interface AuditRow {
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string;
  table_name: string;
  operation: string;
  district_codes: string[];
  old_row: Record<string, unknown> | null;
  new_row: Record<string, unknown> | null;
}

const lastAudit = (q: Query, n: number) =>
  q<AuditRow>(
    `select actor_id, actor_email, actor_role, table_name, operation, district_codes, old_row, new_row
     from public.audit_log order by id desc limit $1`,
    [n],
  ).then((r) => r.rows.reverse());

describe('audit log', () => {
  it('records every insert, update and delete of an assessment with who, what, old and new values', async () => {
    const editor = districtEditor('105');
    const rows = await asRole(db.api, editor, async (q) => {
      await q(
        `insert into public.unit_assessment (unit_code, year, tier, criteria_met, illustrative)
         values ('03409', 2025, 'chua_dat', '{1}', true)
         on conflict (vintage, unit_code, year) do update set criteria_met = excluded.criteria_met, tier = excluded.tier`,
      );
      await q(
        `update public.unit_assessment set decision_no = '7/QĐ-UBND' where unit_code = '03409' and year = 2024`,
      );
      await q(`delete from public.unit_assessment where unit_code = '03409' and year = 2016`);
      // The editor reads its own scope's audit rows.
      return lastAudit(q, 3);
    });
    expect(rows).toHaveLength(3);
    const [upsert, update, del] = rows;
    for (const r of rows) {
      expect(r).toMatchObject({
        actor_id: editor.sub,
        actor_email: editor.email,
        actor_role: 'authenticated',
        table_name: 'unit_assessment',
        district_codes: ['105'],
      });
    }
    // The upsert hit an existing row: an UPDATE with both images.
    expect(upsert).toMatchObject({ operation: 'UPDATE' });
    expect(upsert?.old_row?.criteria_met).toHaveLength(19);
    expect(upsert?.new_row?.criteria_met).toEqual([1]);
    expect(update?.old_row?.decision_no).toBeNull();
    expect(update?.new_row?.decision_no).toBe('7/QĐ-UBND');
    expect(del).toMatchObject({ operation: 'DELETE', new_row: null });
    expect(del?.old_row).toMatchObject({ unit_code: '03409', year: 2016, vintage: '2016' });
  });

  it('records inserts, and writes to district status, indicators and statistics too', async () => {
    const rows = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      await q(
        `insert into public.unit_assessment (unit_code, year, tier, source) values ('03451', 2027, 'chua_dat', 'Báo cáo')`,
      );
      await q(`update public.district_status set ntm = true where district_code = '107' and year = 2025`);
      await q(
        `insert into public.indicator_observation (target_id, year, value, source) values ('T2', 2026, 27, 'Báo cáo')`,
      );
      await q(`delete from public.statistic_observation where year = 2017`);
      return lastAudit(q, 4);
    });
    expect(rows.map((r) => [r.table_name, r.operation, r.district_codes])).toEqual([
      ['unit_assessment', 'INSERT', []], // 2025 vintage: no district
      ['district_status', 'UPDATE', ['107']],
      ['indicator_observation', 'INSERT', []],
      ['statistic_observation', 'DELETE', []],
    ]);
    expect(rows[0]).toMatchObject({
      old_row: null,
      new_row: { unit_code: '03451', vintage: '2025', source: 'Báo cáo' },
    });
    expect(rows[1]?.old_row?.ntm).toBe(false);
    expect(rows[1]?.new_row?.ntm).toBe(true);
  });

  it('shows editors the rows of their scope only, and nothing to others', async () => {
    for (const c of [districtEditor('105'), districtEditor('106', '107'), PROVINCE_EDITOR, USER]) {
      await registerUser(db.admin, c);
    }
    const seen = await asRole(db.admin, PROVINCE_EDITOR, async (q) => {
      // Two changes by the province editor: one in 105, one in 106.
      await q(
        `update public.unit_assessment set decision_no = 'x' where unit_code = '03409' and year = 2025`,
      );
      await q(
        `update public.unit_assessment set decision_no = 'y' where unit_code = '03424' and year = 2025`,
      );
      const visible = async (claims: Claims) => {
        await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
        await q(`set local role ${claims.role}`);
        const r = await q(
          `select district_codes from public.audit_log where new_row ->> 'decision_no' in ('x', 'y') order by id`,
        );
        await q('reset role');
        return r.rows.map((x) => x.district_codes);
      };
      return {
        district105: await visible(districtEditor('105')),
        district106and107: await visible(districtEditor('106', '107')),
        province: await visible(PROVINCE_EDITOR),
        user: await visible(USER),
      };
    });
    expect(seen).toEqual({
      district105: [['105']],
      district106and107: [['106']],
      province: [['105'], ['106']],
      user: [],
    });
  });

  it('cannot be written by any API role, editors and service_role included', async () => {
    const writers: Claims[] = [ANON, USER, districtEditor('105'), PROVINCE_EDITOR, SERVICE];
    const before = (await db.admin.query(`select count(*)::int as n, max(id) as max from public.audit_log`))
      .rows[0];
    expect(before?.n).toBeGreaterThan(0); // the seed load was audited
    for (const claims of writers) {
      const r = await asRole(db.api, claims, async (q) => ({
        insert: await attempt(
          q,
          `insert into public.audit_log (actor_role, table_name, operation) values ('x', 'unit_assessment', 'INSERT')`,
        ),
        update: await attempt(q, `update public.audit_log set actor_email = 'forged@example.vn'`),
        delete: await attempt(q, `delete from public.audit_log`),
        truncate: await attempt(q, `truncate public.audit_log`),
      }));
      for (const [op, result] of Object.entries(r)) {
        expect(result, `${claims.role} ${JSON.stringify(claims.app_metadata ?? {})} ${op}`).toMatchObject({
          ok: false,
          code: '42501',
        });
      }
    }
    const after = (await db.admin.query(`select count(*)::int as n, max(id) as max from public.audit_log`))
      .rows[0];
    expect(after).toEqual(before);
    // No grant but SELECT (to authenticated), no write policy.
    const grants = await db.admin.query(
      `select grantee, privilege_type from information_schema.role_table_grants
       where table_schema = 'public' and table_name = 'audit_log' and grantee in ('anon', 'authenticated', 'service_role')
       order by 1, 2`,
    );
    expect(grants.rows).toEqual([{ grantee: 'authenticated', privilege_type: 'SELECT' }]);
    const policies = await db.admin.query(`select cmd from pg_policies where tablename = 'audit_log'`);
    expect(policies.rows).toEqual([{ cmd: 'SELECT' }]);
  });

  it('rolls back with the write it records', async () => {
    const count = async () =>
      (await db.admin.query(`select count(*)::int as n from public.audit_log`)).rows[0]?.n;
    const before = await count();
    await asRole(db.api, PROVINCE_EDITOR, (q) =>
      q(`update public.unit_assessment set decision_no = 'z' where year = 2025 and unit_code = '03409'`),
    );
    expect(await count()).toBe(before);
  });
});
