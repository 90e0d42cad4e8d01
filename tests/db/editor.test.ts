import { describe, expect, it } from 'vitest';
import { PROVINCE_EDITOR, USER, asRole, attempt, districtEditor, useClients, type Query } from './helpers';

const db = useClients();

// Units of the 2020 vintage in two districts, and a 2025-vintage unit (no district).
const A = '105'; // Thành phố Lai Châu
const UNIT_A = '03409'; // Xã San Thàng
const UNIT_B = '03424'; // Xã Bản Bo, Tam Đường (106)
const UNIT_2026 = '03583'; // Xã Khổng Lào (2025 vintage)

const setCriteria = (q: Query, code: string, year = 2024) =>
  attempt(
    q,
    `update public.unit_assessment set criteria_missing = '{}', criteria_met = '{1,2,3}', tier = 'chua_dat'
     where unit_code = $1 and year = $2`,
    [code, year],
  );

describe('an editor of district A', () => {
  const editorA = districtEditor(A);

  it('changes a commune of A', async () => {
    const r = await asRole(db.api, editorA, async (q) => {
      const result = await setCriteria(q, UNIT_A);
      const after = await q(
        `select criteria_met from public.unit_assessment where unit_code = $1 and year = 2024`,
        [UNIT_A],
      );
      return { result, after: after.rows[0] };
    });
    expect(r.result).toEqual({ ok: true, rowCount: 1 });
    expect(r.after).toEqual({ criteria_met: [1, 2, 3] });
  });

  it('is refused for a commune of district B: update and delete touch nothing, insert is rejected', async () => {
    const r = await asRole(db.api, editorA, async (q) => ({
      update: await setCriteria(q, UNIT_B),
      delete: await attempt(q, `delete from public.unit_assessment where unit_code = $1`, [UNIT_B]),
      // A year without a row for B, so only RLS can refuse it.
      insert: await attempt(
        q,
        `insert into public.unit_assessment (unit_code, year, tier, source) values ($1, 2030, 'chua_dat', 'x')`,
        [UNIT_B],
      ),
      // Moving a row of A into B is refused by the policy's WITH CHECK.
      move: await attempt(
        q,
        `update public.unit_assessment set unit_code = $2 where unit_code = $1 and year = 2016`,
        [UNIT_A, '03412'],
      ),
    }));
    expect(r.update).toEqual({ ok: true, rowCount: 0 });
    expect(r.delete).toEqual({ ok: true, rowCount: 0 });
    expect(r.insert).toMatchObject({ ok: false, code: '42501' });
    expect(r.move).toMatchObject({ ok: false, code: '42501' });
    const untouched = await db.admin.query(
      `select count(*)::int as n from public.unit_assessment where unit_code = $1 and criteria_met = '{1,2,3}'`,
      [UNIT_B],
    );
    expect(untouched.rows[0]).toEqual({ n: 0 });
  });

  it('cannot write units of the 2025 vintage (no districts): only province-scope editors can', async () => {
    const district = await asRole(db.api, editorA, (q) => setCriteria(q, UNIT_2026, 2026));
    expect(district).toEqual({ ok: true, rowCount: 0 });
    const province = await asRole(db.api, PROVINCE_EDITOR, (q) => setCriteria(q, UNIT_2026, 2026));
    expect(province).toEqual({ ok: true, rowCount: 1 });
  });

  it("writes its own district's status but not another district's, nor any target figure (issue 13)", async () => {
    const r = await asRole(db.api, editorA, async (q) => ({
      own: await attempt(q, `update public.district_status set ntm = ntm where district_code = $1`, [A]),
      other: await attempt(q, `update public.district_status set ntm = ntm where district_code = '106'`),
      province: await attempt(
        q,
        `insert into public.indicator_observation (target_id, year, value, source) values ('T2', 2026, 30, 'x')`,
      ),
      districtIndicator: await attempt(
        q,
        `insert into public.indicator_observation (target_id, year, district_code, value, source)
         values ('T3a', 2026, $1, 2.5, 'x')`,
        [A],
      ),
    }));
    expect(r.own).toEqual({ ok: true, rowCount: 10 }); // 2016–2025
    expect(r.other).toEqual({ ok: true, rowCount: 0 });
    expect(r.province).toMatchObject({ ok: false, code: '42501' });
    // Target figures are the province's, a district's breakdown included: province editors only.
    expect(r.districtIndicator).toMatchObject({ ok: false, code: '42501' });
  });

  it('reads drafts of its scope only', async () => {
    const drafts = async (claims: Parameters<typeof asRole>[1]) =>
      asRole(
        db.api,
        claims,
        async (q) =>
          (await q(`select count(*)::int as n from public.unit_assessment where not published`)).rows[0],
      );
    expect(await drafts(editorA)).toEqual({ n: 0 }); // the drafts are 2026 units: province scope
    expect(await drafts(PROVINCE_EDITOR)).toEqual({ n: 2 });
    expect(await drafts(districtEditor('110'))).toEqual({ n: 0 });
    const thanUyen = await asRole(
      db.api,
      districtEditor('110'),
      async (q) =>
        (await q(`select count(*)::int as n from public.district_status where not published`)).rows[0],
    );
    expect(thanUyen).toEqual({ n: 1 });
  });
});

describe('other signed-in users', () => {
  it('without the editor role cannot write anything', async () => {
    const r = await asRole(db.api, USER, async (q) => ({
      update: await setCriteria(q, UNIT_A),
      insert: await attempt(
        q,
        `insert into public.unit_assessment (unit_code, year, tier, source) values ($1, 2030, 'chua_dat', 'x')`,
        [UNIT_B],
      ),
      truncate: await attempt(q, `truncate public.unit_assessment`),
    }));
    expect(r.update).toEqual({ ok: true, rowCount: 0 });
    expect(r.insert).toMatchObject({ ok: false, code: '42501' });
    expect(r.truncate).toMatchObject({ ok: false, code: '42501' });
  });

  it('with a malformed district list get no scope', async () => {
    const odd = {
      ...USER,
      sub: '00000000-0000-4000-8000-0000000000dd',
      email: 'danh.sach.hong@example.vn',
      app_metadata: { role: 'editor', districts: '105' },
    };
    const r = await asRole(db.api, odd, (q) => setCriteria(q, UNIT_A));
    expect(r).toEqual({ ok: true, rowCount: 0 });
  });

  it('a province-scope editor writes anywhere', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => [
      await setCriteria(q, UNIT_A),
      await setCriteria(q, UNIT_B),
    ]);
    expect(r).toEqual([
      { ok: true, rowCount: 1 },
      { ok: true, rowCount: 1 },
    ]);
  });
});

describe('validation', () => {
  it('refuses bad assessments with a clear Vietnamese message', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => ({
      range: await attempt(
        q,
        `update public.unit_assessment set criteria_met = '{20}' where unit_code = $1 and year = 2024`,
        [UNIT_A],
      ),
      both: await attempt(
        q,
        `update public.unit_assessment set criteria_met = '{1,2}', criteria_missing = '{2}' where unit_code = $1 and year = 2024`,
        [UNIT_A],
      ),
      vintage: await attempt(
        q,
        `insert into public.unit_assessment (vintage, unit_code, year, tier, source) values ('2016', $1, 2024, 'chua_dat', 'x')`,
        [UNIT_A],
      ),
      unknown: await attempt(
        q,
        `insert into public.unit_assessment (unit_code, year, tier, source) values ('99999', 2030, 'chua_dat', 'x')`,
      ),
      wardTier: await attempt(
        q,
        `update public.unit_assessment set tier = 'dat_chuan', urban_status = null where unit_code = '03386' and year = 2024`,
      ),
      noSource: await attempt(
        q,
        `update public.unit_assessment set illustrative = false, source = null where unit_code = $1 and year = 2024`,
        [UNIT_A],
      ),
    }));
    expect(r.range).toMatchObject({
      ok: false,
      message: expect.stringContaining('Tiêu chí ngoài bộ 2021-2025'),
    });
    expect(r.both).toMatchObject({ ok: false, message: expect.stringContaining('vừa đạt vừa chưa đạt') });
    expect(r.vintage).toMatchObject({
      ok: false,
      message: expect.stringContaining('thuộc bộ ranh giới 2020'),
    });
    expect(r.unknown).toMatchObject({
      ok: false,
      message: expect.stringContaining('Mã đơn vị không xác định'),
    });
    expect(r.wardTier).toMatchObject({ ok: false, message: expect.stringContaining('Phường/thị trấn') });
    expect(r.noSource).toMatchObject({ ok: false, code: '23514' });
  });

  it('derives the vintage from the year and normalises the criteria lists', async () => {
    const row = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      await q(
        `insert into public.unit_assessment (unit_code, year, tier, criteria_met, criteria_missing, illustrative)
         values ($1, 2027, 'chua_dat', '{5,1,5,3}', '{2}', true)`,
        [UNIT_2026],
      );
      return (
        await q(
          `select vintage, criteria_met, criteria_missing from public.unit_assessment where unit_code = $1 and year = 2027`,
          [UNIT_2026],
        )
      ).rows[0];
    });
    expect(row).toEqual({ vintage: '2025', criteria_met: [1, 3, 5], criteria_missing: [2] });
  });
});
