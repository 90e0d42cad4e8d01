/**
 * The static map of a boundary vintage: every unit as SVG path data, written at tile-build time
 * (tiles/build/static-map.ts → public/tiles/laichau-<vintage>.static.json). One reader for its three users:
 * the first-paint map (ui/StaticMap.svelte), the first view written at build time (first-view/poster-input.ts)
 * and the printed report's map (view/report-map.ts). Zod-free and tiny: the first paint uses it.
 */
import type { VintageId } from '../domain/types';
import { DataError } from './data-error';
import { fetchJson, globalFetch, type FetchFn } from './http';

export interface StaticMapPaths {
  /** "0 0 width height": the whole province with a margin. */
  viewBox: string;
  width: number;
  height: number;
  units: { code: string; d: string }[];
}

/** Where a vintage's static map is, under the app's base URL. */
export function staticMapUrl(base: string, vintage: VintageId): string {
  return `${base}tiles/laichau-${vintage}.static.json`;
}

export function isStaticMap(value: unknown): value is StaticMapPaths {
  const v = value as StaticMapPaths | null;
  return (
    typeof v?.viewBox === 'string' &&
    Number.isFinite(v.width) &&
    Number.isFinite(v.height) &&
    Array.isArray(v.units) &&
    v.units.every((u) => typeof u?.code === 'string' && typeof u.d === 'string')
  );
}

/** A vintage's static map, fetched and checked; rejects with a DataError (network, HTTP, JSON, shape). */
export async function loadStaticMap(
  base: string,
  vintage: VintageId,
  fetchFn: FetchFn = globalFetch,
): Promise<StaticMapPaths> {
  const resource = `laichau-${vintage}.static.json`;
  const json = await fetchJson(fetchFn, staticMapUrl(base, vintage), resource);
  if (!isStaticMap(json)) throw new DataError('shape', resource);
  return json;
}
