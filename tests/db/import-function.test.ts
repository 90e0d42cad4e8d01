/**
 * public.import_assessments(p_year, p_rows, p_meta) and the change-history view public.unit_change,
 * on the real migrated database, as Supabase's API roles (every transaction rolled back).
 */
import { describe, expect, it } from 'vitest';
import type { ImportPayloadRow } from '../../src/lib/import/rows';
import {
  ANON,
  PROVINCE_EDITOR,
  SERVICE,
  USER,
  asRole,
  attempt,
  districtEditor,
  useClients,
  type Query,
} from './helpers';

const db = useClients();

// 2020 vintage: Xã San Thàng and Xã Sùng Phài (TP Lai Châu, 105), Xã Bản Bo (Tam Đường, 106),
// Phường Tân Phong (105). 2025 vintage: Xã Khổng Lào (no district).
const SAN_THANG = '03409';
const SUNG_PHAI = '03403';
const BAN_BO = '03424';
const TAN_PHONG = '03387';
const KHONG_LAO = '03583';

const META = {
  source: 'Báo cáo kiểm thử 01/BC-UBND',
  source_date: '2024-12-20',
  illustrative: false,
  published: true,
};

function xa(code: string, row: number, met: number[], tier = 'chua_dat'): ImportPayloadRow {
  const missing = Array.from({ length: 19 }, (_, i) => i + 1).filter((n) => !met.includes(n));
  return {
    row,
    code,
    criteria_met: met,
    criteria_missing: missing,
    tier: tier as ImportPayloadRow['tier'],
    urban_status: null,
    decision_no: null,
    decision_date: null,
  };
}
const ALL = Array.from({ length: 19 }, (_, i) => i + 1);

const call = (q: Query, year: number, rows: unknown, meta: unknown = META) =>
  q<{ r: Record<string, unknown> }>(`select public.import_assessments($1, $2::json, $3::json) as r`, [
    year,
    JSON.stringify(rows),
    JSON.stringify(meta),
  ]).then((x) => x.rows[0]!.r);

const tryCall = (q: Query, year: number, rows: unknown, meta: unknown = META) =>
  attempt(q, `select public.import_assessments($1, $2::json, $3::json)`, [
    year,
    JSON.stringify(rows),
    JSON.stringify(meta),
  ]);

const stateOf = (q: Query) =>
  q<{ n: number; digest: string; audits: number }>(
    `select (select count(*)::int from public.unit_assessment) as n,
            (select md5(string_agg(t::text, '|' order by vintage, unit_code, year)) from public.unit_assessment t) as digest,
            (select count(*)::int from public.audit_log) as audits`,
  ).then((r) => r.rows[0]!);

describe('import_assessments: writes, with the caller’s rights', () => {
  it('a province editor writes a year: counts, normalised rows, provenance, one audit row per written row', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      const result = await call(q, 2024, [
        xa(SAN_THANG, 2, [...ALL].reverse(), 'nang_cao'),
        xa(BAN_BO, 3, [1, 2, 3]),
        {
          row: 4,
          code: TAN_PHONG,
          criteria_met: [],
          criteria_missing: [],
          tier: null,
          urban_status: 'dat_chuan',
          decision_no: '12/QĐ-UBND',
          decision_date: '2024-11-30',
        },
      ]);
      const rows = await q(
        `select unit_code, tier, urban_status, criteria_met, criteria_missing, decision_no, decision_date,
                source, source_date, illustrative, published
         from public.unit_assessment where year = 2024 and unit_code = any($1) order by unit_code`,
        [[SAN_THANG, BAN_BO, TAN_PHONG]],
      );
      const audit = await q(
        `select operation, code, year, actor_email, new_row from public.unit_change
         where year = 2024 and code = any($1) order by id desc limit 3`,
        [[SAN_THANG, BAN_BO, TAN_PHONG]],
      );
      return { result, rows: rows.rows, audit: audit.rows };
    });
    // The seed already holds 2024 rows for these units: all three are updates.
    expect(r.result).toEqual({
      year: 2024,
      vintage: '2020',
      framework: '2021-2025',
      inserted: 0,
      updated: 3,
      unchanged: 0,
      total: 3,
    });
    expect(r.rows).toHaveLength(3);
    const byCode = Object.fromEntries(r.rows.map((x) => [x.unit_code, x]));
    expect(byCode[SAN_THANG]).toMatchObject({ tier: 'nang_cao', criteria_met: ALL, criteria_missing: [] });
    expect(byCode[BAN_BO]).toMatchObject({ tier: 'chua_dat', criteria_met: [1, 2, 3] });
    expect(byCode[TAN_PHONG]).toMatchObject({
      tier: null,
      urban_status: 'dat_chuan',
      decision_no: '12/QĐ-UBND',
      decision_date: '2024-11-30',
    });
    for (const x of r.rows) {
      expect(x).toMatchObject({
        source: META.source,
        source_date: META.source_date,
        illustrative: false,
        published: true,
      });
    }
    expect(r.audit).toHaveLength(3);
    for (const a of r.audit) {
      expect(a).toMatchObject({ operation: 'UPDATE', year: 2024, actor_email: PROVINCE_EDITOR.email });
      expect((a.new_row as { source: string }).source).toBe(META.source);
    }
  });

  it('re-importing the same rows changes nothing and writes no audit row', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      const rows = [xa(SAN_THANG, 2, ALL, 'dat_chuan'), xa(BAN_BO, 3, [4, 5])];
      const first = await call(q, 2024, rows);
      const before = await stateOf(q);
      const second = await call(q, 2024, rows);
      const after = await stateOf(q);
      return { first, second, before, after };
    });
    expect(r.first).toMatchObject({ updated: 2, unchanged: 0 });
    expect(r.second).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(r.after).toEqual(r.before);
  });

  it('inserts rows for a year without data (2030, the 38 units of the 2025 vintage, 10 criteria)', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, (q) =>
      call(q, 2030, [
        { row: 2, code: KHONG_LAO, criteria_met: [1, 2], criteria_missing: [3], tier: 'chua_dat' },
      ]),
    );
    expect(r).toMatchObject({ vintage: '2025', framework: '2026-2030', inserted: 1, total: 1 });
  });

  it('a district editor writes its own district', async () => {
    const r = await asRole(db.api, districtEditor('105'), (q) =>
      call(q, 2024, [xa(SAN_THANG, 2, ALL, 'dat_chuan'), xa(SUNG_PHAI, 3, [1])]),
    );
    expect(r).toMatchObject({ total: 2 });
  });
});

describe('import_assessments: refusals leave the database unchanged', () => {
  it('a district editor is refused for a unit outside its district, naming it, and nothing is written', async () => {
    const r = await asRole(db.api, districtEditor('105'), async (q) => {
      const before = await stateOf(q);
      const result = await tryCall(q, 2024, [xa(SAN_THANG, 2, ALL, 'dat_chuan'), xa(BAN_BO, 3, [1])]);
      return { before, result, after: await stateOf(q) };
    });
    expect(r.result).toMatchObject({ ok: false, code: '42501' });
    expect(r.result.ok || r.result.message).toContain('Ngoài phạm vi biên tập của bạn, không ghi gì: 03424');
    expect(r.after).toEqual(r.before);
  });

  it('a district editor cannot write the 2025 vintage (no districts)', async () => {
    const r = await asRole(db.api, districtEditor('105'), (q) =>
      tryCall(q, 2026, [
        { row: 2, code: KHONG_LAO, criteria_met: [1], criteria_missing: [], tier: 'chua_dat' },
      ]),
    );
    expect(r).toMatchObject({ ok: false, code: '42501' });
  });

  it('anon may not call it at all; a signed-in user without the editor role is refused with a message', async () => {
    const anon = await asRole(db.api, ANON, (q) => tryCall(q, 2024, [xa(SAN_THANG, 2, [1])]));
    expect(anon).toMatchObject({
      ok: false,
      code: '42501',
      message: expect.stringContaining('permission denied'),
    });
    const user = await asRole(db.api, USER, (q) => tryCall(q, 2024, [xa(SAN_THANG, 2, [1])]));
    expect(user).toMatchObject({
      ok: false,
      code: '42501',
      message: expect.stringContaining('Chỉ biên tập viên đã đăng nhập mới được nhập dữ liệu'),
    });
  });

  it('service_role (the CLI with a service key) writes anywhere', async () => {
    const r = await asRole(db.api, SERVICE, (q) =>
      call(q, 2024, [xa(SAN_THANG, 2, [1]), xa(BAN_BO, 3, [2])]),
    );
    expect(r).toMatchObject({ total: 2 });
  });

  it.each([
    [
      'no source and not illustrative',
      2024,
      [xa(SAN_THANG, 2, [1])],
      { source: null, illustrative: false },
      'Cần ghi nguồn số liệu',
    ],
    ['a year without framework', 2031, [xa(SAN_THANG, 2, [1])], META, 'Năm 2031 không được hỗ trợ'],
    ['an empty list', 2024, [], META, 'Không có dòng nào để nhập'],
    ['not a list', 2024, { code: SAN_THANG }, META, 'Không có dòng nào để nhập'],
    [
      'duplicate codes',
      2024,
      [xa(SAN_THANG, 2, [1]), xa(SAN_THANG, 3, [2])],
      META,
      'Mã đơn vị bị lặp trong tệp: 03409',
    ],
    [
      'a bad source date',
      2024,
      [xa(SAN_THANG, 2, [1])],
      { ...META, source_date: '31/02/2024' },
      'Thông tin nguồn không hợp lệ',
    ],
  ])('refuses %s', async (_, year, rows, meta, message) => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      const before = await stateOf(q);
      const result = await tryCall(q, year, rows, meta);
      return { before, result, after: await stateOf(q) };
    });
    expect(r.result).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    expect(r.after).toEqual(r.before);
  });

  it('a row the database refuses names its spreadsheet row and undoes the rows before it', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      const before = await stateOf(q);
      const result = await tryCall(q, 2024, [
        xa(SAN_THANG, 2, [1, 2]),
        xa(BAN_BO, 3, [1, 2, 3]),
        // Row 4: a ward with NTM criteria, refused by the assessment trigger.
        {
          row: 4,
          code: TAN_PHONG,
          criteria_met: [1],
          criteria_missing: [],
          tier: null,
          urban_status: 'dat_chuan',
        },
        xa(SUNG_PHAI, 5, [1]),
      ]);
      return { before, result, after: await stateOf(q) };
    });
    expect(r.result).toMatchObject({
      ok: false,
      code: '23514',
      message: expect.stringMatching(
        /^Dòng 4 \(mã 03387\): Phường\/thị trấn 03387 không xét tiêu chí nông thôn mới/,
      ),
    });
    expect(r.after).toEqual(r.before);
  });
});

describe('change history (unit_change)', () => {
  it('an editor sees the history of its scope with old and new values; anon sees nothing', async () => {
    const editor = districtEditor('105');
    const r = await asRole(db.api, editor, async (q) => {
      await call(q, 2024, [xa(SAN_THANG, 2, [1, 2, 3])]);
      await call(q, 2024, [xa(SAN_THANG, 2, [1, 2, 3, 4])]);
      const mine = await q(
        `select operation, actor_email, old_row->'criteria_met' as old_met, new_row->'criteria_met' as new_met
         from public.unit_change where code = $1 and year = 2024 order by id desc limit 2`,
        [SAN_THANG],
      );
      const other = await q(`select count(*)::int as n from public.unit_change where code = $1`, [BAN_BO]);
      return { mine: mine.rows, other: other.rows[0] };
    });
    expect(r.mine).toEqual([
      { operation: 'UPDATE', actor_email: editor.email, old_met: [1, 2, 3], new_met: [1, 2, 3, 4] },
      { operation: 'UPDATE', actor_email: editor.email, old_met: expect.any(Array), new_met: [1, 2, 3] },
    ]);
    expect(r.other).toEqual({ n: 0 });
    const anon = await asRole(db.api, ANON, (q) => attempt(q, `select * from public.unit_change limit 1`));
    expect(anon).toMatchObject({ ok: false, code: '42501' });
  });
});
