/**
 * Issue 20, item 1: one upsert (`insert … on conflict do update`, what PostgREST's
 * `Prefer: resolution=merge-duplicates` sends) counts its inserted and updated rows together against
 * the 500-row cap, and an editor writes at most 1000 rows per minute, so many capped statements cannot
 * flood the tables and the audit log. Every refusal leaves the writable tables byte-identical.
 */
import { describe, expect, it } from 'vitest';
import {
  PROVINCE_EDITOR,
  SERVICE,
  asRole,
  attempt,
  districtEditor,
  useClients,
  writableDigest,
  type Claims,
  type Query,
} from './helpers';

const db = useClients();

/** Runs `fn` as `claims` on the superuser connection; `digest()` reads every writable table as the owner. */
function session<T>(claims: Claims, fn: (q: Query, digest: () => Promise<string>) => Promise<T>) {
  return asRole(db.admin, claims, (q) =>
    fn(q, async () => {
      await q('reset role');
      const d = JSON.stringify(await writableDigest(q));
      await q(`set local role ${claims.role}`);
      return d;
    }),
  );
}

/** Rows i = from..to of a statistic series in 2001, by district code; an upsert on the natural key. */
const upsertStatistics = (q: Query, from: number, to: number, value = 1) =>
  attempt(
    q,
    `insert into public.statistic_observation (series_id, year, district_code, value, source)
     select (select id from public.statistic_series order by id limit 1), 2001, lpad(i::text, 3, '0'), $3, 'Báo cáo'
     from generate_series($1::int, $2::int) i
     on conflict (province, series_id, year, district_code) do update set value = excluded.value`,
    [from, to, value],
  );

// Lai Châu's units (issue 21: the database holds Điện Biên's too, outside a Lai Châu editor's scope).
const ATTACKED = `u.province = '12' and ((u.vintage = '2020' and y between 2020 and 2023) or (u.vintage = '2025' and y between 2027 and 2030))`;

describe('one statement’s rows are counted once', () => {
  it('an upsert of 300 new and 300 existing rows is refused as 600 rows', async () => {
    const r = await session(PROVINCE_EDITOR, async (q, digest) => {
      expect(await upsertStatistics(q, 1, 300)).toEqual({ ok: true, rowCount: 300 });
      const before = await digest();
      const outcome = await upsertStatistics(q, 1, 600, 2);
      return { outcome, same: (await digest()) === before };
    });
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '54000',
      message: expect.stringContaining('Một lần ghi tối đa 500 dòng, lần này 600 dòng: không ghi gì'),
    });
    expect(r.same).toBe(true);
  });

  it('the same upsert on unit assessments (the issue’s attack) is refused as a whole', async () => {
    // Every unit of the 2020 vintage in 2020–2023 (sample rows exist: updates) and of the 2025 vintage in
    // 2027–2030 (no rows yet: inserts).
    const r = await session(PROVINCE_EDITOR, async (q, digest) => {
      const counts = await q<{ inserts: number; updates: number }>(
        `select count(*) filter (where a.unit_code is null)::int as inserts, count(a.unit_code)::int as updates
         from public.admin_unit u cross join generate_series(2020, 2030) y
         left join public.unit_assessment a on a.vintage = u.vintage and a.unit_code = u.code and a.year = y
         where ${ATTACKED}`,
      );
      const before = await digest();
      const outcome = await attempt(
        q,
        `insert into public.unit_assessment (vintage, unit_code, year, tier, urban_status, source)
         select u.vintage, u.code, y, case when u.kind = 'xa' then 'chua_dat' end,
                case when u.kind <> 'xa' then 'chua_dat' end, 'Báo cáo tổng hợp'
         from public.admin_unit u cross join generate_series(2020, 2030) y
         where ${ATTACKED}
         on conflict (vintage, unit_code, year) do update set source = excluded.source`,
      );
      return { outcome, same: (await digest()) === before, ...counts.rows[0]! };
    });
    // Each part alone is within the cap (the old count let it through); together they are not.
    expect(r.inserts).toBeLessThanOrEqual(500);
    expect(r.updates).toBeLessThanOrEqual(500);
    expect(r.inserts + r.updates).toBeGreaterThan(500);
    expect(r.outcome).toMatchObject({
      ok: false,
      code: '54000',
      message: expect.stringContaining(`lần này ${r.inserts + r.updates} dòng`),
    });
    expect(r.same).toBe(true);
  });

  it('an upsert of 250 new and 250 existing rows (500 in all) passes', async () => {
    const r = await session(PROVINCE_EDITOR, async (q) => {
      await upsertStatistics(q, 1, 250);
      return upsertStatistics(q, 1, 500, 2);
    });
    expect(r).toEqual({ ok: true, rowCount: 500 });
  });
});

describe('rows per minute', () => {
  it('an editor’s third 500-row statement within a minute is refused; after the minute it passes', async () => {
    const r = await session(districtEditor('105'), async (q, digest) => {
      // District 105's units are few: update its statistic rows repeatedly as a flood would.
      const flood = (n: number) =>
        attempt(
          q,
          `insert into public.statistic_observation (series_id, year, district_code, value, source)
           select (select id from public.statistic_series order by id limit 1), 2000 + i % 31, '105', i, 'Báo cáo'
           from generate_series(1, $1::int) i where i <= 31
           on conflict (province, series_id, year, district_code) do update set value = excluded.value`,
          [n],
        );
      const written: unknown[] = [];
      for (let i = 0; i < 32; i++) written.push(await flood(31)); // 32 × 31 = 992 rows
      const before = await digest();
      const over = await flood(31); // 1023 > 1000
      const same = (await digest()) === before;
      // The window passes (moved back as the owner: the test cannot wait a minute).
      await q('reset role');
      await q(`update private.write_quota set window_start = window_start - interval '61 seconds'`);
      await q('set local role authenticated');
      const later = await flood(31);
      return { written, over, same, later };
    });
    expect(r.written.every((w) => (w as { ok: boolean }).ok)).toBe(true);
    expect(r.over).toMatchObject({
      ok: false,
      code: '54000',
      message: expect.stringContaining(
        'Bạn đã ghi 1023 dòng trong vòng một phút (tối đa 1000 dòng mỗi phút): lần này không ghi gì',
      ),
    });
    expect(r.same).toBe(true);
    expect(r.later).toEqual({ ok: true, rowCount: 31 });
  });

  it('counts an editor’s statements together, across tables, but not a refused write', async () => {
    const r = await session(PROVINCE_EDITOR, async (q) => {
      const outcomes = [];
      outcomes.push(await upsertStatistics(q, 1, 500));
      outcomes.push(await upsertStatistics(q, 1, 501)); // refused by the statement cap: uses no quota
      outcomes.push(
        await attempt(
          q,
          `update public.unit_assessment set source = 'Báo cáo 2' where year between 2020 and 2023`,
        ),
      );
      outcomes.push(await upsertStatistics(q, 1, 500, 3));
      return outcomes;
    });
    expect(r[0]).toEqual({ ok: true, rowCount: 500 });
    expect(r[1]).toMatchObject({ ok: false, message: expect.stringContaining('lần này 501 dòng') });
    expect(r[2]).toMatchObject({ ok: true });
    const updated = (r[2] as { rowCount: number }).rowCount;
    expect(updated).toBeGreaterThan(0);
    expect(updated).toBeLessThanOrEqual(500);
    expect(r[3]).toMatchObject({
      ok: false,
      message: expect.stringContaining(`Bạn đã ghi ${500 + updated + 500} dòng trong vòng một phút`),
    });
  });

  it('service_role (the CLI with the service key) has the statement cap but no rate limit', async () => {
    const r = await session(SERVICE, async (q) => [
      await upsertStatistics(q, 1, 500),
      await upsertStatistics(q, 1, 500, 2),
      await upsertStatistics(q, 1, 500, 3),
      await upsertStatistics(q, 1, 501, 4),
    ]);
    expect(r.slice(0, 3)).toEqual([
      { ok: true, rowCount: 500 },
      { ok: true, rowCount: 500 },
      { ok: true, rowCount: 500 },
    ]);
    expect(r[3]).toMatchObject({ ok: false, message: expect.stringContaining('lần này 501 dòng') });
  });
});
