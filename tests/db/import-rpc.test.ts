/**
 * The CLI's Supabase path (SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY → supabase-js → PostgREST RPC) on
 * the real database, through a PostgREST stand-in (tests/fixtures/import/postgrest-standin.ts) served
 * over HTTP. It always rolls back, so the shared database is left as it was.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runImport, type Io } from '../../scripts/import';
import { apiSettings, withClient } from '../../supabase/tools/embedded-db';
import { appTypes } from '../../supabase/tools/pg-types';
import { sampleAssessments } from '../fixtures/import/fill';
import { referenceCatalog } from '../fixtures/import/catalog';
import { CORPUS_DIR } from '../fixtures/import/make-corpus';
import { districtEditor, registerUser } from './helpers';
import { answerPostgrest, testToken as token } from '../fixtures/import/postgrest-standin';

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
  await withClient(inject('pgDb'), (admin) => registerUser(admin, districtEditor('105')));
  pool = new pg.Pool({ ...apiSettings(inject('pgDb')), types: appTypes, max: 4 });
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    const answer = await answerPostgrest(
      pool,
      {
        method: req.method ?? 'GET',
        url: url.href,
        authorization: req.headers.authorization,
        body: await body(req),
      },
      { commit: false },
    );
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
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
    const editor = token({ ...districtEditor('105') });
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
