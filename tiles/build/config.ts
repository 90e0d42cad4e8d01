import { loadProvince, provinceDir, type LoadedProvince } from '../../scripts/province/load.ts';
import type { AttributionConfig } from '../../scripts/province/schema.ts';
import { fromRepo } from './paths.ts';

/**
 * What the tile build needs of one province, taken from its folder (provinces/<slug>/province.json,
 * checked by scripts/province/load.ts): which boundary file feeds which layer of which archive, the
 * province's code and names for its outline and the archives' descriptions, and where the files go.
 * Deployers swap a boundary layer for the province's own in that file, without touching code.
 * Every path here is absolute.
 */

export interface BoundaryRef {
  file: string;
  /** Property holding the GSO code (5 digits for communes, 3 for districts); numbers are zero-padded. */
  code_property: string;
}

export interface VintageConfig {
  label_vi: string;
  label_en: string;
  units_csv: string;
  communes: BoundaryRef;
  /** null: the vintage has no districts (from 1 July 2025). */
  districts: BoundaryRef | { dissolve: true } | null;
  province: { file: string } | { dissolve: true };
  attribution: string[];
}

export interface TilesConfig {
  /** The province folder's name. */
  slug: string;
  province: { code: string; name_vi: string; name_en: string; full_name_vi: string };
  /** File-name prefix: `<prefix>-<vintage>.pmtiles`, `<prefix>-context.pmtiles`. */
  prefix: string;
  outDir: string;
  attributionFile: string;
  /** The boundary periods, in year order. */
  vintageIds: string[];
  vintages: Record<string, VintageConfig>;
  context: { file: string; attribution: string[] } | null;
  attributions: Record<string, AttributionConfig>;
}

export function tilesConfigOf(p: LoadedProvince): TilesConfig {
  const { config } = p;
  const ref = (b: { file: string; code_property: string }): BoundaryRef => ({
    file: p.resolve(b.file),
    code_property: b.code_property,
  });
  const vintages: Record<string, VintageConfig> = {};
  for (const period of p.periods) {
    const { communes, districts, province } = period.boundaries;
    vintages[period.id] = {
      label_vi: period.label.vi,
      label_en: period.label.en,
      units_csv: p.resolve(period.units),
      communes: ref(communes),
      districts: districts === null ? null : 'file' in districts ? ref(districts) : { dissolve: true },
      province: 'file' in province ? { file: p.resolve(province.file) } : { dissolve: true },
      attribution: [...period.attribution],
    };
  }
  const context = config.tiles.context;
  return {
    slug: config.slug,
    province: {
      code: config.code,
      name_vi: config.name.vi,
      name_en: config.name.en,
      full_name_vi: config.full_name.vi,
    },
    prefix: config.tiles.prefix,
    outDir: fromRepo(config.tiles.out_dir),
    attributionFile: config.tiles.attribution_file,
    vintageIds: p.periods.map((x) => x.id),
    vintages,
    context: context ? { file: p.resolve(context.file), attribution: [...context.attribution] } : null,
    attributions: config.attributions,
  };
}

/** The tile config of the province `slug` (its folder under provinces/); throws on a bad folder. */
export function loadConfig(slug: string): TilesConfig {
  return tilesConfigOf(loadProvince(provinceDir(slug)));
}

/** The config's vintage `id`, or an error naming the configured ones. */
export function vintageOf(config: TilesConfig, id: string): VintageConfig {
  const vc = config.vintages[id];
  if (!vc) throw new Error(`${config.prefix}: no boundary period "${id}" (${config.vintageIds.join(', ')})`);
  return vc;
}
