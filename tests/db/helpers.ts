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

/** One superuser client and one API client (the shim's `authenticator`) per test file. */
export function useClients() {
  const clients: { admin: pg.Client; api: pg.Client } = {} as never;
  beforeAll(async () => {
    const db = inject('pgDb');
    clients.admin = connect(db);
    clients.api = connect(apiSettings(db));
    await Promise.all([clients.admin.connect(), clients.api.connect()]);
  });
  afterAll(async () => {
    await Promise.all([clients.admin?.end(), clients.api?.end()]);
  });
  return clients;
}

/** Runs `fn` inside a transaction as `claims.role` with those JWT claims, then rolls everything back. */
export async function asRole<T>(client: pg.Client, claims: Claims, fn: (q: Query) => Promise<T>): Promise<T> {
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
