/**
 * Acting as Supabase's API roles on the real database: a transaction with `set local role` and the JWT
 * claims PostgREST would set, always rolled back. The superuser connection checks what really changed.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import type pg from 'pg';
import { apiSettings, connect } from '../../supabase/tools/embedded-db';

export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export interface Claims {
  role: ApiRole;
  sub?: string;
  email?: string;
  app_metadata?: Record<string, unknown>;
}

export const ANON: Claims = { role: 'anon' };
export const USER: Claims = {
  role: 'authenticated',
  sub: '00000000-0000-4000-8000-000000000001',
  email: 'nguoi.dung@example.vn',
  app_metadata: {},
};
export function districtEditor(...districts: string[]): Claims {
  return {
    role: 'authenticated',
    sub: `00000000-0000-4000-8000-${districts.join('').padStart(12, '0').slice(0, 12)}`,
    email: `bien.tap.${districts.join('-')}@example.vn`,
    app_metadata: { role: 'editor', districts },
  };
}
export const PROVINCE_EDITOR: Claims = {
  role: 'authenticated',
  sub: '00000000-0000-4000-8000-00000000000f',
  email: 'bien.tap.tinh@example.vn',
  app_metadata: { role: 'editor', scope: 'province' },
};
export const SERVICE: Claims = { role: 'service_role' };

/**
 * Makes the database know this user as Supabase Auth would: a row in auth.users with the claims'
 * app_metadata (committed; idempotent). Rights come from the editors registry that mirrors it, not
 * from the JWT, so a token is only as good as the user's current row.
 */
export async function registerUser(admin: pg.Client, claims: Claims): Promise<void> {
  if (!claims.sub) return;
  await admin.query(
    `insert into auth.users (id, email, raw_app_meta_data) values ($1, $2, $3)
     on conflict (id) do update set email = excluded.email, raw_app_meta_data = excluded.raw_app_meta_data`,
    [claims.sub, claims.email ?? null, JSON.stringify(claims.app_metadata ?? {})],
  );
}

let registrar: pg.Client | undefined;

/** One superuser client and one API client (the shim's `authenticator`) per test file. */
export function useClients() {
  const clients: { admin: pg.Client; api: pg.Client } = {} as never;
  beforeAll(async () => {
    const db = inject('pgDb');
    clients.admin = connect(db);
    clients.api = connect(apiSettings(db));
    await Promise.all([clients.admin.connect(), clients.api.connect()]);
    registrar = clients.admin;
  });
  afterAll(async () => {
    await Promise.all([clients.admin?.end(), clients.api?.end()]);
  });
  return clients;
}

/**
 * Runs `fn` inside a transaction as `claims.role` with those JWT claims, then rolls everything back.
 * The user is first registered with the claims' app_metadata (as Auth issues tokens from auth.users),
 * unless `staleToken`: then the token may say more than the database now does.
 */
export async function asRole<T>(
  client: pg.Client,
  claims: Claims,
  fn: (q: Query) => Promise<T>,
  opts: { staleToken?: boolean } = {},
): Promise<T> {
  if (!opts.staleToken && registrar) await registerUser(registrar, claims);
  await client.query('begin');
  try {
    await client.query(`set local role ${claims.role}`);
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
    return await fn(queryIn(client));
  } finally {
    await client.query('rollback');
  }
}

export type Query = <R extends pg.QueryResultRow = Record<string, unknown>>(
  sql: string,
  params?: unknown[],
) => Promise<pg.QueryResult<R>>;

function queryIn(client: pg.Client): Query {
  return (sql, params) => client.query(sql, params);
}

/**
 * Runs one statement inside a savepoint so that a refusal does not abort the surrounding transaction.
 * Returns the error (with its SQLSTATE code) or the affected row count.
 */
export async function attempt(
  q: Query,
  sql: string,
  params?: unknown[],
): Promise<{ ok: true; rowCount: number } | { ok: false; code: string; message: string }> {
  await q('savepoint attempt');
  try {
    const r = await q(sql, params);
    await q('release savepoint attempt');
    return { ok: true, rowCount: r.rowCount ?? 0 };
  } catch (error) {
    await q('rollback to savepoint attempt');
    const e = error as { code?: string; message: string };
    return { ok: false, code: e.code ?? '', message: e.message };
  }
}

/**
 * A fingerprint of every table a write can touch (assessment data, locked years, the audit log): equal
 * fingerprints before and after a refused write mean the database is byte-identical where it matters.
 */
export async function writableDigest(q: Query): Promise<Record<string, string>> {
  const tables = [
    'unit_assessment',
    'district_status',
    'indicator_observation',
    'statistic_observation',
    'closed_year',
    'audit_log',
  ];
  const parts = tables.map(
    (t) => `(select coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from public.${t} x) as ${t}`,
  );
  const r = await q<Record<string, string>>(`select ${parts.join(', ')}`);
  return r.rows[0]!;
}
