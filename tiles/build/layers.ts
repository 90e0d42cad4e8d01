import type { Point } from 'geojson';
import { vintageOf, type TilesConfig } from './config.ts';
import { asSingleGeometry, dropSmallRings, unionAll, type Areal } from './geo.ts';
import { areal, codeOf, readFeatures } from './features.ts';
import { labelPoint } from './labels.ts';
import { fromRepo } from './paths.ts';
import {
  districtsOf,
  readReferenceUnits,
  type ReferenceDistrict,
  type ReferenceUnit,
} from './reference-units.ts';
import { contextProps, schemaFor, type ContextProps, type LayerName } from './schema.ts';

/** A feature ready for tiling: integer id, validated properties. */
export interface TileFeature<G extends Areal | Point = Areal | Point> {
  id: number;
  properties: Record<string, string>;
  geometry: G;
}

export interface VintageLayers {
  vintage: string;
  hasDistricts: boolean;
  units: ReferenceUnit[];
  districtsList: ReferenceDistrict[];
  communes: TileFeature<Areal>[];
  districts: TileFeature<Areal>[] | null;
  province: TileFeature<Areal>[];
  labels: TileFeature<Point>[];
}

/**
 * Holes and parts smaller than this are dropped from dissolved outlines: GADM leaves gaps of up to
 * 0.14 km² between neighbouring communes, which would show as pin-holes in district and province fills.
 */
export const DISSOLVE_MIN_AREA_M2 = 200_000;

/** Group a boundary file by code and check it covers exactly the expected codes. */
function geometriesByCode(
  file: string,
  property: string,
  digits: number,
  expected: readonly string[],
): Map<string, Areal> {
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

function validated(layer: LayerName, hasDistricts: boolean, props: Record<string, string>, id: number) {
  const parsed = schemaFor(layer, hasDistricts).safeParse(props);
  if (!parsed.success) {
    throw new Error(
      `layer ${layer}, feature ${id}: invalid properties ${JSON.stringify(props)}: ${parsed.error.message}`,
    );
  }
  return props;
}

function unitProps(u: ReferenceUnit, hasDistricts: boolean): Record<string, string> {
  const base = { code: u.code, name: u.name, full_name: u.full_name, kind: u.kind };
  if (!hasDistricts) return base;
  if (u.district_code === null || u.district_name === null) throw new Error(`unit ${u.code} has no district`);
  return { ...base, district_code: u.district_code, district_name: u.district_name };
}

export function buildVintageLayers(config: TilesConfig, vintage: string): VintageLayers {
  const vc = vintageOf(config, vintage);
  const units = readReferenceUnits(fromRepo(vc.units_csv));
  const hasDistricts = vc.districts !== null;
  const districtsList = hasDistricts ? districtsOf(units) : [];
  if (hasDistricts && districtsList.length === 0) throw new Error(`${vc.units_csv}: no district columns`);

  const unitGeoms = geometriesByCode(
    vc.communes.file,
    vc.communes.code_property,
    5,
    units.map((u) => u.code),
  );
  const communes: TileFeature<Areal>[] = units.map((u) => {
    const id = Number(u.code);
    return {
      id,
      properties: validated('communes', hasDistricts, unitProps(u, hasDistricts), id),
      geometry: unitGeoms.get(u.code) as Areal,
    };
  });

  let districts: TileFeature<Areal>[] | null = null;
  if (vc.districts !== null) {
    const spec = vc.districts;
    const geoms =
      'file' in spec
        ? geometriesByCode(
            spec.file,
            spec.code_property,
            3,
            districtsList.map((d) => d.code),
          )
        : new Map(
            districtsList.map((d) => [
              d.code,
              dropSmallRings(
                unionAll(
                  communes.filter((c) => c.properties.district_code === d.code).map((c) => c.geometry),
                ),
                DISSOLVE_MIN_AREA_M2,
              ),
            ]),
          );
    districts = districtsList.map((d) => {
      const id = Number(d.code);
      const props = { code: d.code, name: d.name, full_name: d.full_name, kind: d.kind };
      return {
        id,
        properties: validated('districts', true, props, id),
        geometry: geoms.get(d.code) as Areal,
      };
    });
  }

  const provinceSpec = vc.province;
  const provinceGeom =
    'file' in provinceSpec
      ? asSingleGeometry(readFeatures(provinceSpec.file).map((f) => areal(f, provinceSpec.file)))
      : dropSmallRings(unionAll((districts ?? communes).map((f) => f.geometry)), DISSOLVE_MIN_AREA_M2);
  const { code, name_vi, full_name_vi } = config.province;
  const provinceId = Number(code);
  const province: TileFeature<Areal>[] = [
    {
      id: provinceId,
      properties: validated(
        'province',
        hasDistricts,
        { code, name: name_vi, full_name: full_name_vi },
        provinceId,
      ),
      geometry: provinceGeom,
    },
  ];

  const labels: TileFeature<Point>[] = communes.map((c) => ({
    id: c.id,
    properties: c.properties,
    geometry: { type: 'Point', coordinates: labelPoint(c.geometry) },
  }));

  return { vintage, hasDistricts, units, districtsList, communes, districts, province, labels };
}

/**
 * Context outlines (neighbouring provinces before/after 2025, China, Laos) with small stable integer ids:
 * CHN 1, LAO 2, a province before July 2025 100 + GSO code, after July 2025 200 + GSO code.
 */
export function contextFeatureId(sourceId: string): { id: number; period: ContextProps['period'] } {
  if (sourceId === 'CHN') return { id: 1, period: 'any' };
  if (sourceId === 'LAO') return { id: 2, period: 'any' };
  const m = /^VN-(\d{2})-(pre2025|post2025)$/.exec(sourceId);
  if (!m)
    throw new Error(`context feature id "${sourceId}" is neither CHN, LAO nor VN-<code>-pre2025/post2025`);
  const period = m[2] as 'pre2025' | 'post2025';
  return { id: (period === 'pre2025' ? 100 : 200) + Number(m[1]), period };
}

export function buildContextLayer(context: { file: string }): TileFeature<Areal>[] {
  const file = context.file;
  const out = readFeatures(file).map((f): TileFeature<Areal> => {
    const { id, period } = contextFeatureId(String(f.id));
    const p = f.properties ?? {};
    const props = {
      code: String(p.code ?? '').normalize('NFC'),
      name: String(p.name ?? '').normalize('NFC'),
      full_name: String(p.full_name ?? '').normalize('NFC'),
      kind: String(p.kind ?? ''),
      period,
    };
    const parsed = contextProps.safeParse(props);
    if (!parsed.success) throw new Error(`${file}: feature ${String(f.id)}: ${parsed.error.message}`);
    return { id, properties: props, geometry: areal(f, file) };
  });
  const ids = out.map((f) => f.id);
  if (new Set(ids).size !== ids.length) throw new Error(`${file}: duplicate context ids`);
  return out.sort((a, b) => a.id - b.id);
}
