import { z } from 'zod';

/**
 * Properties written into each source-layer of the archives. The build validates every feature against
 * these before writing a tile, and tests/tiles decode the tiles and validate them again.
 * Names are Unicode NFC (decomposed Vietnamese renders broken in MapLibre's local glyphs).
 */
const nfc = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize('NFC'), { message: 'must be Unicode NFC' })
  .refine((s) => s === s.trim(), { message: 'must not have leading or trailing spaces' });

export const unitKind = z.enum(['xa', 'phuong', 'thi_tran', 'dac_khu']);
export const districtKind = z.enum(['huyen', 'thanh_pho', 'thi_xa']);

/** Đặc khu (special zone): the island units of 1 July 2025, e.g. Hoàng Sa, Trường Sa, Phú Quốc. */
const UNIT_PREFIX = { xa: 'Xã', phuong: 'Phường', thi_tran: 'Thị trấn', dac_khu: 'Đặc khu' } as const;
const DISTRICT_PREFIX = { huyen: 'Huyện', thanh_pho: 'Thành phố', thi_xa: 'Thị xã' } as const;

const unitBase = {
  /** GSO code, 5 digits; the feature id is the same number. */
  code: z.string().regex(/^\d{5}$/),
  /** Short name without prefix, e.g. "Mường Tè". */
  name: nfc,
  /** Name with prefix, e.g. "Thị trấn Mường Tè". */
  full_name: nfc,
  kind: unitKind,
};

const fullNameMatchesKind = (p: { name: string; full_name: string; kind: keyof typeof UNIT_PREFIX }) =>
  p.full_name === `${UNIT_PREFIX[p.kind]} ${p.name}`;

/** communes and labels layers of the 2016 and 2020 archives. */
export const communeWithDistrictProps = z
  .strictObject({
    ...unitBase,
    district_code: z.string().regex(/^\d{3}$/),
    district_name: nfc,
  })
  .refine(fullNameMatchesKind, { message: 'full_name must be the kind prefix + name' });

/** communes and labels layers of the 2025 archive (districts were abolished on 1 July 2025). */
export const communeProps = z
  .strictObject(unitBase)
  .refine(fullNameMatchesKind, { message: 'full_name must be the kind prefix + name' });

/** communes and labels layers of the national archive (2025): the unit's province code as well. */
export const nationalUnitProps = z
  .strictObject({ ...unitBase, province_code: z.string().regex(/^\d{2}$/) })
  .refine(fullNameMatchesKind, { message: 'full_name must be the kind prefix + name' });

export const districtProps = z
  .strictObject({ code: z.string().regex(/^\d{3}$/), name: nfc, full_name: nfc, kind: districtKind })
  .refine((p) => p.full_name === `${DISTRICT_PREFIX[p.kind]} ${p.name}`, {
    message: 'full_name must be the kind prefix + name',
  });

/** The province outline: its 2-digit GSO code (also the feature id), its name and its name with "Tỉnh". */
export const provinceProps = z.strictObject({ code: z.string().regex(/^\d{2}$/), name: nfc, full_name: nfc });

export const contextPeriod = z.enum(['pre2025', 'post2025', 'any']);
export const contextProps = z.strictObject({
  /** GSO province code ("10") or ISO 3166 alpha-3 for countries ("CHN"). */
  code: z.string().regex(/^(\d{2}|[A-Z]{3})$/),
  name: nfc,
  full_name: nfc,
  kind: z.enum(['province', 'country']),
  /** Which arrangement the outline belongs to: 63 provinces (pre2025), 34 provinces (post2025), or both. */
  period: contextPeriod,
});

export type CommuneWithDistrictProps = z.infer<typeof communeWithDistrictProps>;
export type CommuneProps = z.infer<typeof communeProps>;
export type DistrictProps = z.infer<typeof districtProps>;
export type ProvinceProps = z.infer<typeof provinceProps>;
export type ContextProps = z.infer<typeof contextProps>;

export type LayerName = 'communes' | 'districts' | 'province' | 'labels' | 'context';

/** The property schema of a source-layer; vintage 2025 has no district fields. */
export function schemaFor(layer: LayerName, hasDistricts: boolean) {
  switch (layer) {
    case 'communes':
    case 'labels':
      return hasDistricts ? communeWithDistrictProps : communeProps;
    case 'districts':
      return districtProps;
    case 'province':
      return provinceProps;
    case 'context':
      return contextProps;
  }
}

/**
 * The integer feature id each layer must carry: the GSO code as a number (communes, labels, districts,
 * province); context ids come from contextFeatureId.
 */
export function expectedFeatureId(layer: LayerName, code: string): number | null {
  return layer === 'context' ? null : Number.parseInt(code, 10);
}
