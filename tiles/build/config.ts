import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_CONFIG } from './paths.ts';

/**
 * tiles/sources/vintages.json: which boundary file feeds which layer of which archive.
 * Deployers swap GADM for the province's own layer here, without touching code.
 */
const fileRef = z.strictObject({
  /** GeoJSON file, relative to the repository root. */
  file: z.string().min(1),
  /** Property holding the GSO code (5 digits for communes, 3 for districts); numbers are zero-padded. */
  code_property: z.string().min(1).default('code'),
});

const derived = z.strictObject({ dissolve: z.literal(true) });

const vintageConfig = z.strictObject({
  label_vi: z.string(),
  label_en: z.string(),
  units_csv: z.string().min(1),
  communes: fileRef,
  /** null: the vintage has no districts (from 1 July 2025). */
  districts: z.union([fileRef, derived]).nullable(),
  province: z.union([z.strictObject({ file: z.string().min(1) }), derived]),
  attribution: z.array(z.string()).min(1),
});

const attribution = z.strictObject({
  /** A few words for the map's attribution control (phones have little room). */
  short: z.string().min(1),
  /** The same in English, where `short` is Vietnamese only. */
  short_en: z.string().min(1).optional(),
  vi: z.string().min(1),
  en: z.string().min(1),
  url: z.string(),
  licence: z.string(),
  /** True when the licence forbids redistribution without permission (GADM): the app must warn deployers. */
  restricted: z.boolean(),
});

export const tilesConfigSchema = z
  .strictObject({
    $comment: z.string().optional(),
    vintages: z.strictObject({ '2016': vintageConfig, '2020': vintageConfig, '2025': vintageConfig }),
    context: z.strictObject({ file: z.string().min(1), attribution: z.array(z.string()).min(1) }),
    attributions: z.record(z.string(), attribution),
  })
  .superRefine((cfg, ctx) => {
    const keys = [...Object.values(cfg.vintages).flatMap((v) => v.attribution), ...cfg.context.attribution];
    for (const key of keys) {
      if (!(key in cfg.attributions))
        ctx.addIssue({ code: 'custom', message: `unknown attribution key "${key}"` });
    }
  });

export type TilesConfig = z.infer<typeof tilesConfigSchema>;
export type VintageConfig = z.infer<typeof vintageConfig>;
export type TileVintage = keyof TilesConfig['vintages'];
export const TILE_VINTAGES: readonly TileVintage[] = ['2016', '2020', '2025'];

export function loadConfig(file = DEFAULT_CONFIG): TilesConfig {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = tilesConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: invalid tiles config\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
