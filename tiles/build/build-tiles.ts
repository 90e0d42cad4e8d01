import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listProvinceDirs, loadProvince, ProvinceError, provinceDir } from '../../scripts/province/load.ts';
import { tilesConfigOf, vintageOf, type TilesConfig } from './config.ts';
import { bboxOf, round, roundBBoxOutwards, type BBox } from './geo.ts';
import { buildContextLayer, buildVintageLayers, type VintageLayers } from './layers.ts';
import { attributionHtml, attributionsFor, vectorLayers } from './metadata.ts';
import { REPO_ROOT } from './paths.ts';
import { writePmtiles, type ArchiveStats } from './pmtiles-writer.ts';
import { buildStaticMap } from './static-map.ts';
import type { LayerName } from './schema.ts';
import { buildPyramid, type PyramidLayer } from './tile-pyramid.ts';
import { CENTER_ZOOM, CONTEXT_ZOOM, TOLERANCE, VINTAGE_ZOOM } from './zoom.ts';

/**
 * `npm run tiles`: for every province folder (provinces/<slug>/province.json, or one with
 * `--province <slug>`), its boundary GeoJSON → PMTiles archives, per-period index.json, per-period
 * static.json (first-paint SVG paths, static-map.ts) and an attribution file, in the province's output
 * folder with its file-name prefix. Deterministic: no timestamps, features sorted by code, fixed gzip
 * level, stable JSON key order, so a rebuild gives byte-identical files.
 */

export interface BuiltFile {
  file: string;
  bytes: number;
  stats?: ArchiveStats;
}

export interface BuildResult {
  outDir: string;
  files: BuiltFile[];
}

/** Written into every archive's metadata: the project's package name and this file. */
const GENERATOR = `${(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name} tiles/build/build-tiles.ts`;

function centerOf([w, s, e, n]: BBox): [number, number] {
  return [round((w + e) / 2), round((s + n) / 2)];
}

/**
 * JSON with one line per top-level key and one line per array item: compact for the browser, still
 * readable in a diff (a changed unit shows as one changed line).
 */
export function formatJsonLines(value: Record<string, unknown>): string {
  const lines = Object.entries(value).map(([key, v]) => {
    const head = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(v) && v.some((item) => item !== null && typeof item === 'object')) {
      const items = v.map((item) => `    ${JSON.stringify(item)}`);
      return `${head}[\n${items.join(',\n')}\n  ]`;
    }
    return `${head}${JSON.stringify(v)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

function writeJson(file: string, value: unknown): number {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function writeJsonLines(file: string, value: Record<string, unknown>): number {
  const text = formatJsonLines(value);
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function vietnameseOrder(units: { code: string; name: string }[]): string[] {
  const collator = new Intl.Collator('vi');
  return [...units]
    .sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((u) => u.code);
}

function vintageArchive(config: TilesConfig, l: VintageLayers) {
  const layers: PyramidLayer[] = [
    { name: 'communes', features: l.communes },
    ...(l.districts ? [{ name: 'districts', features: l.districts }] : []),
    { name: 'province', features: l.province },
    { name: 'labels', features: l.labels },
  ];
  const layerNames = layers.map((x) => x.name as LayerName);
  const bounds = roundBBoxOutwards(bboxOf(l.communes.map((c) => c.geometry)));
  const center = centerOf(bounds);
  const vc = vintageOf(config, l.vintage);
  const { prefix, province } = config;
  const tiles = buildPyramid(layers, bounds, { ...VINTAGE_ZOOM, tolerance: TOLERANCE });
  const metadata = {
    name: `${prefix}-${l.vintage}`,
    description: `${province.name_en}: ${vc.label_en}`,
    description_vi: `${province.name_vi}: ${vc.label_vi}`,
    attribution: attributionHtml(config, vc.attribution),
    type: 'overlay',
    format: 'pbf',
    generator: GENERATOR,
    minzoom: VINTAGE_ZOOM.minZoom,
    maxzoom: VINTAGE_ZOOM.maxZoom,
    bounds,
    center: [...center, CENTER_ZOOM],
    vintage: l.vintage,
    unit_count: l.communes.length,
    vector_layers: vectorLayers(layerNames, l.hasDistricts, VINTAGE_ZOOM, provinceNamed(config)),
  };
  const archive = writePmtiles({ tiles, metadata, ...VINTAGE_ZOOM, bounds, center, centerZoom: CENTER_ZOOM });
  const districtByCode = new Map((l.districts ?? []).map((d) => [d.properties.code, d]));
  const index = {
    vintage: l.vintage,
    archive: `${prefix}-${l.vintage}.pmtiles`,
    layers: layerNames,
    bounds,
    center,
    minzoom: VINTAGE_ZOOM.minZoom,
    maxzoom: VINTAGE_ZOOM.maxZoom,
    units: l.communes.map((c, i) => ({
      code: c.properties.code,
      name: c.properties.name,
      full_name: c.properties.full_name,
      kind: c.properties.kind,
      district_code: c.properties.district_code ?? null,
      district_name: c.properties.district_name ?? null,
      label: l.labels[i]?.geometry.coordinates,
      bbox: roundBBoxOutwards(bboxOf([c.geometry])),
    })),
    // The units' codes in Vietnamese alphabetical order of their names, sorted here with Node's full ICU
    // so that the page lists them in order without loading ICU collation data on a phone at start-up.
    order: vietnameseOrder(
      l.communes.map((c) => ({ code: String(c.properties.code), name: String(c.properties.name) })),
    ),
    districts: l.districtsList.map((d) => {
      const f = districtByCode.get(d.code);
      return {
        code: d.code,
        name: d.name,
        full_name: d.full_name,
        kind: d.kind,
        bbox: f ? roundBBoxOutwards(bboxOf([f.geometry])) : null,
      };
    }),
  };
  return { archive, index };
}

/** The province as the archives' English descriptions name it. */
function provinceNamed(config: TilesConfig) {
  return { name: config.province.name_en, code: config.province.code };
}

function contextArchive(config: TilesConfig, context: NonNullable<TilesConfig['context']>) {
  const features = buildContextLayer(context);
  const periods = new Set(features.map((f) => f.properties.period));
  const when = periods.has('pre2025') ? 'before and after July 2025' : 'from July 2025';
  const bounds = roundBBoxOutwards(bboxOf(features.map((f) => f.geometry)));
  const center = centerOf(bounds);
  const tiles = buildPyramid([{ name: 'context', features }], bounds, {
    ...CONTEXT_ZOOM,
    tolerance: TOLERANCE,
  });
  const metadata = {
    name: `${config.prefix}-context`,
    description: `Context outlines around ${config.province.name_en}: neighbouring provinces ${when}, China, Laos`,
    attribution: attributionHtml(config, context.attribution),
    type: 'baselayer',
    format: 'pbf',
    generator: GENERATOR,
    minzoom: CONTEXT_ZOOM.minZoom,
    maxzoom: CONTEXT_ZOOM.maxZoom,
    bounds,
    center: [...center, CONTEXT_ZOOM.minZoom + 2],
    vector_layers: vectorLayers(['context'], false, CONTEXT_ZOOM, provinceNamed(config)),
  };
  return writePmtiles({
    tiles,
    metadata,
    ...CONTEXT_ZOOM,
    bounds,
    center,
    centerZoom: CONTEXT_ZOOM.minZoom + 2,
  });
}

function attributionJson(config: TilesConfig) {
  const entry = (file: string, keys: readonly string[]) => {
    const list = attributionsFor(config, keys);
    return {
      file,
      vi: list.map((a) => a.vi),
      en: list.map((a) => a.en),
      html: attributionHtml(config, keys),
      html_en: attributionHtml(config, keys, 'en'),
      restricted: list.some((a) => a.restricted),
      licences: list.map((a) => ({ key: a.key, licence: a.licence, url: a.url, restricted: a.restricted })),
    };
  };
  const { prefix, context } = config;
  return {
    ...Object.fromEntries(
      config.vintageIds.map((v) => [
        `${prefix}-${v}`,
        entry(`${prefix}-${v}.pmtiles`, vintageOf(config, v).attribution),
      ]),
    ),
    ...(context ? { [`${prefix}-context`]: entry(`${prefix}-context.pmtiles`, context.attribution) } : {}),
  };
}

/**
 * Builds one province's files into `outDir` (default: the province's own output folder). `vintages`
 * limits the build to some periods (tests), and then the context archive and attribution file are built too.
 */
export function buildTiles(
  config: TilesConfig,
  options: { outDir?: string; vintages?: readonly string[] } = {},
): BuildResult {
  const outDir = options.outDir ?? config.outDir;
  const { prefix } = config;
  mkdirSync(outDir, { recursive: true });
  const files: BuiltFile[] = [];
  for (const vintage of options.vintages ?? config.vintageIds) {
    const layers = buildVintageLayers(config, vintage);
    const { archive, index } = vintageArchive(config, layers);
    const name = `${prefix}-${vintage}.pmtiles`;
    writeFileSync(path.join(outDir, name), archive.bytes);
    files.push({ file: name, bytes: archive.bytes.length, stats: archive.stats });
    const indexName = `${prefix}-${vintage}.index.json`;
    files.push({ file: indexName, bytes: writeJsonLines(path.join(outDir, indexName), index) });
    // The first-paint SVG map (tiles/build/static-map.ts), from the same boundaries and bounds.
    const staticMap = buildStaticMap(
      vintage,
      index.bounds,
      layers.communes.map((c) => ({ code: c.properties.code as string, geometry: c.geometry })),
    );
    const staticName = `${prefix}-${vintage}.static.json`;
    files.push({ file: staticName, bytes: writeJsonLines(path.join(outDir, staticName), { ...staticMap }) });
  }
  if (config.context) {
    const context = contextArchive(config, config.context);
    const contextName = `${prefix}-context.pmtiles`;
    writeFileSync(path.join(outDir, contextName), context.bytes);
    files.push({ file: contextName, bytes: context.bytes.length, stats: context.stats });
  }
  files.push({
    file: config.attributionFile,
    bytes: writeJson(path.join(outDir, config.attributionFile), attributionJson(config)),
  });
  return { outDir, files };
}

/** The tile configs of `--province <slug>`, or of every configured province. */
export function configsFromArgs(argv: readonly string[]): TilesConfig[] {
  const at = argv.indexOf('--province');
  const slug = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !slug) throw new Error('--province needs a province folder name, e.g. --province dien-bien');
  const dirs = slug ? [provinceDir(slug)] : listProvinceDirs();
  return dirs.map((dir) => tilesConfigOf(loadProvince(dir)));
}

function main(argv: readonly string[]): void {
  const at = argv.indexOf('--out');
  const out = at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1] as string) : undefined;
  const configs = configsFromArgs(argv);
  for (const config of configs) {
    // --out with several provinces: one folder each, so their attribution files do not collide.
    const outDir = out && configs.length > 1 ? path.join(out, config.slug) : out;
    const t0 = performance.now();
    const result = buildTiles(config, { outDir });
    const ms = Math.round(performance.now() - t0);
    for (const f of result.files) {
      const s = f.stats;
      const detail = s
        ? ` (${s.addressedTiles} tiles, ${s.tileContents} distinct, ${s.leafDirectories} leaf dirs)`
        : '';
      console.log(`${f.file.padEnd(28)} ${String(f.bytes).padStart(9)} bytes${detail}`);
    }
    console.log(`built in ${ms} ms → ${path.relative(process.cwd(), result.outDir) || '.'}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    // A bad province folder is the user's to fix: its problems, not a stack trace.
    if (!(e instanceof ProvinceError)) throw e;
    console.error(e.message);
    process.exitCode = 1;
  }
}
