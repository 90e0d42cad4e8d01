/**
 * Test helper: the real reference tables of data/reference as domain objects, so unit tests run
 * against the province's actual 108 / 106 / 38 units and the real 2020→2025 crosswalk.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CrosswalkRow, Unit, UnitKind, VintageId } from '../../src/lib/domain/types';

const REF = fileURLToPath(new URL('../../data/reference/', import.meta.url));

/** Minimal RFC 4180 reader (quoted fields, doubled quotes); enough for the reference files. */
export function readCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records.filter((r) => r.length > 1 || r[0] !== '');
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function readRef(name: string): Record<string, string>[] {
  return readCsv(readFileSync(REF + name, 'utf8'));
}

function unitsOf(file: string, vintage: VintageId): Unit[] {
  return readRef(file).map((r) => ({
    vintage,
    code: r.code!,
    name: r.name!.normalize('NFC'),
    kind: r.kind as UnitKind,
    district_code: vintage === '2025' ? null : r.district_code || null,
    district_name: vintage === '2025' ? null : r.district_name || null,
  }));
}

export const units2016 = (): Unit[] => unitsOf('units-2016-2019.csv', '2016');
export const units2020 = (): Unit[] => unitsOf('units-2020.csv', '2020');
export const units2025 = (): Unit[] => unitsOf('units-2025.csv', '2025');
export const allUnits = (): Unit[] => [...units2016(), ...units2020(), ...units2025()];

/**
 * The crosswalk as the database engineer models it: 2016→2020 (Nậm Loỏng 03403 + Sùng Phài 03397 →
 * 03403 Sùng Phài; Ma Li Chải 03556 → 03550 Sì Lở Lầu; every other unit to itself) and 2020→2025
 * from the published crosswalk CSV.
 */
export function crosswalk(): CrosswalkRow[] {
  const rows: CrosswalkRow[] = [];
  const codes2020 = new Set(units2020().map((u) => u.code));
  const merged2016: Record<string, string> = { '03397': '03403', '03556': '03550' };
  for (const u of units2016()) {
    const to = merged2016[u.code] ?? u.code;
    if (!codes2020.has(to)) throw new Error(`2016 unit ${u.code} has no 2020 successor`);
    rows.push({ from_vintage: '2016', from_code: u.code, to_vintage: '2020', to_code: to });
  }
  for (const r of readRef('laichau-commune-crosswalk-2020-2025.csv')) {
    rows.push({ from_vintage: '2020', from_code: r.code_2020!, to_vintage: '2025', to_code: r.code_2025! });
  }
  return rows;
}
