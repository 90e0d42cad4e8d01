// The schema of the per-vintage tile index and its loader. Runs in the data worker (data.worker.ts), or
// on the main thread only when no worker could start: the page's entry chunk never loads zod.
import { z } from 'zod/mini';
import type { VintageId } from '../domain/types';
import { DataError } from './data-error';
import { fetchJson, globalFetch, type FetchFn } from './http';

const lonLat = z.tuple([z.number(), z.number()]);
const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const TileIndexSchema = z.object({
  vintage: z.enum(['2016', '2020', '2025']),
  bounds: bbox,
  center: lonLat,
  minzoom: z.number(),
  maxzoom: z.number(),
  units: z.array(
    z.object({
      code: z.string().check(z.regex(/^\d{5}$/)),
      name: z.string(),
      full_name: z.string(),
      kind: z.enum(['xa', 'phuong', 'thi_tran']),
      district_code: z.nullable(z.string()),
      district_name: z.nullable(z.string()),
      label: lonLat,
      bbox,
    }),
  ),
  /** Unit codes in Vietnamese alphabetical order of their names (sorted at build time). */
  order: z.optional(z.array(z.string())),
});

export type TileIndex = z.infer<typeof TileIndexSchema>;

/** Where a vintage's index lies, relative to the site's base (also its name in error messages). */
export function tileIndexPath(vintage: VintageId): string {
  return `tiles/laichau-${vintage}.index.json`;
}

/**
 * Fetch and validate `${base}tiles/laichau-<vintage>.index.json` (base ends with '/'). A failed download
 * and an index of the wrong shape are DataErrors, with the same bilingual messages as the data's.
 */
export async function fetchTileIndex(
  base: string,
  vintage: VintageId,
  fetchFn: FetchFn = globalFetch,
): Promise<TileIndex> {
  const path = tileIndexPath(vintage);
  const parsed = TileIndexSchema.safeParse(await fetchJson(fetchFn, `${base}${path}`, path));
  if (!parsed.success) throw new DataError('shape', path, { cause: parsed.error });
  return parsed.data;
}
