// Per-vintage index written by the tile build next to each archive: bounds, and for each unit its label
// point and bounding box. It lets the list fly to a unit and the first paint draw the province without
// reading any tile.
import { z } from 'zod/mini';
import type { VintageId } from '../domain/types';

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
});

export type TileIndex = z.infer<typeof TileIndexSchema>;

export function tilesUrl(base: string, vintage: VintageId | 'context'): string {
  return `${base}tiles/laichau-${vintage}.pmtiles`;
}

export async function loadTileIndex(base: string, vintage: VintageId, fetchFn = fetch): Promise<TileIndex> {
  const response = await fetchFn(`${base}tiles/laichau-${vintage}.index.json`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return TileIndexSchema.parse(await response.json());
}
