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
