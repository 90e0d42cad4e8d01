// The data worker's side of the protocol (worker-handler.ts) and how errors cross the boundary
// (worker-protocol.ts), tested as plain functions: no Worker needed. Every answer goes through
// structuredClone, as postMessage would do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDataHandler } from './worker-handler';
import {
  fromWireError,
  isDataResponse,
  toWireError,
  type DataResponse,
  type WireError,
} from './worker-protocol';
import { createSnapshotSource } from './snapshot-source';
import { TileIndexSchema } from './tile-index-schema';
import { DataError, type DataErrorCode } from './source';
import { DataError as DataErrorDirect } from './data-error';
import { snapshotFiles, snapshotServer, yearRows } from '../../../tests/unit/fixture-data';

const clone = <T>(v: T): T => structuredClone(v);

function ok(r: DataResponse): unknown {
  if (!r.ok) throw new Error(`expected an answer, got ${JSON.stringify(r.error)}`);
  return r.value;
}
function err(r: DataResponse): WireError {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('errors across the boundary', () => {
  const codes: DataErrorCode[] = ['network', 'http', 'json', 'shape', 'timeout'];

  it('re-creates a DataError with the same code, resource, status and bilingual messages', () => {
    for (const code of codes) {
      for (const status of [undefined, 503]) {
        const original = new DataError(code, 'years/2022.json', { status, cause: new TypeError('boom') });
        const again = fromWireError(clone(toWireError(original)));
        expect(again).toBeInstanceOf(DataError);
        const d = again as DataError;
        expect(d.name).toBe('DataError');
        expect([d.code, d.resource, d.status]).toEqual([code, 'years/2022.json', status]);
        expect(d.message).toBe(original.message);
        expect(d.message_vi).toBe(original.message_vi);
        expect(d.message_en).toBe(original.message_en);
        expect((d.cause as Error).message).toBe('boom');
      }
    }
  });

  it('source.ts re-exports the one DataError class (instanceof holds across modules)', () => {
    expect(DataError).toBe(DataErrorDirect);
  });

  it('keeps name and message of other errors, and turns thrown non-errors into an Error', () => {
    const range = fromWireError(clone(toWireError(new RangeError('too far'))));
    expect(range).not.toBeInstanceOf(DataError);
    expect([range.name, range.message]).toEqual(['RangeError', 'too far']);
    const plain = fromWireError(clone(toWireError(new Error('HTTP 404'))));
    expect([plain.name, plain.message]).toEqual(['Error', 'HTTP 404']);
    expect(toWireError('a string')).toEqual({ kind: 'error', name: 'Error', message: 'a string' });
    expect(fromWireError({ kind: 'data', code: 'bogus' as DataErrorCode, resource: 'x' })).not.toBeInstanceOf(
      DataError,
    );
  });

  it('recognises responses and nothing else', () => {
    expect(isDataResponse({ id: 1, ok: true, value: null })).toBe(true);
    expect(isDataResponse({ id: 1, ok: false, error: { kind: 'error', name: 'E', message: 'm' } })).toBe(
      true,
    );
    expect(isDataResponse({ id: '1', ok: true, value: 1 })).toBe(false);
    expect(isDataResponse({ id: 1, ok: true })).toBe(false);
    expect(isDataResponse({ id: 1, ok: false })).toBe(false);
    expect(isDataResponse(null)).toBe(false);
    expect(isDataResponse('hello')).toBe(false);
  });
});

describe('createDataHandler: the snapshot', () => {
  it('answers meta, summaries and a year with the same data as the snapshot source, ids echoed', async () => {
    const handle = createDataHandler(snapshotServer());
    const direct = createSnapshotSource('/app/', snapshotServer());
    const meta = await handle({ id: 7, op: 'meta', base: '/app/' });
    expect(meta.id).toBe(7);
    expect(clone(ok(meta))).toEqual(await direct.loadMeta());
    const sums = await handle({ id: 8, op: 'summaries', base: '/app/' });
    expect(clone(ok(sums))).toEqual(await direct.loadSummaries());
    const year = await handle({ id: 9, op: 'year', base: '/app/', year: 2022 });
    expect(year.id).toBe(9);
    expect((clone(ok(year)) as { data: unknown }).data).toEqual(yearRows(2022));
  });

  it('passes row problems through as plain data', async () => {
    const files = snapshotFiles();
    const rows = yearRows(2022);
    rows[0] = { ...rows[0]!, code: '99999' };
    files['years/2022.json'] = rows;
    const handle = createDataHandler(snapshotServer(files));
    const answer = clone(ok(await handle({ id: 1, op: 'year', base: '/app/', year: 2022 }))) as {
      data: unknown[];
      problems: { table: string; message_vi: string; message_en: string }[];
    };
    expect(answer.data).toHaveLength(105);
    expect(answer.problems).toEqual(
      (await createSnapshotSource('/app/', snapshotServer(files)).loadYear(2022)).problems,
    );
    expect(answer.problems[0]!.message_vi).toContain('mã đơn vị không xác định: 99999');
  });

  it('fetches each file once per base across requests, and retries a failed load', async () => {
    let fail = true;
    const server = snapshotServer();
    const flaky = Object.assign(
      async (url: string, init?: RequestInit) => {
        if (fail && url.endsWith('years/2026.json')) return new Response('nope', { status: 503 });
        return server(url, init);
      },
      { calls: server.calls },
    );
    const handle = createDataHandler(flaky);
    await Promise.all([
      handle({ id: 1, op: 'meta', base: '/app/' }),
      handle({ id: 2, op: 'summaries', base: '/app' }),
      handle({ id: 3, op: 'year', base: '/app/', year: 2022 }),
      handle({ id: 4, op: 'year', base: '/app/', year: 2022 }),
    ]);
    expect(server.calls.filter((c) => c.endsWith('meta.json'))).toHaveLength(1);
    expect(server.calls.filter((c) => c.endsWith('2022.json'))).toHaveLength(1);
    const failed = err(await handle({ id: 5, op: 'year', base: '/app/', year: 2026 }));
    expect(failed).toEqual({ kind: 'data', code: 'http', resource: 'years/2026.json', status: 503 });
    fail = false;
    expect(ok(await handle({ id: 6, op: 'year', base: '/app/', year: 2026 }))).toMatchObject({
      data: yearRows(2026),
    });
  });

  it('answers load failures as DataErrors the page re-creates with the messages the UI shows', async () => {
    const missing = createDataHandler(snapshotServer({}));
    const e404 = fromWireError(err(await missing({ id: 1, op: 'meta', base: '/app/' })));
    expect(e404).toBeInstanceOf(DataError);
    expect((e404 as DataError).message_vi).toBe('Không tải được dữ liệu “meta.json”: máy chủ trả lỗi 404.');
    const corrupt = createDataHandler(snapshotServer({ ...snapshotFiles(), 'meta.json': '{"as_of": ' }));
    const eJson = fromWireError(err(await corrupt({ id: 2, op: 'meta', base: '/app/' })));
    expect((eJson as DataError).code).toBe('json');
    expect(eJson.message).toBe('“meta.json” is corrupt (not valid JSON).');
    const offline = createDataHandler(async () => {
      throw new TypeError('Failed to fetch');
    });
    const eNet = err(await offline({ id: 3, op: 'summaries', base: '/app/' }));
    expect(eNet).toEqual({
      kind: 'data',
      code: 'network',
      resource: 'summaries.json',
      cause: 'Failed to fetch',
    });
  });
});

describe('createDataHandler: tile indexes', () => {
  const indexJson = readFileSync('public/tiles/laichau-2025.index.json', 'utf8');
  const serve = (body: string, status = 200) => {
    const calls: string[] = [];
    const f = async (url: string) => {
      calls.push(url);
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    };
    return Object.assign(f, { calls });
  };

  it('fetches and validates a vintage index from the base', async () => {
    const server = serve(indexJson);
    const handle = createDataHandler(server);
    const index = clone(
      ok(await handle({ id: 1, op: 'tile-index', base: 'https://x.test/app', vintage: '2025' })),
    );
    expect(server.calls).toEqual(['https://x.test/app/tiles/laichau-2025.index.json']);
    expect(index).toEqual(TileIndexSchema.parse(JSON.parse(indexJson)));
    expect((index as { units: unknown[] }).units.length).toBeGreaterThan(30);
  });

  it('answers HTTP failures and invalid indexes as DataErrors naming the index', async () => {
    const e500 = fromWireError(
      err(await createDataHandler(serve('', 500))({ id: 1, op: 'tile-index', base: '/', vintage: '2020' })),
    );
    expect(e500).toBeInstanceOf(DataError);
    expect((e500 as DataError).message_vi).toBe(
      'Không tải được dữ liệu “tiles/laichau-2020.index.json”: máy chủ trả lỗi 500.',
    );
    const bad = err(
      await createDataHandler(serve(JSON.stringify({ vintage: '2025', units: 'none' })))({
        id: 2,
        op: 'tile-index',
        base: '/',
        vintage: '2025',
      }),
    );
    expect(bad).toMatchObject({ kind: 'data', code: 'shape', resource: 'tiles/laichau-2025.index.json' });
  });
});

describe('createDataHandler: malformed requests', () => {
  it('answers an error, with the id when there is one', async () => {
    const handle = createDataHandler(snapshotServer());
    expect(err(await handle({ id: 1, op: 'drop-tables', base: '/app/' }))).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('unknown request'),
    });
    expect(err(await handle({ id: 2, op: 'year', base: '/app/', year: '2022' }))).toMatchObject({
      message: expect.stringContaining('invalid year'),
    });
    expect(err(await handle({ id: 3, op: 'tile-index', base: '/', vintage: '1999' }))).toMatchObject({
      message: expect.stringContaining('invalid vintage'),
    });
    expect(err(await handle({ id: 4, op: 'meta' }))).toMatchObject({
      message: expect.stringContaining('base'),
    });
    const none = await handle(null);
    expect(none.id).toBe(-1);
    expect(none.ok).toBe(false);
  });
});
