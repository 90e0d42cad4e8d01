/**
 * Issue 20, item 7: "today" (the latest decision or source date) is the date in Viet Nam, whatever the
 * session's time zone (PostgREST lets a client choose it with "Prefer: timezone="). Kiritimati (UTC+14)
 * is a day ahead of Viet Nam from 17:00 to 24:00 there, and UTC a day behind from 00:00 to 07:00, so
 * at any hour one of the attacks below met the old current_date rule.
 */
import { describe, expect, it } from 'vitest';
import { PROVINCE_EDITOR, asRole, attempt, districtEditor, useClients, type Query } from './helpers';
import { META, SAN_THANG, importRow, importRows, refused } from './refused';

const db = useClients();

const vietnamDay = async (q: Query, days: number) =>
  (await q<{ d: string }>(`select to_char(private.vietnam_today() + $1::int, 'YYYY-MM-DD') as d`, [days]))
    .rows[0]!.d;

describe('item 7: today is the date in Asia/Ho_Chi_Minh', () => {
  it('the date turns at 17:00 UTC whatever the session’s time zone', async () => {
    for (const zone of ['Pacific/Kiritimati', 'UTC', 'Etc/GMT+12']) {
      const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
        await q(`set local timezone = '${zone}'`);
        return (
          await q<{ before: string; after: string }>(
            `select to_char(private.vietnam_date('2026-12-04 16:59:59+00'), 'YYYY-MM-DD') as before,
                    to_char(private.vietnam_date('2026-12-04 17:00:00+00'), 'YYYY-MM-DD') as after`,
          )
        ).rows[0];
      });
      expect(r, zone).toEqual({ before: '2026-12-04', after: '2026-12-05' });
    }
  });

  it('with the session in Kiritimati, a decision dated tomorrow in Viet Nam is refused', async () => {
    const kiritimati = (q: Query) => q(`set local timezone = 'Pacific/Kiritimati'`);
    const viaImport = await refused(
      db.admin,
      districtEditor('105'),
      async (q) => importRows(q, [importRow({ decision_date: await vietnamDay(q, 1) })], META),
      kiritimati,
    );
    expect(viaImport.outcome).toMatchObject({
      ok: false,
      code: '23514',
      message: expect.stringContaining('phải từ 01/01/2000 đến hôm nay'),
    });
    expect(viaImport.same).toBe(true);
    const direct = await refused(
      db.admin,
      PROVINCE_EDITOR,
      async (q) =>
        attempt(q, `update public.indicator_observation set source_date = $1::date where year = 2024`, [
          await vietnamDay(q, 1),
        ]),
      kiritimati,
    );
    expect(direct.outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('nằm trong tương lai'),
    });
    expect(direct.same).toBe(true);
  });

  it('with the session in UTC or UTC−12, a decision dated today in Viet Nam is accepted', async () => {
    for (const zone of ['UTC', 'Etc/GMT+12']) {
      const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
        await q(`set local timezone = '${zone}'`);
        const today = await vietnamDay(q, 0);
        return {
          direct: await attempt(
            q,
            `update public.unit_assessment set decision_date = $1::date where unit_code = $2 and year = 2024`,
            [today, SAN_THANG],
          ),
          viaImport: await importRows(q, [importRow({ decision_date: today })], META),
        };
      });
      expect(r.direct, zone).toEqual({ ok: true, rowCount: 1 });
      expect(r.viaImport, zone).toMatchObject({ ok: true });
    }
  });

  it('the CHECK constraints compare with Viet Nam’s today too (without the triggers)', async () => {
    await db.admin.query('begin');
    try {
      await db.admin.query(`set local session_replication_role = replica`);
      await db.admin.query(`set local timezone = 'Pacific/Kiritimati'`);
      const q = db.admin.query.bind(db.admin) as Query;
      const r = await attempt(
        q,
        `update public.unit_assessment set decision_date = private.vietnam_today() + 1 where unit_code = $1 and year = 2024`,
        [SAN_THANG],
      );
      expect(r).toMatchObject({
        ok: false,
        message: expect.stringContaining('unit_assessment_decision_date_range'),
      });
    } finally {
      await db.admin.query('rollback');
    }
  });
});
