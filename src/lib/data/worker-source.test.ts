// The page's side of the data worker (worker-source.ts): requests matched to answers by id, errors
// re-created, and the fall back to the main thread when there is no worker, it fails to start or it
// crashes. The "worker" here runs the real handler (worker-handler.ts) in-process, with every message
// passed through structuredClone as postMessage would.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  absoluteBase,
  createDataWorkerClient,
  createWorkerSnapshotSource,
  mainThreadSnapshotSource,
  requestOffMainThread,
  WorkerUnavailable,
  type WorkerLike,
} from './worker-source';
import { createDataHandler, type DataHandler } from './worker-handler';
import { createSnapshotSource } from './snapshot-source';
import { createResilientSource, createSources } from './choose-source';
import { DataError, type DataSource } from './source';
import { SNAPSHOT_LABEL } from './lazy-source';
import { snapshotFiles, snapshotServer, yearRows } from '../../../tests/unit/fixture-data';

const ORIGIN = 'https://ntm.test/app/';

type Listener = (event: Event) => void;

/** A Worker stand-in: answers with `handler` (or not at all), can fail like a real one. */
class FakeWorker implements WorkerLike {
  readonly posted: Record<string, unknown>[] = [];
  terminated = false;
  private listeners = new Map<string, Listener[]>();
  /** Answers held back (for reordering), released by flush(). */
  private held: unknown[] = [];
  constructor(
    private readonly handler: DataHandler | null,
    private readonly opts: { hold?: boolean } = {},
  ) {}
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: unknown) {
    if (this.terminated) throw new Error('posted to a terminated worker');
    const request = structuredClone(message) as Record<string, unknown>;
    this.posted.push(request);
    if (!this.handler) return;
    void this.handler(request).then((response) => {
      if (this.opts.hold) this.held.push(response);
      else this.emit('message', structuredClone(response));
    });
  }
  terminate() {
    this.terminated = true;
  }
  emit(type: string, data?: unknown) {
    const event = Object.assign(new Event(type, { cancelable: true }), { data, message: 'boom' });
    for (const l of this.listeners.get(type) ?? []) l(event);
    return event;
  }
  flush(order: 'reverse' | 'same' = 'same') {
    const answers = order === 'reverse' ? [...this.held].reverse() : this.held;
    this.held = [];
    for (const a of answers) this.emit('message', structuredClone(a));
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A main-thread source that records calls (to see when the fallback is used). */
function spyMain(base = ORIGIN): DataSource & { calls: string[] } {
  const real = createSnapshotSource(base, snapshotServer(snapshotFiles(), base));
  const calls: string[] = [];
  return {
    calls,
    kind: 'snapshot',
    label: SNAPSHOT_LABEL,
    loadMeta: () => (calls.push('meta'), real.loadMeta()),
    loadSummaries: () => (calls.push('summaries'), real.loadSummaries()),
    loadYear: (y) => (calls.push(`year ${y}`), real.loadYear(y)),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('absoluteBase', () => {
  it('makes the base absolute with one trailing slash (a worker resolves URLs against its own)', () => {
    expect(absoluteBase('/', 'https://h.test/x/index.html')).toBe('https://h.test/');
    expect(absoluteBase('/app', 'https://h.test/')).toBe('https://h.test/app/');
    expect(absoluteBase('', 'https://h.test/sub/page')).toBe('https://h.test/sub/');
    expect(absoluteBase('./', 'https://h.test/sub/')).toBe('https://h.test/sub/');
    expect(absoluteBase('https://cdn.test/a/', 'https://h.test/')).toBe('https://cdn.test/a/');
    // Nothing to resolve against (Node): kept, with its slash.
    expect(absoluteBase('/app')).toBe('/app/');
  });
});

describe('createWorkerSnapshotSource over a worker', () => {
  function setup(files = snapshotFiles()) {
    const server = snapshotServer(files, ORIGIN);
    const worker = new FakeWorker(createDataHandler(server));
    const main = spyMain();
    const client = createDataWorkerClient(() => worker, { baseURI: 'https://ntm.test/app/index.html' });
    const source = createWorkerSnapshotSource('/app/', { client, mainThread: main });
    return { server, worker, main, client, source };
  }

  it('loads what the main-thread snapshot source loads, with absolute URLs, never on the main thread', async () => {
    const { source, worker, main, server } = setup();
    const direct = createSnapshotSource(ORIGIN, snapshotServer(snapshotFiles(), ORIGIN));
    expect(source.kind).toBe('snapshot');
    expect(source.label).toBe(SNAPSHOT_LABEL);
    expect(await source.loadMeta()).toEqual(await direct.loadMeta());
    expect(await source.loadSummaries()).toEqual(await direct.loadSummaries());
    expect((await source.loadYear(2022)).data).toEqual(yearRows(2022));
    expect(await source.loadYear(2024)).toEqual(await direct.loadYear(2024));
    expect(worker.posted.map((m) => m.base)).toEqual(Array(4).fill(ORIGIN));
    expect(new Set(worker.posted.map((m) => m.id)).size).toBe(4);
    expect(server.calls).toContain(`${ORIGIN}data/snapshot/years/2022.json`);
    expect(main.calls).toEqual([]);
  });

  it('keeps nothing on the page: the worker answers again from its one cache, and retries a failure', async () => {
    let fail = true;
    const server = snapshotServer(snapshotFiles(), ORIGIN);
    const worker = new FakeWorker(
      createDataHandler(async (url, init) =>
        fail && url.endsWith('2026.json') ? new Response('', { status: 500 }) : server(url, init),
      ),
    );
    const client = createDataWorkerClient(() => worker);
    const source = createWorkerSnapshotSource(ORIGIN, { client, mainThread: spyMain() });
    const [a, b] = await Promise.all([source.loadMeta(), source.loadMeta()]);
    expect(a).toEqual(b);
    await source.loadYear(2022);
    await source.loadYear(2022);
    expect(worker.posted.map((m) => m.op)).toEqual(['meta', 'meta', 'year', 'year']);
    // One download per file: the snapshot source in the worker holds the answers.
    const downloads = (file: string) => server.calls.filter((c) => c.endsWith(file)).length;
    expect([downloads('meta.json'), downloads('2022.json')]).toEqual([1, 1]);
    await expect(source.loadYear(2026)).rejects.toBeInstanceOf(DataError);
    fail = false;
    expect((await source.loadYear(2026)).data).toHaveLength(yearRows(2026).length);
    expect(downloads('meta.json')).toBe(1);
  });

  it('re-creates DataErrors with their bilingual messages, and does not retry them on the main thread', async () => {
    const { source, main } = setup({});
    const error = await source.loadMeta().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const expected = new DataError('http', 'meta.json', { status: 404 });
    expect(error).toMatchObject({
      name: 'DataError',
      code: 'http',
      resource: 'meta.json',
      status: 404,
      message: expected.message,
      message_vi: 'Không tải được dữ liệu “meta.json”: máy chủ trả lỗi 404.',
      message_en: 'Could not load “meta.json”: the server answered 404.',
    });
    expect(main.calls).toEqual([]);
  });

  it('passes row problems through', async () => {
    const files = snapshotFiles();
    const rows = yearRows(2022);
    (rows[1] as unknown as Record<string, unknown>).criteria_count = 'mười';
    files['years/2022.json'] = rows;
    const { source } = setup(files);
    const y = await source.loadYear(2022);
    expect(y.data).toHaveLength(105);
    expect(y.problems).toHaveLength(1);
    expect(y.problems[0]).toMatchObject({ table: 'years/2022.json', index: 1, field: 'criteria_count' });
    expect(y.problems[0]!.message_vi).toContain('trường “criteria_count”: cần số, nhận “mười”');
  });

  it('matches answers to requests by id, whatever their order', async () => {
    const server = snapshotServer(snapshotFiles(), ORIGIN);
    const worker = new FakeWorker(createDataHandler(server), { hold: true });
    const client = createDataWorkerClient(() => worker);
    const source = createWorkerSnapshotSource(ORIGIN, { client, mainThread: spyMain() });
    const meta = source.loadMeta();
    const y2019 = source.loadYear(2019);
    const y2026 = source.loadYear(2026);
    for (let i = 0; i < 20 && worker.posted.length < 3; i++) await tick();
    await new Promise((r) => setTimeout(r, 50));
    worker.flush('reverse');
    expect((await meta).data.units.length).toBeGreaterThan(0);
    expect((await y2019).data).toEqual(yearRows(2019));
    expect((await y2026).data).toEqual(yearRows(2026));
    // A stray or malformed message is ignored.
    worker.emit('message', { id: 999, ok: true, value: 'late' });
    worker.emit('message', 'noise');
  });
});

describe('falling back to the main thread', () => {
  it('without Worker (spawn gives null): loads on the main thread', async () => {
    const main = spyMain();
    const client = createDataWorkerClient(() => null);
    const source = createWorkerSnapshotSource(ORIGIN, { client, mainThread: main });
    expect((await source.loadYear(2022)).data).toEqual(yearRows(2022));
    expect(main.calls).toEqual(['year 2022']);
    expect(client.available).toBe(false);
  });

  it('when creating the worker throws (e.g. a CSP refusal)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const main = spyMain();
    const client = createDataWorkerClient(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const source = createWorkerSnapshotSource(ORIGIN, { client, mainThread: main });
    expect((await source.loadMeta()).data.years.length).toBeGreaterThan(0);
    expect(main.calls).toEqual(['meta']);
  });

  it('when the worker fails to start: pending and later loads go to the main thread, the error is not the page’s', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const worker = new FakeWorker(null); // never answers
    const main = spyMain();
    const client = createDataWorkerClient(() => worker);
    const source = createWorkerSnapshotSource(ORIGIN, { client, mainThread: main });
    const meta = source.loadMeta();
    const year = source.loadYear(2022);
    await tick();
    const event = worker.emit('error'); // the script did not load
    expect(event.defaultPrevented).toBe(true);
    expect((await meta).data.units.length).toBeGreaterThan(0);
    expect((await year).data).toEqual(yearRows(2022));
    expect((await source.loadSummaries()).data.province.length).toBeGreaterThan(0);
    expect(main.calls.sort()).toEqual(['meta', 'summaries', 'year 2022']);
    expect(worker.terminated).toBe(true);
    expect(worker.posted).toHaveLength(2);
    expect(client.available).toBe(false);
    expect(warn).toHaveBeenCalled();
  });

  it('when the worker crashes after answering: later loads go to the main thread', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const worker = new FakeWorker(createDataHandler(snapshotServer(snapshotFiles(), ORIGIN)));
    const main = spyMain();
    const client = createDataWorkerClient(() => worker);
    const source = createWorkerSnapshotSource(ORIGIN, { client, mainThread: main });
    await source.loadMeta();
    worker.emit('error');
    expect((await source.loadYear(2026)).data).toEqual(yearRows(2026));
    expect(main.calls).toEqual(['year 2026']);
  });

  it('on an unreadable message (messageerror)', async () => {
    const worker = new FakeWorker(null);
    const client = createDataWorkerClient(() => worker);
    const pending = requestOffMainThread(client, { op: 'meta', base: ORIGIN }, async () => 'main');
    await tick();
    worker.emit('messageerror');
    expect(await pending).toBe('main');
  });

  it('rejects with WorkerUnavailable only for a missing worker, never for an error of the load', async () => {
    const none = createDataWorkerClient(() => null);
    await expect(none.request({ op: 'meta', base: '/' })).rejects.toBeInstanceOf(WorkerUnavailable);
    const worker = new FakeWorker(createDataHandler(snapshotServer({}, ORIGIN)));
    const client = createDataWorkerClient(() => worker);
    const main = vi.fn(async () => 'main');
    await expect(
      requestOffMainThread(client, { op: 'summaries', base: ORIGIN }, main),
    ).rejects.toBeInstanceOf(DataError);
    expect(main).not.toHaveBeenCalled();
  });

  it('mainThreadSnapshotSource imports the parser on first use and keeps the snapshot label', async () => {
    const server = snapshotServer();
    const source = mainThreadSnapshotSource('/app/', server);
    expect(source.kind).toBe('snapshot');
    expect(source.label).toBe(createSnapshotSource('/app/').label);
    expect(server.calls).toEqual([]);
    expect((await source.loadYear(2022)).data).toEqual(yearRows(2022));
    await source.loadYear(2022);
    expect(server.calls.filter((c) => c.endsWith('2022.json'))).toHaveLength(1);
  });
});

describe('with the fallback logic of choose-source', () => {
  it('createSources: the worker source by default, the main thread with a custom fetch', async () => {
    const server = snapshotServer();
    const { fallback } = createSources({ baseUrl: '/app/', fetchFn: server });
    expect((await fallback.loadYear(2022)).data).toEqual(yearRows(2022));
    expect(server.calls.length).toBeGreaterThan(0);
    expect(createSources({ baseUrl: '/app/' }).fallback.label).toBe(SNAPSHOT_LABEL);
  });

  it('a failing Supabase falls back to the worker snapshot with the same notice as before', async () => {
    const worker = new FakeWorker(createDataHandler(snapshotServer(snapshotFiles(), ORIGIN)));
    const client = createDataWorkerClient(() => worker);
    const fallback = createWorkerSnapshotSource(ORIGIN, { client, mainThread: spyMain() });
    const failing: DataSource = {
      kind: 'supabase',
      label: 'Supabase (x.supabase.co)',
      loadMeta: () => Promise.reject(new DataError('http', 'unit', { status: 500 })),
      loadSummaries: () => Promise.reject(new DataError('http', 'unit', { status: 500 })),
      loadYear: () => Promise.reject(new DataError('http', 'unit', { status: 500 })),
    };
    const resilient = createResilientSource(failing, fallback);
    const meta = await resilient.loadMeta();
    expect(resilient.kind).toBe('snapshot');
    expect(meta.data.units.length).toBeGreaterThan(0);
    // The same notice as with the snapshot parsed on the main thread.
    const before = createResilientSource(
      failing,
      createSnapshotSource(ORIGIN, snapshotServer(snapshotFiles(), ORIGIN)),
    );
    await before.loadMeta();
    expect(resilient.notice).toEqual(before.notice);
    expect(resilient.notice?.message_en).toMatch(
      /^Could not load live data \(Could not load “unit”: the server answered 500\); showing the data snapshot of /,
    );
  });

  it('an error of the snapshot itself reaches the caller as a DataError (the UI shows its message)', async () => {
    const worker = new FakeWorker(createDataHandler(snapshotServer({}, ORIGIN)));
    const client = createDataWorkerClient(() => worker);
    const fallback = createWorkerSnapshotSource(ORIGIN, { client, mainThread: spyMain() });
    const resilient = createResilientSource(null, fallback);
    await expect(resilient.loadMeta()).rejects.toThrow(
      'Could not load “meta.json”: the server answered 404.',
    );
  });
});
