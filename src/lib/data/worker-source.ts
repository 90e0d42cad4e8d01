/**
 * The embedded snapshot as seen from the page: a DataSource whose loads run in the data worker
 * (data.worker.ts), where zod validates the rows off the main thread. The page's entry chunk holds no
 * zod at all: on a phone that parsing and zod's schema construction cost ~170 ms of main-thread time.
 *
 * Each request carries an id; the worker answers once with that id (worker-protocol.ts). A DataError in
 * the worker is re-created here with the same code, resource and status, so the fallback logic
 * (choose-source.ts) and the UI see what they saw when parsing ran on the main thread. If Worker does not
 * exist, or the worker fails to start or crashes, the same loads run on the main thread (snapshot-source
 * imported on demand): nothing is lost, only the time.
 */
import type { DataSource } from './source';
import { globalFetch, normaliseBase, type FetchFn } from './http';
import { lazySource, SNAPSHOT_LABEL } from './lazy-source';
import { fromWireError, isDataResponse, type DataQuery } from './worker-protocol';

/** The part of Worker the client uses (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** No worker to ask (none in this environment, failed to start, or crashed): run on the main thread. */
export class WorkerUnavailable extends Error {
  override readonly name = 'WorkerUnavailable';
}

export interface DataWorkerClient {
  /** Start the worker now (its script downloads while the page does other work). */
  start(): void;
  /** The worker's answer, a re-created error, or a WorkerUnavailable rejection. */
  request(query: DataQuery): Promise<unknown>;
  /** False once the worker is known not to work. */
  readonly available: boolean;
}

/** Base URL with exactly one trailing slash, made absolute (a worker resolves URLs against its own). */
export function absoluteBase(base: string, against?: string): string {
  const slashed = normaliseBase(base);
  const ref = against ?? globalThis.document?.baseURI ?? globalThis.location?.href;
  if (!ref) return slashed;
  try {
    return new URL(slashed, ref).href;
  } catch {
    return slashed;
  }
}

/**
 * A request/response client over a worker made by `spawn` (on first use). `spawn` returning null or
 * throwing, an `error` event (script failed to load or crashed) or an unreadable message make the client
 * unavailable: pending and later requests reject with WorkerUnavailable.
 */
export function createDataWorkerClient(
  spawn: () => WorkerLike | null,
  opts: { baseURI?: string } = {},
): DataWorkerClient {
  let worker: WorkerLike | null | undefined; // undefined: not started; null: unavailable
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  function fail(reason: string): void {
    const w = worker;
    worker = null;
    try {
      w?.terminate();
    } catch {
      // Already gone.
    }
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(new WorkerUnavailable(reason));
  }

  function start(): WorkerLike | null {
    if (worker !== undefined) return worker;
    let w: WorkerLike | null;
    try {
      w = spawn();
    } catch (e) {
      console.warn('Data worker not started, parsing on the main thread:', e);
      w = null;
    }
    worker = w;
    if (!w) return null;
    w.addEventListener('message', (event) => {
      const data = (event as MessageEvent).data;
      if (!isDataResponse(data)) return;
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      if (data.ok) p.resolve(data.value);
      else p.reject(fromWireError(data.error));
    });
    w.addEventListener('error', (event) => {
      // Keep the failure out of the page's uncaught errors: the main thread takes over.
      event.preventDefault();
      const message = (event as ErrorEvent).message;
      console.warn(`Data worker failed${message ? ` (${message})` : ''}; parsing on the main thread.`);
      fail(message || 'the data worker failed');
    });
    w.addEventListener('messageerror', () => fail('unreadable message from the data worker'));
    return w;
  }

  return {
    start() {
      start();
    },
    get available() {
      return worker !== null;
    },
    request(query) {
      const w = start();
      if (!w) return Promise.reject(new WorkerUnavailable('no data worker'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          w.postMessage({ ...query, base: absoluteBase(query.base, opts.baseURI), id });
        } catch (e) {
          pending.delete(id);
          reject(e);
        }
      });
    },
  };
}

/** The query answered by the worker, or by `onMainThread` when no worker can answer. */
export async function requestOffMainThread<T>(
  client: DataWorkerClient,
  query: DataQuery,
  onMainThread: () => Promise<T>,
): Promise<T> {
  try {
    return (await client.request(query)) as T;
  } catch (e) {
    if (e instanceof WorkerUnavailable) return onMainThread();
    throw e;
  }
}

function spawnDataWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  // This exact form lets Vite bundle the worker (with zod) as its own file.
  return new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'ntm-data' });
}

let shared: DataWorkerClient | null = null;

/** The page's one data worker (snapshot and tile indexes). */
export function dataWorkerClient(): DataWorkerClient {
  return (shared ??= createDataWorkerClient(spawnDataWorker));
}

/** The snapshot parsed on the main thread, with snapshot-source (and zod) imported on first use. */
export function mainThreadSnapshotSource(baseUrl: string, fetchFn: FetchFn = globalFetch): DataSource {
  return lazySource('snapshot', SNAPSHOT_LABEL, () =>
    import('./snapshot-source').then((m) => m.createSnapshotSource(baseUrl, fetchFn)),
  );
}

export interface WorkerSnapshotOptions {
  client?: DataWorkerClient;
  /** Where loads go when no worker can answer (default: mainThreadSnapshotSource). */
  mainThread?: DataSource;
}

/**
 * The snapshot loaded and parsed in the data worker. Nothing is kept here: every load asks the worker,
 * whose snapshot source is the data's one cache (snapshot-source.ts), and the page asks once per file.
 */
export function createWorkerSnapshotSource(baseUrl: string, opts: WorkerSnapshotOptions = {}): DataSource {
  const client = opts.client ?? dataWorkerClient();
  const main = opts.mainThread ?? mainThreadSnapshotSource(baseUrl);
  return {
    kind: 'snapshot',
    label: SNAPSHOT_LABEL,
    loadMeta: () => requestOffMainThread(client, { op: 'meta', base: baseUrl }, () => main.loadMeta()),
    loadSummaries: () =>
      requestOffMainThread(client, { op: 'summaries', base: baseUrl }, () => main.loadSummaries()),
    loadYear: (year) =>
      requestOffMainThread(client, { op: 'year', base: baseUrl, year }, () => main.loadYear(year)),
  };
}
