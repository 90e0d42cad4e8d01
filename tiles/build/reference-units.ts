import { readFileSync } from 'node:fs';

/** One commune-level unit as listed in data/reference/units-*.csv (the source of truth for names). */
export interface ReferenceUnit {
  code: string;
  name: string;
  full_name: string;
  kind: 'xa' | 'phuong' | 'thi_tran' | 'dac_khu';
  district_code: string | null;
  district_name: string | null;
}

/** One district as implied by the unit list (2016 and 2020 vintages only). */
export interface ReferenceDistrict {
  code: string;
  name: string;
  full_name: string;
  kind: 'huyen' | 'thanh_pho' | 'thi_xa';
}

/** Đặc khu (special zone): the island units of 1 July 2025, e.g. Hoàng Sa, Trường Sa, Phú Quốc. */
const UNIT_PREFIX = { xa: 'Xã', phuong: 'Phường', thi_tran: 'Thị trấn', dac_khu: 'Đặc khu' } as const;
const DISTRICT_PREFIX = { huyen: 'Huyện', thanh_pho: 'Thành phố', thi_xa: 'Thị xã' } as const;

/** The unit kinds a unit list may name. */
export const UNIT_KINDS = Object.keys(UNIT_PREFIX) as ReferenceUnit['kind'][];

export function isUnitKind(kind: string | undefined): kind is ReferenceUnit['kind'] {
  return kind !== undefined && Object.hasOwn(UNIT_PREFIX, kind);
}

/** "Thị trấn Mường Tè" → "Mường Tè", checking that the prefix agrees with the kind. */
export function stripUnitPrefix(fullName: string, kind: ReferenceUnit['kind']): string {
  const prefix = `${UNIT_PREFIX[kind]} `;
  if (!fullName.startsWith(prefix))
    throw new Error(`"${fullName}" does not start with "${prefix}" (kind ${kind})`);
  return fullName.slice(prefix.length);
}

/** "Huyện Mường Tè" → { kind: 'huyen', name: 'Mường Tè' }. */
export function splitDistrictName(fullName: string): { kind: ReferenceDistrict['kind']; name: string } {
  for (const [kind, prefix] of Object.entries(DISTRICT_PREFIX) as [ReferenceDistrict['kind'], string][]) {
    if (fullName.startsWith(`${prefix} `)) return { kind, name: fullName.slice(prefix.length + 1) };
  }
  throw new Error(`district name "${fullName}" has no known prefix (Huyện, Thành phố, Thị xã)`);
}

/** Minimal CSV reader for the reference lists: no quoted fields there, but CRLF line ends. */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  if (header === undefined) return [];
  if (text.includes('"')) throw new Error('quoted CSV fields are not supported by parseSimpleCsv');
  const keys = header.split(',').map((k) => k.trim());
  return rows.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== keys.length)
      throw new Error(`CSV line ${i + 2}: ${cells.length} cells, expected ${keys.length}`);
    return Object.fromEntries(keys.map((k, j) => [k, (cells[j] ?? '').trim().normalize('NFC')]));
  });
}

export function readReferenceUnits(file: string): ReferenceUnit[] {
  const rows = parseSimpleCsv(readFileSync(file, 'utf8'));
  const units = rows.map((r): ReferenceUnit => {
    const kind = r.kind;
    if (!isUnitKind(kind)) throw new Error(`${file}: unknown kind "${kind}" (${UNIT_KINDS.join(', ')})`);
    const code = r.code ?? '';
    if (!/^\d{5}$/.test(code)) throw new Error(`${file}: bad unit code "${code}"`);
    const fullName = r.name ?? '';
    return {
      code,
      name: stripUnitPrefix(fullName, kind),
      full_name: fullName,
      kind,
      district_code: r.district_code || null,
      district_name: r.district_name || null,
    };
  });
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.code)) throw new Error(`${file}: duplicate unit code ${u.code}`);
    seen.add(u.code);
  }
  return units.sort((a, b) => a.code.localeCompare(b.code));
}

/** The districts named by the unit list, sorted by code; [] when the list has no district columns. */
export function districtsOf(units: readonly ReferenceUnit[]): ReferenceDistrict[] {
  const byCode = new Map<string, ReferenceDistrict>();
  for (const u of units) {
    if (u.district_code === null || u.district_name === null) continue;
    const { kind, name } = splitDistrictName(u.district_name);
    const prev = byCode.get(u.district_code);
    if (prev && prev.full_name !== u.district_name) {
      throw new Error(
        `district ${u.district_code} has two names: "${prev.full_name}" and "${u.district_name}"`,
      );
    }
    byCode.set(u.district_code, { code: u.district_code, name, full_name: u.district_name, kind });
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
