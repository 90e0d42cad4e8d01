import type { TilesConfig } from './config.ts';
import type { LayerName } from './schema.ts';

/** Field lists of each source-layer, for TileJSON `vector_layers` (tippecanoe's "String" convention). */
export function fieldsFor(layer: LayerName, hasDistricts: boolean): Record<string, string> {
  switch (layer) {
    case 'communes':
    case 'labels':
      return hasDistricts
        ? {
            code: 'String',
            name: 'String',
            full_name: 'String',
            kind: 'String',
            district_code: 'String',
            district_name: 'String',
          }
        : { code: 'String', name: 'String', full_name: 'String', kind: 'String' };
    case 'districts':
      return { code: 'String', name: 'String', full_name: 'String', kind: 'String' };
    case 'province':
      return { code: 'String', name: 'String', full_name: 'String' };
    case 'context':
      return { code: 'String', name: 'String', full_name: 'String', kind: 'String', period: 'String' };
  }
}

const LAYER_DESCRIPTION: Record<LayerName, string> = {
  communes: 'Commune-level units (xã, phường, thị trấn); feature id = GSO code as integer',
  districts: 'District-level units (huyện, thành phố); feature id = GSO code as integer',
  province: 'Lai Châu province outline; feature id 12',
  labels: 'One label point per commune-level unit (polylabel), same id and properties as communes',
  context: 'Neighbouring provinces (period pre2025/post2025), China and Laos; draw under the Lai Châu layers',
};

export function vectorLayers(
  layers: readonly LayerName[],
  hasDistricts: boolean,
  zoom: { minZoom: number; maxZoom: number },
) {
  return layers.map((id) => ({
    id,
    description: LAYER_DESCRIPTION[id],
    minzoom: zoom.minZoom,
    maxzoom: zoom.maxZoom,
    fields: fieldsFor(id, hasDistricts),
  }));
}

/** Attribution entries of an archive, in config order. */
export function attributionsFor(config: TilesConfig, keys: readonly string[]) {
  return keys.map((key) => {
    const a = config.attributions[key];
    if (!a) throw new Error(`unknown attribution key ${key}`);
    return { key, ...a };
  });
}

/** Short attribution for MapLibre's attribution control (HTML; our own fixed strings, escaped anyway). */
export function attributionHtml(
  config: TilesConfig,
  keys: readonly string[],
  lang: 'vi' | 'en' = 'vi',
): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return attributionsFor(config, keys)
    .map(
      (a) =>
        `<a href="${esc(a.url)}" target="_blank" rel="noopener">${esc(lang === 'en' ? (a.short_en ?? a.short) : a.short)}</a>`,
    )
    .join(' · ');
}
