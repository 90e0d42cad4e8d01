/**
 * Reference data of the schema, read from data/reference (real, sourced) plus the few tables that are
 * transcribed here: the frameworks' metadata, the 10 criteria of 2026–2030 (criteria.md §4) and the
 * targets of Kết luận 98-KL/TU (targets-2021-2025.md). Shared by the reference-data migration
 * generator and the sample-data generator, so both agree on codes and names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Criterion, CrosswalkRow, Target, UnitKind, VintageId } from '../../src/lib/domain/types';
import { FRAMEWORKS } from '../../src/lib/domain/frameworks';
import { parseCsv } from './csv';
import { REPO_ROOT } from './paths';

const REFERENCE_DIR = join(REPO_ROOT, 'data', 'reference');

function readCsv(name: string): Record<string, string>[] {
  return parseCsv(readFileSync(join(REFERENCE_DIR, name), 'utf8'));
}

function field(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`reference CSV: missing column ${name}`);
  return value;
}

export interface VintageRow {
  id: VintageId;
  first_year: number;
  last_year: number;
  unit_total: number;
  has_districts: boolean;
}

export const VINTAGE_ROWS: readonly VintageRow[] = [
  { id: '2016', first_year: 2016, last_year: 2019, unit_total: 108, has_districts: true },
  { id: '2020', first_year: 2020, last_year: 2025, unit_total: 106, has_districts: true },
  { id: '2025', first_year: 2026, last_year: 2030, unit_total: 38, has_districts: false },
];

/** The national criteria frameworks: one list, in src/lib/domain/frameworks.ts. */
export { FRAMEWORKS };

/**
 * The 10 criteria of QĐ 51/2025/QĐ-TTg (criteria.md §4, sources S25–S28). The retrieved text gives no
 * groups: the groups below are INFERRED by theme, reusing the five group codes of the 19-criteria sets.
 */
const GROUPS_2026 = {
  I: ['Quy hoạch', 'Planning'],
  II: ['Hạ tầng kinh tế - xã hội', 'Socio-economic infrastructure'],
  III: ['Kinh tế, giảm nghèo và nguồn nhân lực', 'Economy, poverty reduction & human resources'],
  IV: ['Văn hóa - xã hội - môi trường', 'Culture, society & environment'],
  V: ['Hệ thống chính trị, pháp luật và an ninh', 'Political system, law & security'],
} as const;

const CRITERIA_2026: readonly [number, string, string, keyof typeof GROUPS_2026][] = [
  [1, 'Quy hoạch', 'Planning', 'I'],
  [2, 'Hạ tầng kinh tế – xã hội', 'Socio-economic infrastructure', 'II'],
  [3, 'Phát triển kinh tế nông thôn', 'Rural economic development', 'III'],
  [4, 'Đào tạo nguồn nhân lực nông thôn', 'Rural human-resource training', 'III'],
  [5, 'Văn hóa, giáo dục, y tế', 'Culture, education & health', 'IV'],
  [6, 'Giảm nghèo và an sinh xã hội', 'Poverty reduction & social security', 'III'],
  [7, 'Khoa học công nghệ và chuyển đổi số', 'Science, technology & digital transformation', 'III'],
  [8, 'Môi trường và cảnh quan nông thôn', 'Environment & rural landscape', 'IV'],
  [9, 'Xây dựng hệ thống chính trị và hành chính công', 'Political system & public administration', 'V'],
  [10, 'Tiếp cận pháp luật và an ninh, quốc phòng', 'Access to law, security & defence', 'V'],
];

export function loadCriteria(): Criterion[] {
  const rows = readCsv('criteria.csv').map((r): Criterion => ({
    framework: field(r, 'set') as Criterion['framework'],
    number: Number(field(r, 'number')),
    name_vi: field(r, 'name_vi'),
    name_en: field(r, 'name_en'),
    group_code: field(r, 'group_code'),
    group_vi: field(r, 'group_vi'),
    group_en: field(r, 'group_en'),
  }));
  for (const [number, name_vi, name_en, group] of CRITERIA_2026) {
    const [group_vi, group_en] = GROUPS_2026[group];
    rows.push({ framework: '2026-2030', number, name_vi, name_en, group_code: group, group_vi, group_en });
  }
  for (const f of FRAMEWORKS) {
    const n = rows.filter((c) => c.framework === f.id).length;
    if (n !== f.criteria_total)
      throw new Error(`framework ${f.id}: ${n} criteria, expected ${f.criteria_total}`);
  }
  return rows;
}

export interface UnitRow {
  vintage: VintageId;
  code: string;
  name: string;
  kind: UnitKind;
  district_code: string | null;
}

export interface DistrictRow {
  vintage: VintageId;
  code: string;
  name: string;
}

export interface ReferenceUnits {
  units: UnitRow[];
  districts: DistrictRow[];
  crosswalk: CrosswalkRow[];
  /** units-2025.csv: the 2020 codes each 2025 unit was formed from. */
  mergedFrom: Map<string, string[]>;
}

const KINDS: readonly UnitKind[] = ['xa', 'phuong', 'thi_tran'];

function kindOf(value: string): UnitKind {
  if (!(KINDS as readonly string[]).includes(value)) throw new Error(`unknown unit kind ${value}`);
  return value as UnitKind;
}

/** The 2020 merges (GSO code changes between 01/01/2020 and 01/03/2020, see progress-facts.md §A). */
export const MERGES_2016_2020: Readonly<Record<string, string>> = {
  '03403': '03403', // Xã Nậm Loỏng (TP Lai Châu) → Xã Sùng Phài, code 03403
  '03397': '03403', // Xã Sùng Phài (Tam Đường) → Xã Sùng Phài, code 03403 (TP Lai Châu)
  '03556': '03550', // Xã Ma Li Chải → Xã Sì Lở Lầu
};

export function loadUnits(): ReferenceUnits {
  const units: UnitRow[] = [];
  const districts = new Map<string, DistrictRow>();
  for (const [vintage, file] of [
    ['2016', 'units-2016-2019.csv'],
    ['2020', 'units-2020.csv'],
  ] as const) {
    for (const r of readCsv(file)) {
      const district_code = field(r, 'district_code');
      units.push({
        vintage,
        code: field(r, 'code'),
        name: field(r, 'name'),
        kind: kindOf(field(r, 'kind')),
        district_code,
      });
      districts.set(`${vintage}:${district_code}`, {
        vintage,
        code: district_code,
        name: field(r, 'district_name'),
      });
    }
  }
  const mergedFrom = new Map<string, string[]>();
  for (const r of readCsv('units-2025.csv')) {
    units.push({
      vintage: '2025',
      code: field(r, 'code'),
      name: field(r, 'name'),
      kind: kindOf(field(r, 'kind')),
      district_code: null,
    });
    mergedFrom.set(field(r, 'code'), field(r, 'merged_from').split(';'));
  }

  const codes = (v: VintageId) => new Set(units.filter((u) => u.vintage === v).map((u) => u.code));
  const crosswalk: CrosswalkRow[] = [];
  const codes2020 = codes('2020');
  for (const code of codes('2016')) {
    const to = MERGES_2016_2020[code] ?? code;
    if (!codes2020.has(to)) throw new Error(`crosswalk 2016→2020: ${code} → ${to} is not a 2020 unit`);
    crosswalk.push({ from_vintage: '2016', from_code: code, to_vintage: '2020', to_code: to });
  }
  // 2020 → 2025 from the checked crosswalk CSV; units-2025.csv merged_from must say the same.
  const codes2025 = codes('2025');
  for (const r of readCsv('laichau-commune-crosswalk-2020-2025.csv')) {
    const from = field(r, 'code_2020');
    const to = field(r, 'code_2025');
    if (!codes2020.has(from) || !codes2025.has(to)) throw new Error(`crosswalk 2020→2025: ${from} → ${to}`);
    if (!mergedFrom.get(to)?.includes(from))
      throw new Error(`crosswalk CSV and units-2025.csv disagree on ${from}`);
    crosswalk.push({ from_vintage: '2020', from_code: from, to_vintage: '2025', to_code: to });
  }
  const expected = { '2016': 108, '2020': 106, '2025': 38 } as const;
  for (const v of VINTAGE_ROWS) {
    const n = codes(v.id).size;
    if (n !== expected[v.id] || n !== v.unit_total) throw new Error(`vintage ${v.id}: ${n} units`);
  }
  if (crosswalk.filter((c) => c.from_vintage === '2020').length !== 106)
    throw new Error('crosswalk 2020→2025 incomplete');
  return { units, districts: [...districts.values()], crosswalk, mergedFrom };
}

/** Targets of Kết luận 98-KL/TU (28/04/2021), section 2.1; ids and units as in targets-2021-2025.md. */
export const TARGETS: readonly Target[] = [
  t(
    'T1a',
    1,
    'Phường, thị trấn đạt chuẩn văn minh đô thị',
    'Wards and towns meeting the civilised-urban standard',
    '%',
    60,
    true,
    'higher',
    'commune',
  ),
  t(
    'T1b',
    1,
    'Xã đạt chuẩn nông thôn mới',
    'Communes meeting the NTM standard',
    '%',
    57.5,
    false,
    'higher',
    'commune',
  ),
  t(
    'T1c',
    1,
    'Huyện đạt chuẩn nông thôn mới tăng thêm so với năm 2020',
    'Additional districts meeting the NTM standard (vs 2020)',
    'huyện',
    2,
    false,
    'higher',
    'district',
  ),
  t(
    'T1d',
    1,
    'Bình quân số tiêu chí đạt trên một xã',
    'Average criteria met per commune',
    'tiêu chí/xã',
    17.3,
    false,
    'higher',
    'commune',
  ),
  t('T1e', 1, 'Số xã dưới 15 tiêu chí', 'Communes below 15 criteria', 'xã', 0, false, 'lower', 'commune'),
  t(
    'T2',
    2,
    'Quỹ "Vì người nghèo" toàn tỉnh',
    '"For the poor" fund, province total',
    'tỷ đồng',
    25,
    true,
    'higher',
    'province',
  ),
  t(
    'T3a',
    3,
    'Tỷ lệ hộ nghèo giảm bình quân hằng năm (riêng các huyện nghèo 4%)',
    'Poor-household rate, average yearly reduction (4 in poor districts)',
    'điểm %/năm',
    3,
    false,
    'higher',
    'province',
  ),
  t(
    'T3b',
    3,
    'Thu nhập bình quân đầu người so với năm 2020',
    'Per-capita income compared with 2020',
    'lần',
    1.5,
    false,
    'higher',
    'province',
  ),
  t(
    'T4a',
    4,
    'Hộ gia đình đạt tiêu chuẩn văn hóa',
    'Households meeting the cultural standard',
    '%',
    86,
    false,
    'higher',
    'province',
  ),
  t(
    'T4b',
    4,
    'Thôn, bản, khu phố đạt tiêu chuẩn văn hóa',
    'Villages and quarters meeting the cultural standard',
    '%',
    75,
    false,
    'higher',
    'province',
  ),
  t(
    'T4c',
    4,
    'Cơ quan, đơn vị, trường học đạt tiêu chuẩn văn hóa',
    'Agencies, units and schools meeting the cultural standard',
    '%',
    98,
    false,
    'higher',
    'province',
  ),
  t(
    'T4d',
    4,
    'Thôn, bản, khu phố có nhà văn hóa',
    'Villages and quarters with a cultural house',
    '%',
    80,
    false,
    'higher',
    'province',
  ),
  t(
    'T4e',
    4,
    'Thôn, bản có đội văn nghệ hoạt động trong năm',
    'Villages with an active arts troupe',
    '%',
    90,
    true,
    'higher',
    'province',
  ),
  t(
    'T5',
    5,
    'Trường đạt chuẩn quốc gia các cấp học',
    'Schools at the national standard (all levels)',
    '%',
    66,
    false,
    'higher',
    'province',
  ),
  t(
    'T6a',
    6,
    'Dân số được quản lý bằng hồ sơ sức khỏe điện tử',
    'Population with an electronic health record',
    '%',
    70,
    false,
    'higher',
    'province',
  ),
  t(
    'T6b',
    6,
    'Giảm tỷ suất sinh bình quân hằng năm',
    'Birth rate, average yearly reduction',
    '‰/năm',
    0.4,
    false,
    'higher',
    'province',
  ),
  t(
    'T6c',
    6,
    'Tỷ lệ tăng dân số tự nhiên',
    'Natural population growth',
    '‰',
    13.45,
    false,
    'target',
    'province',
  ),
  t(
    'T6d',
    6,
    'Trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân',
    'Under-5 underweight',
    '%',
    15,
    true,
    'lower',
    'province',
  ),
  t(
    'T6e',
    6,
    'Trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi',
    'Under-5 stunting',
    '%',
    20,
    false,
    'lower',
    'province',
  ),
  t(
    'T6f',
    6,
    'Tỷ lệ tham gia bảo hiểm y tế',
    'Health-insurance coverage',
    '%',
    98,
    false,
    'higher',
    'province',
  ),
  t(
    'T7',
    7,
    'Thôn, bản thực hiện tốt quy ước đã được phê duyệt',
    'Villages implementing their approved conventions',
    '%',
    100,
    false,
    'higher',
    'province',
  ),
  t(
    'T8',
    8,
    'Tổ chức chính quyền, Mặt trận Tổ quốc và đoàn thể cơ sở đạt từ khá trở lên',
    'Grassroots government, Fatherland Front and mass organisations rated good or better',
    '%',
    80,
    false,
    'higher',
    'province',
  ),
];

function t(
  id: string,
  group_no: number,
  name_vi: string,
  name_en: string,
  unit: string,
  target_value: number,
  strict: boolean,
  direction: Target['direction'],
  level: Target['level'],
): Target {
  return { id, group_no, name_vi, name_en, unit, target_value, strict, direction, level };
}

export interface StatisticSeries {
  id: string;
  name_vi: string;
  name_en: string;
  unit: string;
}

export const STATISTIC_SERIES: readonly StatisticSeries[] = [
  { id: 'poor_household_rate', name_vi: 'Tỷ lệ hộ nghèo', name_en: 'Poor-household rate', unit: '%' },
];
