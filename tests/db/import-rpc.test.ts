/**
 * The CLI's Supabase path (SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY → supabase-js → PostgREST RPC) on
 * the real database. PostgREST cannot run here, so a minimal stand-in answers the few requests the CLI
 * makes, the way PostgREST does: it takes the role from the bearer token's claims, runs the statement in
 * a transaction with `set local role` and request.jwt.claims, and answers JSON or a PostgREST-style
 * error. It always rolls back, so the shared database is left as it was.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runImport, type Io } from '../../scripts/import';
import { apiSettings } from '../../supabase/tools/embedded-db';
import { appTypes } from '../../supabase/tools/pg-types';
import { sampleAssessments } from '../fixtures/import/fill';
import { referenceCatalog } from '../fixtures/import/catalog';
import { CORPUS_DIR } from '../fixtures/import/make-corpus';

const IDENT = /^[a-z_][a-z0-9_]*$/;

function token(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.test-signature`;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let server: Server;
let pool: pg.Pool;
let base = '';
const requests: string[] = [];

beforeAll(async () => {
  pool = new pg.Pool({ ...apiSettings(inject('pgDb')), types: appTypes, max: 4 });
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}`);
    const claims = JSON.parse(
      Buffer.from((req.headers.authorization ?? '').split('.')[1] ?? '', 'base64url').toString() || '{}',
    ) as { role?: string };
    const role = claims.role ?? 'anon';
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    let sql: string;
    let params: unknown[] = [];
    const rpc = /^\/rest\/v1\/rpc\/([a-z_]+)$/.exec(url.pathname);
    const table = /^\/rest\/v1\/([a-z_]+)$/.exec(url.pathname);
    if (req.method === 'POST' && rpc) {
      const args = JSON.parse(await body(req)) as Record<string, unknown>;
      const names = Object.keys(args).filter((k) => IDENT.test(k));
      params = names.map((k) => (typeof args[k] === 'object' ? JSON.stringify(args[k]) : String(args[k])));
      sql = `select public.${rpc[1]}(${names.map((k, i) => `${k} => $${i + 1}`).join(', ')}) as result`;
    } else if (req.method === 'GET' && table) {
      const where: string[] = [];
      for (const [k, v] of url.searchParams) {
        if (k === 'select' || k === 'order' || !IDENT.test(k) || !v.startsWith('eq.')) continue;
        params.push(v.slice(3));
        where.push(`${k} = $${params.length}`);
      }
      const order = (url.searchParams.get('order') ?? '')
        .split(',')
        .map((o) => o.split('.')[0]!)
        .filter((o) => IDENT.test(o));
      sql = `select * from public.${table[1]}${where.length ? ` where ${where.join(' and ')}` : ''}${order.length ? ` order by ${order.join(', ')}` : ''}`;
    } else {
      send(404, { message: 'not found' });
      return;
    }
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`set local role ${pg.escapeIdentifier(role)}`);
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
      const r = await client.query(sql, params);
      send(200, rpc ? r.rows[0]?.result : r.rows);
    } catch (e) {
      const err = e as { code?: string; message: string };
      send(err.code === '42501' ? 403 : 400, {
        code: err.code,
        message: err.message,
        details: null,
        hint: null,
      });
    } finally {
      await client.query('rollback').catch(() => {});
      client.release();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await pool?.end();
});

async function cli(argv: string[], key: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runImport(argv, io, { SUPABASE_URL: base, SUPABASE_SERVICE_ROLE_KEY: key });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SOURCE = ['--source', 'Báo cáo kiểm thử 03/BC-UBND'];

describe('npm run import with SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY', () => {
  it('reads the catalogue from the API views and writes through the RPC as service_role', async () => {
    requests.length = 0;
    const r = await cli([join(CORPUS_DIR, 'good-2024.xlsx'), ...SOURCE], token({ role: 'service_role' }));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const n = sampleAssessments(referenceCatalog(), 2024).length;
    // Written, then rolled back by the stand-in.
    expect(r.out).toMatch(
      new RegExp(`Đã ghi năm 2024 vào Supabase: ${n} đơn vị \\(thêm \\d+, sửa \\d+, không đổi \\d+\\)`),
    );
    expect(requests).toEqual([
      'GET /rest/v1/framework',
      'GET /rest/v1/criterion',
      'GET /rest/v1/unit',
      'POST /rest/v1/rpc/import_assessments',
    ]);
  });

  it('a bad file is refused before any RPC', async () => {
    requests.length = 0;
    const r = await cli(
      [join(CORPUS_DIR, 'tier-contradiction.xlsx'), ...SOURCE],
      token({ role: 'service_role' }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('cần đạt đủ 19/19 tiêu chí');
    expect(requests.some((q) => q.includes('/rpc/'))).toBe(false);
  });

  it('a key without write rights: the database refusal is reported and nothing is written', async () => {
    const r = await cli([join(CORPUS_DIR, 'good-2024.csv'), ...SOURCE], token({ role: 'anon' }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không ghi được: permission denied for function import_assessments');
    expect(r.err).toContain('Không có dòng nào được ghi');
  });

  it('an editor token outside its district is refused with the list of codes', async () => {
    const editor = token({
      role: 'authenticated',
      sub: '00000000-0000-4000-8000-000000000105',
      email: 'bien.tap.105@example.vn',
      app_metadata: { role: 'editor', districts: ['105'] },
    });
    const r = await cli([join(CORPUS_DIR, 'good-2024.csv'), ...SOURCE], editor);
    expect(r.code).toBe(2);
    const catalog = referenceCatalog();
    const district = new Map(
      catalog.units.filter((u) => u.vintage === '2020').map((u) => [u.code, u.district_code]),
    );
    const outside = sampleAssessments(catalog, 2024)
      .map((x) => x.code)
      .filter((c) => district.get(c) !== '105')
      .sort();
    expect(outside.length).toBeGreaterThan(10);
    expect(r.err).toContain(
      `Không ghi được: Ngoài phạm vi biên tập của bạn, không ghi gì: ${outside.join(', ')}.`,
    );
  });
});
