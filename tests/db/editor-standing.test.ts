/**
 * Issue 20, item 3: a banned (auth.users.banned_until in the future, 'infinity' included) or
 * soft-deleted (deleted_at set) editor loses the right to write at the next request, like an editor
 * whose role was removed, even with a token that still says "editor". Each refusal leaves the writable
 * tables byte-identical.
 */
import { describe, expect, it } from 'vitest';
import {
  asRole,
  attempt,
  registerUser,
  useClients,
  writableDigest,
  type Claims,
  type Query,
} from './helpers';

const db = useClients();

const SAN_THANG = '03409'; // xã of district 105 (2020 vintage)

/** A district-105 editor of its own (the ban is set inside the test's transaction, then rolled back). */
const EDITOR: Claims = {
  role: 'authenticated',
  sub: '00000000-0000-4000-8000-0000000b0105',
  email: 'bi.cam@example.vn',
  app_metadata: { role: 'editor', districts: ['105'] },
};

const WRITES: [string, (q: Query) => ReturnType<typeof attempt>][] = [
  [
    'the import',
    (q) =>
      attempt(q, `select public.import_assessments(2024, $1::json, $2::json)`, [
        JSON.stringify([
          { row: 2, code: SAN_THANG, criteria_met: [1], criteria_missing: [], tier: 'chua_dat' },
        ]),
        JSON.stringify({ source: 'Báo cáo' }),
      ]),
  ],
  [
    'an update',
    (q) =>
      attempt(q, `update public.unit_assessment set source = 'Sửa' where unit_code = $1 and year = 2024`, [
        SAN_THANG,
      ]),
  ],
  [
    'an insert',
    (q) =>
      attempt(
        q,
        `insert into public.statistic_observation (series_id, year, district_code, value, source)
         values ((select id from public.statistic_series order by id limit 1), 2001, '105', 1, 'Báo cáo')`,
      ),
  ],
  [
    'a delete',
    (q) => attempt(q, `delete from public.unit_assessment where unit_code = $1 and year = 2024`, [SAN_THANG]),
  ],
];

/** Sets the user's standing as Supabase Auth would, then runs `write` as that user. */
async function writeAs(standing: string, write: (q: Query) => ReturnType<typeof attempt>) {
  await registerUser(db.admin, EDITOR);
  return asRole(db.admin, EDITOR, async (q) => {
    await q('reset role');
    await q(`update auth.users set ${standing} where id = $1`, [EDITOR.sub]);
    const before = JSON.stringify(await writableDigest(q));
    await q('set local role authenticated');
    const outcome = await write(q);
    await q('reset role');
    const same = JSON.stringify(await writableDigest(q)) === before;
    await q('set local role authenticated');
    return { outcome, same };
  });
}

/** Refused means: an error, or (an UPDATE/DELETE hidden by row level security) no row changed. */
const wasRefused = (o: Awaited<ReturnType<typeof attempt>>) => !o.ok || o.rowCount === 0;

describe('banned or deleted editors cannot write', () => {
  for (const [label, standing] of [
    ['banned for good', `banned_until = 'infinity'`],
    ['banned until tomorrow', `banned_until = now() + interval '1 day'`],
    ['soft-deleted', `deleted_at = now() - interval '1 hour'`],
  ] as const) {
    it.each(WRITES)(`${label}: %s is refused and changes nothing`, async (_, write) => {
      const r = await writeAs(standing, write);
      expect(wasRefused(r.outcome)).toBe(true);
      expect(r.same).toBe(true);
    });
  }

  it('the import names the reason in Vietnamese', async () => {
    const r = await writeAs(`banned_until = 'infinity'`, WRITES[0]![1]);
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '42501',
      message: expect.stringContaining('Chỉ biên tập viên đã đăng nhập mới được nhập dữ liệu'),
    });
  });

  it('a ban that has ended, or none, leaves the right to write (each write above changes a row)', async () => {
    for (const standing of [
      `banned_until = now() - interval '1 minute'`,
      `banned_until = null, deleted_at = null`,
    ]) {
      for (const [, write] of WRITES) {
        const r = await writeAs(standing, write);
        expect(r.outcome).toEqual({ ok: true, rowCount: 1 });
        expect(r.same).toBe(false);
      }
    }
  });

  it('the registry follows the ban and its end', async () => {
    await registerUser(db.admin, EDITOR);
    const standing = await asRole(db.admin, EDITOR, async (q) => {
      const editor = () => q<{ e: boolean }>('select private.is_editor() as e').then((r) => r.rows[0]!.e);
      const seen = [await editor()];
      await q('reset role');
      await q(`update auth.users set banned_until = 'infinity' where id = $1`, [EDITOR.sub]);
      await q('set local role authenticated');
      seen.push(await editor());
      await q('reset role');
      await q(`update auth.users set banned_until = null where id = $1`, [EDITOR.sub]);
      await q('set local role authenticated');
      seen.push(await editor());
      return seen;
    });
    expect(standing).toEqual([true, false, true]);
  });
});
