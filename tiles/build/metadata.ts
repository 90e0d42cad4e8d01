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

/** What each source-layer holds; `province` is the province's name as the archives describe it. */
function layerDescription(layer: LayerName, province: { name: string; code: string }): string {
  switch (layer) {
    case 'communes':
      return 'Commune-level units (xã, phường, thị trấn); feature id = GSO code as integer';
    case 'districts':
      return 'District-level units (huyện, thành phố); feature id = GSO code as integer';
    case 'province':
      return `${province.name} province outline; feature id ${Number(province.code)}`;
    case 'labels':
      return 'One label point per commune-level unit (polylabel), same id and properties as communes';
    case 'context':
      return `Neighbouring provinces (period pre2025/post2025), China and Laos; draw under the ${province.name} layers`;
  }
}

export function vectorLayers(
  layers: readonly LayerName[],
  hasDistricts: boolean,
  zoom: { minZoom: number; maxZoom: number },
  province: { name: string; code: string },
) {
  return layers.map((id) => ({
    id,
    description: layerDescription(id, province),
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
