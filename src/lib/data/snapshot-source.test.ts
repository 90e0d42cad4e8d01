import { describe, expect, it } from 'vitest';
import { createSnapshotSource } from './snapshot-source';
import { normaliseBase } from './http';
import { DataError } from './source';
import { snapshotFiles, snapshotServer, YEARS, yearRows } from '../../../tests/unit/fixture-data';

describe('createSnapshotSource on a well-formed snapshot', () => {
  it('loads meta, summaries and a year without problems', async () => {
    const server = snapshotServer();
    const src = createSnapshotSource('/app/', server);
    expect(src.kind).toBe('snapshot');
    const meta = await src.loadMeta();
    expect(meta.problems).toEqual([]);
    expect(meta.data.years).toEqual(YEARS);
    expect(meta.data.units).toHaveLength(252);
    expect(meta.data.crosswalk).toHaveLength(108 + 106);
    expect(meta).toMatchObject({ as_of: '2026-06-30', illustrative: true });

    const sums = await src.loadSummaries();
    expect(sums.problems).toEqual([]);
    expect(sums.data.province).toHaveLength(3);
    expect(sums.as_of).toBe('2026-06-30');

    const y = await src.loadYear(2022);
    expect(y.problems).toEqual([]);
    expect(y.data).toEqual(yearRows(2022));
    expect(y.data).toHaveLength(106);
    expect(y.illustrative).toBe(true);
  });

  it('fetches each file once (cache per year) and builds URLs from the base', async () => {
    const server = snapshotServer(snapshotFiles(), '/');
    // An empty base means "relative to the page": './data/snapshot/…', which this fake does not serve.
    const relative = createSnapshotSource('', server);
    expect(normaliseBase('')).toBe('./');
    expect(normaliseBase('/laichau')).toBe('/laichau/');
    const src2 = createSnapshotSource('/', server);
    await Promise.all([src2.loadYear(2022), src2.loadYear(2022), src2.loadYear(2026)]);
    await src2.loadYear(2022);
    expect(server.calls.filter((c) => c === '/data/snapshot/years/2022.json')).toHaveLength(1);
    expect(server.calls.filter((c) => c === '/data/snapshot/meta.json')).toHaveLength(1);
    expect(server.calls).toContain('/data/snapshot/years/2026.json');
    await expect(relative.loadMeta()).rejects.toMatchObject({ code: 'http', status: 404 });
    expect(server.calls).toContain('./data/snapshot/meta.json');
  });

  it('answers a year without data with an empty list and a message, without fetching', async () => {
    const server = snapshotServer();
    const src = createSnapshotSource('/app/', server);
    const y = await src.loadYear(2024);
    expect(y.data).toEqual([]);
    expect(y.problems[0]!.message_vi).toBe('Không có số liệu năm 2024.');
    expect(server.calls.some((c) => c.includes('2024'))).toBe(false);
  });
});

describe('createSnapshotSource failures become DataErrors with Vietnamese messages', () => {
  it('network error', async () => {
    const src = createSnapshotSource('/app/', async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await src.loadMeta().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err).toMatchObject({ code: 'network', resource: 'meta.json' });
    expect((err as DataError).message_vi).toBe('Không tải được dữ liệu “meta.json”: lỗi kết nối mạng.');
  });

  it('HTTP 500 and 404', async () => {
    const src = createSnapshotSource('/app/', async () => new Response('oops', { status: 500 }));
    await expect(src.loadMeta()).rejects.toMatchObject({ code: 'http', status: 500 });
    const files = snapshotFiles();
    delete files['years/2022.json'];
    const src404 = createSnapshotSource('/app/', snapshotServer(files));
    const err = (await src404.loadYear(2022).catch((e: unknown) => e)) as DataError;
    expect(err).toMatchObject({ code: 'http', status: 404, resource: 'years/2022.json' });
    expect(err.message_vi).toContain('máy chủ trả lỗi 404');
  });

  it('invalid JSON', async () => {
    const files = snapshotFiles();
    files['summaries.json'] = '{"province": [';
    const src = createSnapshotSource('/app/', snapshotServer(files));
    const err = (await src.loadSummaries().catch((e: unknown) => e)) as DataError;
    expect(err.code).toBe('json');
    expect(err.message_vi).toBe('Dữ liệu “summaries.json” bị hỏng (không phải JSON hợp lệ).');
  });

  it('meta that is not an object', async () => {
    const files = snapshotFiles();
    files['meta.json'] = [1, 2, 3];
    await expect(createSnapshotSource('/app/', snapshotServer(files)).loadMeta()).rejects.toMatchObject({
      code: 'shape',
    });
  });

  it('forgets a failed load so that a retry can succeed', async () => {
    let fail = true;
    const server = snapshotServer();
    const src = createSnapshotSource('/app/', async (url, init) => {
      if (fail) throw new TypeError('offline');
      return server(url, init);
    });
    await expect(src.loadYear(2022)).rejects.toBeInstanceOf(DataError);
    fail = false;
    expect((await src.loadYear(2022)).data).toHaveLength(106);
  });
});

describe('createSnapshotSource with bad rows', () => {
  it('drops and reports bad rows, unknown units and rows of another year', async () => {
    const files = snapshotFiles();
    const rows = yearRows(2022);
    rows[0] = { ...rows[0]!, code: '99999' };
    (rows[1] as unknown as Record<string, unknown>).criteria_count = 'mười';
    rows[2] = { ...rows[2]!, name: '<script>alert(1)</script>' };
    files['years/2022.json'] = [...rows, { ...yearRows(2019)[0]!, year: 2019 }];
    const y = await createSnapshotSource('/app/', snapshotServer(files)).loadYear(2022);
    expect(y.data).toHaveLength(104);
    expect(y.data.find((r) => r.code === rows[2]!.code)?.name).toBe('<script>alert(1)</script>');
    expect(y.problems.map((p) => p.message_vi)).toEqual([
      expect.stringContaining('mã đơn vị không xác định: 99999'),
      expect.stringContaining('trường “criteria_count”: cần số, nhận “mười”'),
      expect.stringContaining('dòng của năm 2019 nằm trong dữ liệu năm 2022'),
    ]);
    expect(y.problems.every((p) => p.table === 'years/2022.json')).toBe(true);
    expect(y.problems[0]!.message_vi).toMatch(/^Bảng “years\/2022.json”, dòng 1: /);
  });

  it('defaults broken meta fields, marking unknown data as illustrative', async () => {
    const files = snapshotFiles();
    const meta = files['meta.json'] as Record<string, unknown>;
    files['meta.json'] = { ...meta, as_of: 'hôm qua', illustrative: 'no', years: [2022, '2026', 1999, 2022] };
    const m = await createSnapshotSource('/app/', snapshotServer(files)).loadMeta();
    expect(m.data.as_of).toBe('');
    expect(m.data.illustrative).toBe(true);
    expect(m.data.years).toEqual([2022]);
    expect(m.problems.map((p) => p.field)).toEqual(['as_of', 'illustrative', 'years', 'years']);
  });

  it('drops crosswalk links to unknown units', async () => {
    const files = snapshotFiles();
    const meta = files['meta.json'] as { crosswalk: unknown[] };
    meta.crosswalk = [
      ...meta.crosswalk,
      { from_vintage: '2016', from_code: '03424', to_vintage: '2025', to_code: '00000' }, // unknown target
      { from_vintage: '2016', from_code: '11111', to_vintage: '2020', to_code: '03424' }, // unknown origin
      { from_vintage: '2020', from_code: '03424', to_vintage: '2025', to_code: '03424' }, // duplicate key
    ];
    const m = await createSnapshotSource('/app/', snapshotServer(files)).loadMeta();
    expect(m.data.crosswalk).toHaveLength(214);
    expect(m.problems.map((p) => [p.field, p.code])).toEqual([
      ['key', '03424'],
      ['to_code', '00000'],
      ['from_code', '11111'],
    ]);
  });
});
