/**
 * Zoom ranges of the archives.
 *
 * minzoom 6: the province (≈1.8° × 1.2°) is ≈160 px wide at MapLibre zoom 6 and ≈320 px at 7, so a phone
 * can show all of it; below minzoom MapLibre draws nothing from these sources. Every unit survives
 * geojson-vt's small-polygon drop at zoom 6 (tests/tiles checks the ids at minzoom).
 * maxzoom 12: ≈2.4 m per tile unit, finer than the sources (GADM copy rounded to ≈11 m; 2025 layer
 * simplified at 10 m); MapLibre overzooms beyond.
 * The context layer (100 m simplification upstream) stops at 10 and starts lower for the overview.
 */
export const VINTAGE_ZOOM = { minZoom: 6, maxZoom: 12 } as const;
export const CONTEXT_ZOOM = { minZoom: 4, maxZoom: 10 } as const;
/** geojson-vt tolerance in tile units at zooms below maxzoom (its default is 3). */
export const TOLERANCE = 3;
/** Zoom the archive suggests for a first view (header center zoom). */
export const CENTER_ZOOM = 7;

/**
 * The national archive (tiles/build/build-national.ts). minzoom 5: Viet Nam, Hoàng Sa and Trường Sa
 * included, is ≈730 px tall at MapLibre zoom 5, one phone screen. The provinces and their labels are in
 * every zoom; the communes start at NATIONAL_COMMUNE_MINZOOM.
 *
 * Why 7 (measured on the 3,321 units' areas, width ≈ √area at their latitude; tiles/README.md): at zoom 6
 * the median unit is 7 px across and only 43 % are ≥ 8 px, so their fills read as noise; at 7 the median
 * is 15 px and 89 % are ≥ 8 px (98 % at 8). Below 7 the archive carries only the 34 outlines, which also
 * keeps the country's first screen light.
 */
export const NATIONAL_ZOOM = { minZoom: 5, maxZoom: 12 } as const;
export const NATIONAL_COMMUNE_MINZOOM = 7;
export const NATIONAL_CENTER_ZOOM = 5;
