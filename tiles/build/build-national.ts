import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJsonLines } from './build-tiles.ts';
import { bboxOf, round, roundBBoxOutwards, type BBox } from './geo.ts';
import {
  ALWAYS_SHOWN_UNITS,
  buildNationalLayers,
  NATIONAL_SOURCES,
  type NationalLayers,
} from './national-layers.ts';
import { fromRepo, REPO_ROOT } from './paths.ts';
import { writePmtiles, type ArchiveStats } from './pmtiles-writer.ts';
import { buildPyramid, type PyramidLayer } from './tile-pyramid.ts';
import { NATIONAL_CENTER_ZOOM, NATIONAL_COMMUNE_MINZOOM, NATIONAL_ZOOM, TOLERANCE } from './zoom.ts';

/**
 * `npm run tiles:national`: the national archive of 1 July 2025, from tiles/national-2025/, into
 * tiles/out/national/ (not committed): `national-2025.pmtiles` and `national-2025.index.json`.
 * The same pyramid code as the provinces' archives (geojson-vt → vt-pbf → pmtiles-writer.ts), and the same
 * determinism (features sorted by code, fixed gzip level, no timestamps).
 *
 * Source-layers: `provinces` and `province_labels` at every zoom; `communes` and `labels` from
 * NATIONAL_COMMUNE_MINZOOM, except Hoàng Sa and Trường Sa, which are in them at every zoom. The build
 * refuses to write an archive in which a unit or province is missing from some zoom it should be in.
 */

export const NATIONAL_NAME = 'national-2025';
export const NATIONAL_OUT_DIR = 'tiles/out/national';
export const NATIONAL_LAYERS = ['provinces', 'communes', 'province_labels', 'labels'] as const;
export type NationalLayerName = (typeof NATIONAL_LAYERS)[number];

/** The credit the publisher asks for (the same text as in provinces/dien-bien/province.json). */
export const NATIONAL_ATTRIBUTION = {
  html: '<a href="https://sapnhap.bando.com.vn" target="_blank" rel="noopener">Bản đồ ĐVHC 2025 (sapnhap.bando.com.vn)</a>',
  vi: 'Ranh giới xã 2025: Bản đồ ĐVHC sau sắp xếp (sapnhap.bando.com.vn), NXB Tài nguyên – Môi trường và Bản đồ Việt Nam; dữ liệu qua thanglequoc/vietnamese-provinces-database (MIT)',
  en: '2025 commune boundaries: administrative map after the 2025 merger (sapnhap.bando.com.vn), Vietnam Natural Resources, Environment and Cartography Publishing House; data via thanglequoc/vietnamese-provinces-database (MIT)',
};

const GENERATOR = `${(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name} tiles/build/build-national.ts`;

export interface NationalOptions {
  outDir?: string;
  /** Lower only in tests (a full build takes tens of seconds). */
  maxZoom?: number;
  sources?: typeof NATIONAL_SOURCES;
}

export interface NationalResult {
  outDir: string;
  archiveFile: string;
  indexFile: string;
  archiveBytes: number;
  indexBytes: number;
  stats: ArchiveStats;
  layers: NationalLayers;
}

function firstZoom(layer: NationalLayerName, id: number, minZoom: number): number {
  if (layer === 'provinces' || layer === 'province_labels') return minZoom;
  return ALWAYS_SHOWN_UNITS.some((c) => Number(c) === id) ? minZoom : NATIONAL_COMMUNE_MINZOOM;
}

const FIELDS = {
  unit: { code: 'String', name: 'String', full_name: 'String', kind: 'String', province_code: 'String' },
  province: { code: 'String', name: 'String', full_name: 'String' },
};

function vectorLayers(zoom: { minZoom: number; maxZoom: number }) {
  const layer = (
    id: NationalLayerName,
    minzoom: number,
    description: string,
    fields: Record<string, string>,
  ) => ({
    id,
    description,
    minzoom,
    maxzoom: zoom.maxZoom,
    fields,
  });
  const c = Math.min(NATIONAL_COMMUNE_MINZOOM, zoom.maxZoom);
  return [
    layer(
      'provinces',
      zoom.minZoom,
      'The 34 provinces of 1 July 2025; feature id = GSO code as integer',
      FIELDS.province,
    ),
    layer(
      'communes',
      c,
      `Commune-level units (xã, phường, đặc khu) from zoom ${c}; Hoàng Sa and Trường Sa at every zoom; feature id = GSO code as integer`,
      FIELDS.unit,
    ),
    layer(
      'province_labels',
      zoom.minZoom,
      'One label point per province (polylabel), same id and properties as provinces',
      FIELDS.province,
    ),
    layer(
      'labels',
      c,
      'One label point per unit (polylabel), same id and properties as communes',
      FIELDS.unit,
    ),
  ];
}

/** Every unit and province in every zoom it should be in, from the ids the pyramid reported. */
function checkPresence(
  l: NationalLayers,
  seen: Map<string, Set<number>>,
  zoom: { minZoom: number; maxZoom: number },
) {
  const problems: string[] = [];
  const expect = (layer: NationalLayerName, ids: readonly number[]) => {
    for (const id of ids) {
      for (let z = firstZoom(layer, id, zoom.minZoom); z <= zoom.maxZoom; z++) {
        if (!seen.get(`${layer}/${z}`)?.has(id)) problems.push(`${layer} ${id} at zoom ${z}`);
      }
    }
  };
  expect(
    'provinces',
    l.provinceList.map((p) => Number(p.code)),
  );
  expect(
    'province_labels',
    l.provinceList.map((p) => Number(p.code)),
  );
  expect(
    'communes',
    l.communes.map((c) => c.id),
  );
  expect(
    'labels',
    l.labels.map((c) => c.id),
  );
  if (problems.length > 0) {
    throw new Error(
      `national archive: missing from tiles: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? ` … (${problems.length})` : ''}`,
    );
  }
}

export function buildNational(options: NationalOptions = {}): NationalResult {
  const zoom = { minZoom: NATIONAL_ZOOM.minZoom, maxZoom: options.maxZoom ?? NATIONAL_ZOOM.maxZoom };
  const outDir = options.outDir ?? fromRepo(NATIONAL_OUT_DIR);
  const l = buildNationalLayers(options.sources);
  const always = new Set(ALWAYS_SHOWN_UNITS.map(Number));
  const communeMin = Math.min(NATIONAL_COMMUNE_MINZOOM, zoom.maxZoom);
  const layers: PyramidLayer[] = [
    { name: 'provinces', features: l.provinces, keep: l.provinceIslands },
    {
      name: 'communes',
      minZoom: communeMin,
      features: l.communes.filter((c) => !always.has(c.id)),
      keep: l.communes.filter((c) => always.has(c.id)),
    },
    { name: 'province_labels', features: l.provinceLabels },
    {
      name: 'labels',
      minZoom: communeMin,
      features: l.labels.filter((c) => !always.has(c.id)),
      keep: l.labels.filter((c) => always.has(c.id)),
    },
  ];
  const bounds: BBox = roundBBoxOutwards(bboxOf(l.communes.map((c) => c.geometry)));
  const center: [number, number] = [round((bounds[0] + bounds[2]) / 2), round((bounds[1] + bounds[3]) / 2)];
  const seen = new Map<string, Set<number>>();
  const tiles = buildPyramid(layers, bounds, { ...zoom, tolerance: TOLERANCE }, (z, _x, _y, layer, ids) => {
    const key = `${layer}/${z}`;
    const set = seen.get(key) ?? new Set<number>();
    for (const id of ids) set.add(id);
    seen.set(key, set);
  });
  checkPresence(l, seen, zoom);

  const metadata = {
    name: NATIONAL_NAME,
    description:
      'Viet Nam from 1 July 2025: 34 provinces and 3,321 commune-level units, Hoàng Sa and Trường Sa included',
    description_vi:
      'Việt Nam từ 01/7/2025: 34 tỉnh, thành phố và 3.321 đơn vị hành chính cấp xã, gồm cả Hoàng Sa và Trường Sa',
    attribution: NATIONAL_ATTRIBUTION.html,
    type: 'overlay',
    format: 'pbf',
    generator: GENERATOR,
    minzoom: zoom.minZoom,
    maxzoom: zoom.maxZoom,
    bounds,
    center: [...center, NATIONAL_CENTER_ZOOM],
    vintage: '2025',
    unit_count: l.communes.length,
    province_count: l.provinceList.length,
    commune_minzoom: communeMin,
    vector_layers: vectorLayers(zoom),
  };
  const archive = writePmtiles({
    tiles,
    metadata,
    ...zoom,
    bounds,
    center,
    centerZoom: NATIONAL_CENTER_ZOOM,
  });

  const labelOf = new Map(l.labels.map((p) => [p.id, p.geometry.coordinates]));
  const provinceGeoms = new Map<number, BBox>();
  for (const p of [...l.provinces, ...l.provinceIslands]) {
    const b = bboxOf([p.geometry]);
    const prev = provinceGeoms.get(p.id);
    provinceGeoms.set(
      p.id,
      prev
        ? [Math.min(prev[0], b[0]), Math.min(prev[1], b[1]), Math.max(prev[2], b[2]), Math.max(prev[3], b[3])]
        : b,
    );
  }
  const provinceLabelOf = new Map(l.provinceLabels.map((p) => [p.id, p.geometry.coordinates]));
  const collator = new Intl.Collator('vi');
  const index = {
    vintage: '2025',
    archive: `${NATIONAL_NAME}.pmtiles`,
    layers: [...NATIONAL_LAYERS],
    bounds,
    center,
    minzoom: zoom.minZoom,
    maxzoom: zoom.maxZoom,
    commune_minzoom: communeMin,
    // id = Number(code): a GSO code is unique nationally and stable; the app joins with setFeatureState.
    id_rule: 'Number(code)',
    always_shown: [...ALWAYS_SHOWN_UNITS],
    attribution: NATIONAL_ATTRIBUTION,
    provinces: l.provinceList.map((p) => ({
      code: p.code,
      id: Number(p.code),
      name: p.name,
      full_name: p.full_name,
      unit_count: l.units.filter((u) => u.province_code === p.code).length,
      label: provinceLabelOf.get(Number(p.code)),
      bbox: roundBBoxOutwards(provinceGeoms.get(Number(p.code)) as BBox),
    })),
    units: l.communes.map((c) => ({
      code: c.properties.code,
      id: c.id,
      name: c.properties.name,
      full_name: c.properties.full_name,
      kind: c.properties.kind,
      province_code: c.properties.province_code,
      label: labelOf.get(c.id),
      bbox: roundBBoxOutwards(bboxOf([c.geometry])),
    })),
    // Codes in Vietnamese alphabetical order of the names (ties by code), sorted here with Node's full ICU.
    order: [...l.units]
      .sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1))
      .map((u) => u.code),
  };

  mkdirSync(outDir, { recursive: true });
  const archiveFile = path.join(outDir, `${NATIONAL_NAME}.pmtiles`);
  const indexFile = path.join(outDir, `${NATIONAL_NAME}.index.json`);
  writeFileSync(archiveFile, archive.bytes);
  const indexText = formatJsonLines(index);
  writeFileSync(indexFile, indexText);
  return {
    outDir,
    archiveFile,
    indexFile,
    archiveBytes: archive.bytes.length,
    indexBytes: Buffer.byteLength(indexText),
    stats: archive.stats,
    layers: l,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  const outDir = at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1] as string) : undefined;
  const t0 = performance.now();
  const r = buildNational({ outDir });
  const ms = Math.round(performance.now() - t0);
  const s = r.stats;
  console.log(
    `${path.basename(r.archiveFile).padEnd(28)} ${String(r.archiveBytes).padStart(9)} bytes (${s.addressedTiles} tiles, ${s.tileContents} distinct, ${s.leafDirectories} leaf dirs)`,
  );
  console.log(`${path.basename(r.indexFile).padEnd(28)} ${String(r.indexBytes).padStart(9)} bytes`);
  console.log(`built in ${ms} ms → ${path.relative(process.cwd(), r.outDir) || '.'}`);
}
