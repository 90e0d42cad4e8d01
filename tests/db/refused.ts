/**
 * Runs an attack as `claims` on the superuser connection, with the owner's digest of every writable
 * table taken before and after it in the same transaction (then rolled back): `same` says whether the
 * refused write left them byte-identical. `setup` runs first, as the role (session settings, headers).
 */
import type pg from 'pg';
import { asRole, attempt, writableDigest, type Claims, type Query } from './helpers';

export type Outcome = Awaited<ReturnType<typeof attempt>>;

export async function refused(
  admin: pg.Client,
  claims: Claims,
  attack: (q: Query) => Promise<Outcome>,
  setup?: (q: Query) => Promise<unknown>,
) {
  return asRole(admin, claims, async (q) => {
    const digest = async () => {
      await q('reset role');
      const d = await writableDigest(q);
      await q(`set local role ${claims.role}`);
      return d;
    };
    // Settings first: the digest renders timestamps in the session's time zone.
    if (setup) await setup(q);
    const before = await digest();
    const outcome = await attack(q);
    return { outcome, same: JSON.stringify(await digest()) === JSON.stringify(before) };
  });
}

/** import_assessments as the browser and the CLI call it. */
export const importRows = (q: Query, rows: unknown, meta: unknown, year = 2024) =>
  attempt(q, `select public.import_assessments($1, $2::json, $3::json)`, [
    year,
    JSON.stringify(rows),
    JSON.stringify(meta),
  ]);

/** One unit row of an import (Sàn Thàng, a xã of district 105 in the 2020 vintage). */
export const SAN_THANG = '03409';
export const importRow = (extra: Record<string, unknown> = {}) => ({
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
export const META = { source: 'Báo cáo kiểm thử 20/BC-UBND', illustrative: false };
