import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Feature, FeatureCollection } from 'geojson';
import type { Areal } from './geo.ts';
import { fromRepo } from './paths.ts';

/**
 * Reading boundary files: shared by the tile build (layers.ts) and the province loader
 * (scripts/province/load.ts), so both read codes the same way. Paths relative to the repository root, or
 * absolute.
 */

/** A GeoJSON file, plain or gzip-compressed (`.gz`: large sources are committed compressed). */
export function readFeatures(file: string): Feature[] {
  const raw = readFileSync(fromRepo(file));
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const fc = JSON.parse(text) as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  }
  return fc.features;
}

export function areal(f: Feature, file: string): Areal {
  const g = f.geometry;
  if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') {
    throw new Error(
      `${file}: feature ${JSON.stringify(f.id)} has geometry ${g?.type}, expected (Multi)Polygon`,
    );
  }
  return g;
}

/** The code in `property`, as a zero-padded string of `digits` digits (sources may store numbers). */
export function codeOf(f: Feature, property: string, digits: number, file: string): string {
  const raw = f.properties?.[property];
  const s = typeof raw === 'number' && Number.isInteger(raw) ? String(raw).padStart(digits, '0') : raw;
  if (typeof s !== 'string' || !new RegExp(`^\\d{${digits}}$`).test(s)) {
    throw new Error(`${file}: property "${property}" = ${JSON.stringify(raw)} is not a ${digits}-digit code`);
  }
  return s;
}
