/**
 * What the data worker does with a request: load and validate (zod) the embedded snapshot or a tile
 * index, and answer with plain data or a WireError. A pure function of the request and the injected
 * fetch, so it is unit-tested without a Worker; data.worker.ts only wires it to postMessage.
 * One snapshot source per base URL, so each file is fetched and parsed once per page load (as on the
 * main thread before), and a failed load is retried on the next request.
 */
import { createSnapshotSource, normaliseBase, type FetchFn } from './snapshot-source';
import { fetchTileIndex } from '../state/tile-index-schema';
import type { DataSource } from './source';
import type { VintageId } from '../domain/types';
import { toWireError, type DataRequest, type DataResponse } from './worker-protocol';

const VINTAGES: readonly VintageId[] = ['2016', '2020', '2025'];

export type DataHandler = (request: unknown) => Promise<DataResponse>;

export function createDataHandler(fetchFn: FetchFn = (input, init) => fetch(input, init)): DataHandler {
  const sources = new Map<string, DataSource>();
  const snapshot = (base: string): DataSource => {
    const key = normaliseBase(base);
    let source = sources.get(key);
    if (!source) {
      source = createSnapshotSource(key, fetchFn);
      sources.set(key, source);
    }
    return source;
  };

  async function run(r: DataRequest): Promise<unknown> {
    if (typeof r.base !== 'string') throw new TypeError('data worker: request without a base URL');
    switch (r.op) {
      case 'meta':
        return snapshot(r.base).loadMeta();
      case 'summaries':
        return snapshot(r.base).loadSummaries();
      case 'year':
        if (!Number.isInteger(r.year)) throw new TypeError(`data worker: invalid year ${String(r.year)}`);
        return snapshot(r.base).loadYear(r.year);
      case 'tile-index':
        if (!VINTAGES.includes(r.vintage))
          throw new TypeError(`data worker: invalid vintage ${String(r.vintage)}`);
        return fetchTileIndex(normaliseBase(r.base), r.vintage, (input) => fetchFn(input));
      default:
        throw new TypeError(`data worker: unknown request ${JSON.stringify((r as { op?: unknown }).op)}`);
    }
  }

  return async (request) => {
    const r = (typeof request === 'object' && request !== null ? request : {}) as DataRequest;
    const id = typeof r.id === 'number' ? r.id : -1;
    try {
      return { id, ok: true, value: await run(r) };
    } catch (e) {
      return { id, ok: false, error: toWireError(e) };
    }
  };
}
