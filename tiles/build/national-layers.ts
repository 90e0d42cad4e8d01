import type { Point, Position } from 'geojson';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { areal, codeOf, readFeatures } from './features.ts';
import { asSingleGeometry, bboxOf, polygonsOf, type Areal, type BBox } from './geo.ts';
import { labelPoint } from './labels.ts';
import type { TileFeature } from './layers.ts';
import { fromRepo } from './paths.ts';
import {
  isUnitKind,
  parseSimpleCsv,
  stripUnitPrefix,
  UNIT_KINDS,
  type ReferenceUnit,
} from './reference-units.ts';
import { nationalUnitProps, provinceProps } from './schema.ts';

/**
 * The national layers of 1 July 2025 (tiles/national-2025/): 34 provinces and their 3,321 commune-level
 * units, each with an integer id and validated properties, and one label point per unit and per province.
 * Names and kinds come from the unit list (units-2025.csv), geometry from the boundary files, checked
 * against each other both ways.
 */

export const NATIONAL_DIR = 'tiles/national-2025';
export const NATIONAL_SOURCES = {
  units: `${NATIONAL_DIR}/units-2025.csv`,
  communes: `${NATIONAL_DIR}/communes-2025.simplified-30m.geojson.gz`,
  provinces: `${NATIONAL_DIR}/provinces-2025.simplified-30m.geojson.gz`,
} as const;

/**
 * Units every map of Viet Nam must show at every zoom: the special zones Hoàng Sa (Đà Nẵng) and
 * Trường Sa (Khánh Hòa). Their islands are far smaller than geojson-vt's drop threshold at low zooms, so
 * the archive keeps them unsimplified at every zoom (tile-pyramid.ts `keep`), in the communes, labels and
 * provinces layers.
 */
export const ALWAYS_SHOWN_UNITS = ['20333', '22736'] as const;

export interface NationalUnit extends Omit<ReferenceUnit, 'district_code' | 'district_name'> {
  province_code: string;
}

export interface NationalProvince {
  code: string;
  name: string;
  full_name: string;
}

/** "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Khánh Hoà" → "Khánh Hoà". */
export function stripProvincePrefix(fullName: string): string {
  const m = /^(Tỉnh|Thành phố) (.+)$/.exec(fullName);
  if (!m?.[2]) throw new Error(`province name "${fullName}" has no known prefix (Tỉnh, Thành phố)`);
  return m[2];
}

/** units-2025.csv: code, full_name, kind, province_code, province_name (and informative columns). */
export function readNationalUnits(file: string): { units: NationalUnit[]; provinces: NationalProvince[] } {
  const rows = parseSimpleCsv(readFileSync(fromRepo(file), 'utf8'));
  const provinces = new Map<string, NationalProvince>();
  const units = rows.map((r, i): NationalUnit => {
    const where = `${file}, line ${i + 2}`;
    const { code = '', full_name = '', kind, province_code = '', province_name = '' } = r;
    if (!/^\d{5}$/.test(code)) throw new Error(`${where}: bad unit code "${code}"`);
    if (!isUnitKind(kind)) throw new Error(`${where}: unknown kind "${kind}" (${UNIT_KINDS.join(', ')})`);
    if (!/^\d{2}$/.test(province_code)) throw new Error(`${where}: bad province code "${province_code}"`);
    const prev = provinces.get(province_code);
    if (prev && prev.full_name !== province_name)
      throw new Error(`${where}: province ${province_code} has two names`);
    provinces.set(province_code, {
      code: province_code,
      name: stripProvincePrefix(province_name),
      full_name: province_name,
    });
    return { code, name: stripUnitPrefix(full_name, kind), full_name, kind, province_code };
  });
  const codes = units.map((u) => u.code);
  if (new Set(codes).size !== codes.length) throw new Error(`${file}: duplicate unit codes`);
  return {
    units: units.sort((a, b) => (a.code < b.code ? -1 : 1)),
    provinces: [...provinces.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
  };
}

/** Group a boundary file by its code property and check it has exactly the expected codes. */
function byCode(file: string, property: string, digits: number, expected: readonly string[]) {
  const groups = new Map<string, Areal[]>();
  for (const f of readFeatures(file)) {
    const code = codeOf(f, property, digits, file);
    groups.set(code, [...(groups.get(code) ?? []), areal(f, file)]);
  }
  const want = new Set(expected);
  const missing = expected.filter((c) => !groups.has(c));
  const extra = [...groups.keys()].filter((c) => !want.has(c));
  if (missing.length || extra.length) {
    throw new Error(
      `${file}: codes do not match the unit list (missing: ${missing.join(', ') || 'none'}; ` +
        `not in the list: ${extra.join(', ') || 'none'})`,
    );
  }
  return new Map(expected.map((c) => [c, asSingleGeometry(groups.get(c) ?? [])]));
}

function within([w, s, e, n]: BBox, box: BBox): boolean {
  return w >= box[0] && s >= box[1] && e <= box[2] && n <= box[3];
}

function fromPolygons(polys: Position[][][]): Areal | null {
  if (polys.length === 0) return null;
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polys };
}

/**
 * A province outline split into the parts that lie inside an always-shown unit's bbox (its islands,
 * tiled unsimplified) and the rest (tiled like any outline).
 */
export function splitIslands(
  geom: Areal,
  islandBoxes: readonly BBox[],
): { rest: Areal | null; islands: Areal | null } {
  const rest: Position[][][] = [];
  const islands: Position[][][] = [];
  for (const poly of polygonsOf(geom)) {
    const box = bboxOf([{ type: 'Polygon', coordinates: poly }]);
    (islandBoxes.some((b) => within(box, b)) ? islands : rest).push(poly);
  }
  return { rest: fromPolygons(rest), islands: fromPolygons(islands) };
}

export interface NationalLayers {
  units: NationalUnit[];
  provinceList: NationalProvince[];
  communes: TileFeature<Areal>[];
  labels: TileFeature<Point>[];
  provinces: TileFeature<Areal>[];
  /** Island parts of the provinces that hold an always-shown unit (same ids as their province). */
  provinceIslands: TileFeature<Areal>[];
  provinceLabels: TileFeature<Point>[];
}

function checked<T>(
  schema: z.ZodType<T>,
  props: Record<string, string>,
  what: string,
): Record<string, string> {
  const parsed = schema.safeParse(props);
  if (!parsed.success)
    throw new Error(`${what}: invalid properties ${JSON.stringify(props)}: ${parsed.error.message}`);
  return props;
}

/** Feature id of a unit or province: its GSO code as a number (codes are unique nationally). */
export function nationalId(code: string): number {
  return Number.parseInt(code, 10);
}

export function buildNationalLayers(sources = NATIONAL_SOURCES): NationalLayers {
  const { units, provinces: provinceList } = readNationalUnits(sources.units);
  const unitGeoms = byCode(
    sources.communes,
    'code',
    5,
    units.map((u) => u.code),
  );
  for (const code of ALWAYS_SHOWN_UNITS) {
    if (!unitGeoms.has(code)) throw new Error(`${sources.communes}: unit ${code} (always shown) is missing`);
  }
  const communes = units.map((u): TileFeature<Areal> => {
    const id = nationalId(u.code);
    const props = {
      code: u.code,
      name: u.name,
      full_name: u.full_name,
      kind: u.kind,
      province_code: u.province_code,
    };
    return {
      id,
      properties: checked(nationalUnitProps, props, `communes, unit ${u.code}`),
      geometry: unitGeoms.get(u.code) as Areal,
    };
  });
  const labels = communes.map((c): TileFeature<Point> => ({
    id: c.id,
    properties: c.properties,
    geometry: { type: 'Point', coordinates: labelPoint(c.geometry) },
  }));

  const provinceGeoms = byCode(
    sources.provinces,
    'province_code',
    2,
    provinceList.map((p) => p.code),
  );
  const islandBoxes = ALWAYS_SHOWN_UNITS.map((code) => bboxOf([unitGeoms.get(code) as Areal]));
  const provinces: TileFeature<Areal>[] = [];
  const provinceIslands: TileFeature<Areal>[] = [];
  const provinceLabels: TileFeature<Point>[] = [];
  for (const p of provinceList) {
    const id = nationalId(p.code);
    const properties = checked(
      provinceProps,
      { code: p.code, name: p.name, full_name: p.full_name },
      `province ${p.code}`,
    );
    const geometry = provinceGeoms.get(p.code) as Areal;
    const { rest, islands } = splitIslands(geometry, islandBoxes);
    if (rest) provinces.push({ id, properties, geometry: rest });
    if (islands) provinceIslands.push({ id, properties, geometry: islands });
    provinceLabels.push({
      id,
      properties,
      geometry: { type: 'Point', coordinates: labelPoint(rest ?? geometry) },
    });
  }
  return { units, provinceList, communes, labels, provinces, provinceIslands, provinceLabels };
}
