// Per-vintage index written by the tile build next to each archive: bounds, and for each unit its label
// point and bounding box. It lets the list fly to a unit and the first paint draw the province without
// reading any tile. Validated in the data worker (tile-index-schema.ts), so this module holds no zod.
import type { VintageId } from '../domain/types';
import type { TileIndex } from './tile-index-schema';
import type { FetchFn } from './http';
import { dataWorkerClient, requestOffMainThread } from './worker-source';

export type { TileIndex } from './tile-index-schema';

export function tilesUrl(base: string, vintage: VintageId | 'context'): string {
  return `${base}tiles/laichau-${vintage}.pmtiles`;
}

/**
 * Fetch and validate one vintage's index in the data worker; on the main thread (zod loaded on demand)
 * when a `fetchFn` is given or no worker can run. Failures (download, invalid index) reject with a
 * DataError.
 */
export async function loadTileIndex(base: string, vintage: VintageId, fetchFn?: FetchFn): Promise<TileIndex> {
  const onMainThread = async () =>
    (await import('./tile-index-schema')).fetchTileIndex(base, vintage, fetchFn);
  if (fetchFn) return onMainThread();
  return requestOffMainThread(
    dataWorkerClient(),
    { op: 'tile-index', base, vintage },
    onMainThread,
  ) as Promise<TileIndex>;
}
