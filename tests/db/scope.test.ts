/**
 * Issue 13, items 2 and 4, as attacks on the real database: saving does not publish or erase
 * provenance; target figures are the province's; locked years; a removed editor loses rights at the
 * next request; service_role reads the summaries; every audit row names its writer.
 */
import { describe, expect, it } from 'vitest';
import {
  PROVINCE_EDITOR,
  SERVICE,
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
const DRAFT_2026 = `select unit_code from public.unit_assessment where year = 2026 and not published order by unit_code limit 1`;

const importCall = (q: Query, year: number, rows: unknown[], meta: unknown) =>
  attempt(q, `select public.import_assessments($1, $2::json, $3::json)`, [
    year,
    JSON.stringify(rows),
    JSON.stringify(meta),
  ]);

const rowOf = (code: string, met: number[], total: number) => ({
  row: 2,
  code,
  criteria_met: met,
  criteria_missing: Array.from({ length: total }, (_, i) => i + 1).filter((n) => !met.includes(n)),
  tier: 'chua_dat',
  urban_status: null,
  decision_no: null,
  decision_date: null,
});

const stored = (q: Query, code: string, year: number) =>
  q<{ published: boolean; source: string | null; source_url: string | null; source_date: string | null }>(
    `select published, source, source_url, source_date from public.unit_assessment where unit_code = $1 and year = $2`,
    [code, year],
  ).then((r) => r.rows[0]!);

describe('item 2: saving keeps the published state and provenance', () => {
  it('an edit that states neither publishing nor the link keeps a draft a draft, with its link and date', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      const code = (await q<{ unit_code: string }>(DRAFT_2026)).rows[0]!.unit_code;
      await q(
        `update public.unit_assessment set source = 'Báo cáo 5/BC', source_url = 'https://laichau.gov.vn/bc5',
           source_date = '2026-01-10', illustrative = false where unit_code = $1 and year = 2026`,
        [code],
      );
      const before = await stored(q, code, 2026);
      const save = await importCall(q, 2026, [rowOf(code, [1, 2], 10)], { source: 'Báo cáo 5/BC' });
      const after = await stored(q, code, 2026);
      const publish = await importCall(q, 2026, [rowOf(code, [1, 2], 10)], { published: true });
      return { before, save, after, publish, published: await stored(q, code, 2026) };
    });
    expect(r.before).toMatchObject({ published: false, source_url: 'https://laichau.gov.vn/bc5' });
    expect(r.save).toMatchObject({ ok: true });
    expect(r.after).toEqual(r.before);
    // Publishing is its own, explicit statement.
    expect(r.publish).toMatchObject({ ok: true });
    expect(r.published).toEqual({ ...r.before, published: true });
  });

  it('a new row is a draft unless the call publishes it', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      await q(`delete from public.unit_assessment where unit_code = $1 and year = 2024`, [SAN_THANG]);
      await importCall(q, 2024, [rowOf(SAN_THANG, [1], 19)], { source: 'Báo cáo 6/BC' });
      return stored(q, SAN_THANG, 2024);
    });
    expect(r).toMatchObject({ published: false, source: 'Báo cáo 6/BC', source_url: null });
  });
});

describe('item 4: scope', () => {
  it('a district editor cannot write target figures, not even its own district’s', async () => {
    const r = await asRole(db.admin, districtEditor('105'), async (q) => ({
      insert: await attempt(
        q,
        `insert into public.indicator_observation (target_id, year, district_code, value, source)
         values ('T3a', 2025, '105', 1, 'x')`,
      ),
      update: await attempt(
        q,
        `update public.indicator_observation set value = value + 1 where district_code = '105'`,
      ),
      delete: await attempt(q, `delete from public.indicator_observation`),
    }));
    expect(r.insert).toMatchObject({ ok: false, code: '42501' });
    expect(r.update).toEqual({ ok: true, rowCount: 0 });
    expect(r.delete).toEqual({ ok: true, rowCount: 0 });
  });

  it('a province editor locks a year: every write to it is refused with a clear message, nothing changes', async () => {
    const district = districtEditor('105');
    await registerUser(db.admin, district);
    const r = await asRole(db.admin, PROVINCE_EDITOR, async (q) => {
      const lockByDistrict = await (async () => {
        await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(district)]);
        const x = await attempt(q, `insert into public.closed_year (year) values (2024)`);
        await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(PROVINCE_EDITOR)]);
        return x;
      })();
      const lock = await attempt(
        q,
        `insert into public.closed_year (year, note) values (2024, 'Đã quyết toán')`,
      );
      await q('reset role');
      const before = await writableDigest(q);
      await q('set local role authenticated');
      const attacks = {
        update: await attempt(q, `update public.unit_assessment set decision_no = 'x' where year = 2024`),
        insert: await attempt(
          q,
          `insert into public.district_status (district_code, year, ntm, source) values ('105', 2024, true, 'x')
           on conflict (vintage, district_code, year) do update set ntm = true`,
        ),
        delete: await attempt(q, `delete from public.statistic_observation where year = 2024`),
        move: await attempt(
          q,
          `update public.unit_assessment set year = 2023 where year = 2024 and unit_code = '${SAN_THANG}'`,
        ),
        import: await importCall(q, 2024, [rowOf(SAN_THANG, [1], 19)], { source: 'x' }),
      };
      await q('reset role');
      const same = JSON.stringify(await writableDigest(q)) === JSON.stringify(before);
      await q('set local role authenticated');
      const reopen = await attempt(q, `delete from public.closed_year where year = 2024`);
      const afterReopen = await attempt(
        q,
        `update public.unit_assessment set decision_no = 'x' where year = 2024 and unit_code = $1`,
        [SAN_THANG],
      );
      return { lockByDistrict, lock, attacks, same, reopen, afterReopen };
    });
    expect(r.lockByDistrict).toMatchObject({ ok: false, code: '42501' });
    expect(r.lock).toEqual({ ok: true, rowCount: 1 });
    for (const [name, outcome] of Object.entries(r.attacks)) {
      expect(outcome, name).toMatchObject({
        ok: false,
        code: '55000',
        message: expect.stringContaining('Năm 2024 đã khóa sổ'),
      });
    }
    expect(r.same).toBe(true);
    expect(r.reopen).toEqual({ ok: true, rowCount: 1 });
    expect(r.afterReopen).toEqual({ ok: true, rowCount: 1 });
  });

  it('removing an editor takes effect at their next request, though their token still says editor', async () => {
    const leaving: Claims = {
      role: 'authenticated',
      sub: '00000000-0000-4000-8000-00000000e13d',
      email: 'bien.tap.nghi.viec@example.vn',
      app_metadata: { role: 'editor', districts: ['105'] },
    };
    const write = (q: Query) =>
      attempt(q, `update public.unit_assessment set decision_no = 'x' where unit_code = $1 and year = 2024`, [
        SAN_THANG,
      ]);
    try {
      const before = await asRole(db.api, leaving, write);
      // The administrator removes the role in Auth (README: update auth.users ... raw_app_meta_data).
      await db.admin.query(`update auth.users set raw_app_meta_data = '{}' where id = $1`, [leaving.sub]);
      const after = await asRole(
        db.api,
        leaving,
        async (q) => ({
          update: await write(q),
          drafts: (await q(`select count(*)::int as n from public.unit_assessment where not published`))
            .rows[0],
          import: await importCall(q, 2024, [rowOf(SAN_THANG, [1], 19)], { source: 'x' }),
        }),
        { staleToken: true },
      );
      expect(before).toEqual({ ok: true, rowCount: 1 });
      expect(after.update).toEqual({ ok: true, rowCount: 0 });
      expect(after.drafts).toEqual({ n: 0 });
      expect(after.import).toMatchObject({
        ok: false,
        code: '42501',
        message: expect.stringContaining('Chỉ biên tập viên'),
      });
    } finally {
      await db.admin.query(`delete from auth.users where id = $1`, [leaving.sub]);
    }
    const gone = await db.admin.query(`select count(*)::int as n from private.editor where user_id = $1`, [
      leaving.sub,
    ]);
    expect(gone.rows[0]).toEqual({ n: 0 });
  });

  it('service_role reads the summary views', async () => {
    const r = await asRole(db.api, SERVICE, async (q) => ({
      province: (await q(`select count(*)::int as n from public.province_summary`)).rows[0],
      district: (await q(`select count(*)::int as n from public.district_summary`)).rows[0],
      indicators: (await q(`select count(*)::int as n from public.indicator_value`)).rows[0],
    }));
    expect(r.province!.n).toBeGreaterThan(10);
    expect(r.district!.n).toBeGreaterThan(50);
    expect(r.indicators!.n).toBeGreaterThan(10);
  });
});

describe('item 4: every audit row names who wrote it', () => {
  const lastActor = (q: Query) =>
    q<{ actor: string }>(`select actor from public.audit_log order by id desc limit 1`).then(
      (r) => r.rows[0]!.actor,
    );
  const touch = `update public.unit_assessment set decision_no = 'QĐ 9' where unit_code = '${SAN_THANG}' and year = 2024`;

  it('an editor by their email; the service key by the X-Actor header; the CLI by app.actor or the database user', async () => {
    const editor = await asRole(db.admin, districtEditor('105'), async (q) => {
      await q(touch);
      await q('reset role');
      return lastActor(q);
    });
    const service = await asRole(db.admin, SERVICE, async (q) => {
      await q(`select set_config('request.headers', $1, true)`, [
        JSON.stringify({ 'x-actor': encodeURIComponent('Lò Văn Minh') }),
      ]);
      await q(touch);
      await q('reset role');
      return lastActor(q);
    });
    const owner = async (actor?: string) => {
      await db.admin.query('begin');
      try {
        if (actor) await db.admin.query(`select set_config('app.actor', $1, true)`, [actor]);
        await db.admin.query(touch.replace('QĐ 9', actor ?? 'QĐ 10'));
        return await lastActor(db.admin.query.bind(db.admin) as Query);
      } finally {
        await db.admin.query('rollback');
      }
    };
    expect(editor).toBe(districtEditor('105').email);
    expect(service).toBe('Lò Văn Minh');
    expect(await owner('Nguyễn Văn A (sở NN&PTNT)')).toBe('Nguyễn Văn A (sở NN&PTNT)');
    expect(await owner()).toBe('postgres');
    const unnamed = await db.admin.query(
      `select count(*)::int as n from public.audit_log where actor is null or actor = ''`,
    );
    expect(unnamed.rows[0]).toEqual({ n: 0 });
  });
});
