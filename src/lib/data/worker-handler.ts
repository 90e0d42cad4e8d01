/**
 * What the data worker does with a request: load and validate (zod) the embedded snapshot or a tile
 * index, and answer with plain data or a WireError. A pure function of the request and the injected
 * fetch, so it is unit-tested without a Worker; data.worker.ts only wires it to postMessage.
 * Its snapshot source is the data's one cache (snapshot-source.ts): each file is fetched and parsed
 * once per page load, and a failed load is retried on the next request.
 */
import { createSnapshotSource } from './snapshot-source';
import { globalFetch, normaliseBase, type FetchFn } from './http';
import { fetchTileIndex } from './tile-index-schema';
import type { DataSource } from './source';
import { VINTAGES } from '../domain/periods';
import { toWireError, type DataRequest, type DataResponse } from './worker-protocol';

export type DataHandler = (request: unknown) => Promise<DataResponse>;

export function createDataHandler(fetchFn: FetchFn = globalFetch): DataHandler {
  // The worker serves one page, hence one base: the source is made on the first request, and made
  // again only for a request naming another base.
  let current: { base: string; source: DataSource } | null = null;
  const snapshot = (base: string): DataSource => {
    const key = normaliseBase(base);
    if (current?.base !== key) current = { base: key, source: createSnapshotSource(key, fetchFn) };
    return current.source;
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
        if (!VINTAGES.some((v) => v.id === r.vintage))
          throw new TypeError(`data worker: invalid vintage ${String(r.vintage)}`);
        return fetchTileIndex(normaliseBase(r.base), r.vintage, fetchFn);
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
