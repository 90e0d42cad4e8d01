/**
 * Issue 20, item 8: the audit's actor. A huge X-Actor header cost seconds inside the per-row audit
 * trigger (percent_decode was quadratic); a blank email gave a blank actor; an over-long email failed
 * every write with a bare constraint name; line feeds, RLO and formulas were stored as the actor; and
 * a province editor could name anyone as the one who locked a year.
 */
import { describe, expect, it } from 'vitest';
import {
  PROVINCE_EDITOR,
  SERVICE,
  asRole,
  attempt,
  districtEditor,
  useClients,
  type Claims,
  type Query,
} from './helpers';
import { SAN_THANG, refused } from './refused';

const db = useClients();

const touch = (q: Query) =>
  attempt(q, `update public.unit_assessment set decision_no = 'QĐ 20' where unit_code = $1 and year = 2024`, [
    SAN_THANG,
  ]);
const lastActor = async (q: Query) => {
  await q('reset role');
  return (await q<{ actor: string }>(`select actor from public.audit_log order by id desc limit 1`)).rows[0]!
    .actor;
};
/** A district-105 editor of its own (registered users are committed: keep the shared ones' emails intact). */
let editors = 0;
const editorWithEmail = (email: string): Claims => ({
  ...districtEditor('105'),
  sub: `00000000-0000-4000-8000-${String(2000 + ++editors).padStart(12, '0')}`,
  email,
});
const withHeader = (actor: string) => (q: Query) =>
  q(`select set_config('request.headers', $1, true)`, [JSON.stringify({ 'x-actor': actor })]);

describe('item 8: the audit actor', () => {
  it('a 32,000-character X-Actor is refused at once, with a message, before any decoding', async () => {
    const header = '%E1%BB%85'.repeat(3556).slice(0, 32_000);
    const started = performance.now();
    const r = await refused(db.admin, SERVICE, touch, withHeader(header));
    const ms = performance.now() - started;
    console.log(`[figure] one-row write with a 32,000-character X-Actor: ${ms.toFixed(0)} ms (refused)`);
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '22001',
      message: expect.stringContaining('Tên người ghi (X-Actor, --actor) dài 32000 ký tự, tối đa 3840'),
    });
    expect(r.same).toBe(true);
  });

  it('decodes in one pass: 32,000 characters of escapes, and the longest header accepted', async () => {
    const started = performance.now();
    const r = await db.admin.query<{ n: number }>(`select char_length(private.percent_decode($1)) as n`, [
      '%E1%BB%85'.repeat(10_667),
    ]);
    console.log(
      `[figure] private.percent_decode of 96,003 characters (32,001 escapes): ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(r.rows[0]!.n).toBe(10_667);
    // 320 Vietnamese letters of 3 bytes, percent-encoded: 2,880 characters, under the cap, stored decoded.
    const name = 'Nguyễn Thị Ánh Tuyết '.repeat(15).slice(0, 320).trim();
    const stored = await asRole(db.admin, SERVICE, async (q) => {
      await withHeader(encodeURIComponent(name))(q);
      expect(await touch(q)).toMatchObject({ ok: true });
      return lastActor(q);
    });
    expect(stored).toBe(name);
  });

  it('a blank email counts as absent: the actor is the user id, never blank', async () => {
    const blank = editorWithEmail(' \u00a0 ');
    const actor = await asRole(db.admin, blank, async (q) => {
      expect(await touch(q)).toMatchObject({ ok: true });
      return lastActor(q);
    });
    expect(actor).toBe(blank.sub);
  });

  it('an email over 320 characters refuses the write with a message, not a bare constraint name', async () => {
    const long = editorWithEmail(`${'a'.repeat(320)}@example.vn`);
    const r = await refused(db.admin, long, touch);
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '22001',
      message: expect.stringContaining('Người ghi (email) dài 331 ký tự, tối đa 320'),
    });
    expect(r.same).toBe(true);
  });

  it.each([
    ['a line feed', 'Lò Văn Minh\nGiám đốc', 'U+000A'],
    ['RLO', 'Lò Văn \u202eMinh', 'U+202E'],
    ['a formula', '=HYPERLINK("https://evil.example","Lò Văn Minh")', 'không được bắt đầu bằng'],
    ['a full-width formula', '＝1+1', 'không được bắt đầu bằng'],
  ])('an actor with %s is refused, from every source', async (_what, actor, message) => {
    const viaHeader = await refused(db.admin, SERVICE, touch, withHeader(encodeURIComponent(actor)));
    const viaEmail = await refused(db.admin, editorWithEmail(actor), touch);
    const viaSetting = await refused(db.admin, PROVINCE_EDITOR, touch, (q) =>
      q(`select set_config('request.jwt.claims', $1, true), set_config('app.actor', $2, true)`, [
        JSON.stringify({ ...PROVINCE_EDITOR, email: undefined }),
        actor,
      ]),
    );
    for (const [from, r] of [
      ['X-Actor', viaHeader],
      ['email', viaEmail],
      ['app.actor', viaSetting],
    ] as const) {
      expect(r.outcome, from).toMatchObject({
        ok: false,
        code: '23514',
        message: expect.stringContaining(`Người ghi (${from})`),
      });
      expect(r.outcome, from).toMatchObject({ message: expect.stringContaining(message) });
      expect(r.same, from).toBe(true);
    }
  });

  it('closed_year.closed_by and closed_at are the server’s: the locking editor, now', async () => {
    const r = await asRole(db.api, PROVINCE_EDITOR, async (q) => {
      const write = await attempt(
        q,
        `insert into public.closed_year (year, closed_by, closed_at, note)
         values (2023, '00000000-0000-4000-8000-0000000000aa', '2001-01-01', 'Đã quyết toán')`,
      );
      const row = await q<{ closed_by: string; recent: boolean }>(
        `select closed_by, closed_at > now() - interval '1 minute' as recent from public.closed_year where year = 2023`,
      );
      return { write, row: row.rows[0] };
    });
    expect(r.write).toEqual({ ok: true, rowCount: 1 });
    expect(r.row).toEqual({ closed_by: PROVINCE_EDITOR.sub, recent: true });
  });
});
