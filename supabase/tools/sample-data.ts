/**
 * The illustrative ("minh họa") data set, 2016–2026, built deterministically from the reference units.
 *
 * Real anchors (carried with their sources): 39 of 94 xã at the NTM standard at the end of 2022 (S31,
 * the count — which xã is illustrative); Nậm Loỏng and San Thàng 19/19 by the end of 2019 and TP Lai
 * Châu completing NTM in 2019 (S43, a mirror); poverty rates 2016/2020/2021/2024 (S42, S46, S47, S48) and
 * the 2021–2023 average reduction (S49). Everything else is flagged illustrative.
 *
 * The path: a fixed "readiness" order of the 94 xã (district bias + keyed noise) decides who reaches
 * the standard when, following an illustrative province curve (10 xã in 2016 → 55 in 2025, +6 a year as
 * the 2016–2020 plan said, S57); criteria counts climb towards the year of recognition, so every year
 * has xã below 15 and xã one or two criteria short. Two xã lose the standard in 2023 (the 2023
 * re-assessment under the provincial criteria, S31) and regain it in 2024. 2026 starts from zero on the
 * 38 merged units under the 10-criteria framework: no xã carries the standard over (cf. Điện Biên, S59).
 */
import type { NtmTier, UrbanStatus, VintageId } from '../../src/lib/domain/types';
import { keyedRandom, pick } from './prng';
import { loadUnits, type UnitRow } from './reference';
import { SOURCES, combined, type SourceRef } from './sources';

export interface Provenanced {
  source: string | null;
  source_url: string | null;
  source_date: string | null;
  illustrative: boolean;
  published: boolean;
}

export interface AssessmentRow extends Provenanced {
  vintage: VintageId;
  unit_code: string;
  year: number;
  tier: NtmTier | null;
  urban_status: UrbanStatus | null;
  criteria_met: number[];
  criteria_missing: number[];
  decision_no: string | null;
  decision_date: string | null;
}

export interface DistrictStatusRow extends Provenanced {
  vintage: VintageId;
  district_code: string;
  year: number;
  ntm: boolean;
  decision_no: string | null;
  decision_date: string | null;
}

export interface ObservationRow extends Provenanced {
  target_id: string;
  year: number;
  district_code: string | null;
  value: number;
  note: string | null;
}

export interface StatisticRow extends Provenanced {
  series_id: string;
  year: number;
  district_code: string | null;
  value: number;
  note: string | null;
}

export interface DatasetRow {
  id: number;
  as_of: string;
  illustrative: boolean;
  note_vi: string;
  note_en: string;
}

export interface SampleData {
  dataset: DatasetRow;
  assessments: AssessmentRow[];
  districtStatuses: DistrictStatusRow[];
  indicators: ObservationRow[];
  statistics: StatisticRow[];
}

const rnd = keyedRandom('laichau-ntm-sample-v1');

const ILLUSTRATIVE: Provenanced = {
  source: null,
  source_url: null,
  source_date: null,
  illustrative: true,
  published: true,
};
const sourced = (s: SourceRef): Provenanced => ({ ...s, illustrative: false, published: true });

/** Illustrative number of positions in the readiness order at the standard by the end of each year. */
const NTM_PATH: Readonly<Record<number, number>> = {
  2016: 10,
  2017: 16,
  2018: 22,
  2019: 27,
  2020: 31,
  2021: 35,
  2022: 39, // real count (S31): 39 of 94
  2023: 45, // minus the two xã that lose the standard in 2023 → 43
  2024: 49,
  2025: 55,
};
const YEARS_19 = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const LOSS_YEAR = 2023;

/** District readiness bias: the city and lowland districts first, the remote border districts last. */
const DISTRICT_BIAS: Readonly<Record<string, number>> = {
  '105': 1,
  '106': 0.55,
  '110': 0.5,
  '111': 0.45,
  '109': 0.3,
  '108': 0.2,
  '112': 0.15,
  '107': 0.1,
};

/** How hard each of the 19 criteria is (achieved in roughly this order; income and poverty last). */
const DIFFICULTY_19: Readonly<Record<number, number>> = {
  1: 0.05,
  4: 0.1,
  19: 0.1,
  18: 0.2,
  8: 0.25,
  12: 0.35,
  15: 0.35,
  16: 0.4,
  3: 0.45,
  7: 0.5,
  14: 0.55,
  9: 0.6,
  6: 0.6,
  5: 0.65,
  2: 0.7,
  13: 0.75,
  17: 0.8,
  11: 0.85,
  10: 0.9,
};
const DIFFICULTY_10: Readonly<Record<number, number>> = {
  1: 0.05,
  10: 0.1,
  9: 0.15,
  2: 0.4,
  5: 0.45,
  8: 0.6,
  4: 0.65,
  6: 0.75,
  3: 0.85,
  7: 0.95,
};

const SAN_THANG = '03409';
const SUNG_PHAI_2020 = '03403'; // 2016: Xã Nậm Loỏng; 2020: Xã Sùng Phài (merged), TP Lai Châu
const BAN_LANG = '03577'; // still short of the environment criterion in 10/2022 (S65): not NTM by 2022
const TP_LAI_CHAU = '105';
const TAM_DUONG = '106';

/** Year each ward / town reached the civilised-urban standard (illustrative); absent = not by 2025. */
const URBAN_CIVILISED_YEAR: Readonly<Record<string, number>> = {
  '03389': 2016, // Phường Đoàn Kết
  '03387': 2016, // Phường Tân Phong
  '03386': 2018, // Phường Quyết Thắng
  '03388': 2020, // Phường Quyết Tiến
  '03408': 2022, // Phường Đông Phong
  '03390': 2023, // Thị trấn Tam Đường (needed for Tam Đường's district standard in 2025)
  '03595': 2024, // Thị trấn Than Uyên
  '03598': 2025, // Thị trấn Tân Uyên
};

function criteriaOrder(code: string, difficulty: Readonly<Record<number, number>>, salt: string): number[] {
  return Object.keys(difficulty)
    .map(Number)
    .map((n) => ({ n, d: (difficulty[n] ?? 1) + 0.5 * (rnd(`order:${salt}:${code}:${n}`) - 0.5) }))
    .sort((a, b) => a.d - b.d || a.n - b.n)
    .map((x) => x.n);
}

const asc = (a: number, b: number) => a - b;

class DecisionNumbers {
  private seq = 100;
  next(year: number, authority = 'QĐ-UBND'): { decision_no: string; decision_date: string } {
    const n = this.seq++;
    const day = 10 + (n % 18);
    return {
      decision_no: `${n}/${authority} (minh họa)`,
      decision_date: `${year}-12-${String(day).padStart(2, '0')}`,
    };
  }
}

/** The readiness order of the 94 xã of the 2020 vintage: index = position, lower = earlier. */
function readinessOrder(xa2020: readonly UnitRow[]): string[] {
  const scored = xa2020
    .filter((u) => u.code !== SAN_THANG && u.code !== SUNG_PHAI_2020)
    .map((u) => ({
      code: u.code,
      d: u.district_code ?? '',
      s: (DISTRICT_BIAS[u.district_code ?? ''] ?? 0) + 0.6 * rnd(`ready:${u.code}`),
    }))
    .sort((a, b) => b.s - a.s || (a.code < b.code ? -1 : 1));
  const order = scored.map((x) => x.code);
  // Bản Lang was still short of a criterion in 10/2022 (S65): recognised in 2024 at the earliest
  // (index 43 here becomes 45 once the two xã of TP Lai Châu are inserted before it).
  const bl = order.indexOf(BAN_LANG);
  if (bl >= 0 && bl < (NTM_PATH[2023] ?? 0)) {
    order.splice(bl, 1);
    order.splice((NTM_PATH[2023] ?? 0) - 2, 0, BAN_LANG);
  }
  // TP Lai Châu's two xã: San Thàng recognised in 2017, Nậm Loỏng in 2018 (19/19 by end 2019, S43).
  order.splice(12, 0, SAN_THANG);
  order.splice(18, 0, SUNG_PHAI_2020);
  // Tam Đường reaches the district standard in 2025: all its xã must be in the first NTM_PATH[2025].
  const district = new Map(xa2020.map((u) => [u.code, u.district_code]));
  const limit = NTM_PATH[2025] ?? 0;
  for (;;) {
    const late = order.findIndex((c, i) => i >= limit && district.get(c) === TAM_DUONG);
    if (late < 0) break;
    let swap = limit - 1;
    while (
      swap >= 0 &&
      (district.get(order[swap] ?? '') === TAM_DUONG || district.get(order[swap] ?? '') === TP_LAI_CHAU)
    )
      swap--;
    const a = order[late];
    const b = order[swap];
    if (a === undefined || b === undefined) throw new Error('readiness order: cannot place Tam Đường');
    order[late] = b;
    order[swap] = a;
  }
  return order;
}

function ntmYearOf(position: number): number {
  for (const y of YEARS_19) if (position < (NTM_PATH[y] ?? 0)) return y;
  // Not by 2025: the year it "would" reach 19 criteria, for the shape of its criteria curve.
  return 2026 + Math.floor((position - (NTM_PATH[2025] ?? 0)) / 8);
}

export function buildSampleData(): SampleData {
  const { units, districts, mergedFrom } = loadUnits();
  const byVintage = (v: VintageId) => units.filter((u) => u.vintage === v);
  const xa2020 = byVintage('2020').filter((u) => u.kind === 'xa');
  const order = readinessOrder(xa2020);
  const position = new Map(order.map((c, i) => [c, i]));
  const ntmYear = new Map(order.map((c, i) => [c, ntmYearOf(i)]));
  // The two extra xã of 2016–2019 merged in 2020 (never at the standard before they merged).
  ntmYear.set('03397', 2021); // old Sùng Phài, Tam Đường: close
  ntmYear.set('03556', 2029); // Ma Li Chải: far

  // Two xã recognised in 2021 lose the standard in the 2023 re-assessment and regain it in 2024.
  const losers = order
    .slice(NTM_PATH[2020], NTM_PATH[2021])
    .filter((c) => {
      const d = xa2020.find((u) => u.code === c)?.district_code;
      return d !== TAM_DUONG && d !== TP_LAI_CHAU;
    })
    .slice(1, 3);
  const isNtm = (code: string, year: number) =>
    (ntmYear.get(code) ?? 9999) <= year && !(losers.includes(code) && year === LOSS_YEAR);

  // Advanced tiers late in the period.
  const districtOf = new Map(xa2020.map((u) => [u.code, u.district_code]));
  const firstOf = (d: string) => order.filter((c) => districtOf.get(c) === d);
  const [td1, td2] = firstOf(TAM_DUONG);
  const [thanUyen1] = firstOf('110');
  const [tanUyen1] = firstOf('111');
  const advanced: Record<string, [number, NtmTier][]> = {
    [SAN_THANG]: [
      [2022, 'nang_cao'],
      [2025, 'kieu_mau'],
    ],
    [SUNG_PHAI_2020]: [[2023, 'nang_cao']],
  };
  for (const [code, year] of [
    [td1, 2025],
    [td2, 2025],
    [thanUyen1, 2024],
    [tanUyen1, 2025],
  ] as const) {
    if (code) advanced[code] = [[year, 'nang_cao']];
  }
  const tierOf = (code: string, year: number): NtmTier => {
    if (!isNtm(code, year)) return 'chua_dat';
    let tier: NtmTier = 'dat_chuan';
    for (const [from, t] of advanced[code] ?? []) if (year >= from && year >= 2021) tier = t;
    return tier;
  };

  // Criteria met: the larger of a slow baseline growth (4–10 criteria in 2016, +0.4–0.9 a year) and the
  // final approach to 19 in the year of recognition (1–2 criteria short the year before).
  const rate = (code: string) => 0.9 + 1.3 * rnd(`rate:${code}`);
  const countOf = (code: string, year: number): number => {
    if (isNtm(code, year)) return 19;
    if (losers.includes(code) && year === LOSS_YEAR) return 17;
    const Y = ntmYear.get(code) ?? 2030;
    const approach = 19 - Math.ceil((Y - year) * rate(code));
    const baseline =
      4 +
      Math.round(6 * rnd(`base:${code}`)) +
      Math.floor((year - 2016) * (0.4 + 0.5 * rnd(`growth:${code}`)));
    return Math.max(1, Math.min(18, Math.max(approach, baseline)));
  };

  const decisions = new DecisionNumbers();
  const assessments: AssessmentRow[] = [];

  // ---- xã, 2016–2025 (19-criteria frameworks) --------------------------------------------------
  const farXa = (v: VintageId) =>
    byVintage(v).filter((u) => u.kind === 'xa' && (position.get(u.code) ?? -1) >= 60);
  const noRow: Record<number, string[]> = {
    2016: pick(farXa('2016'), 3, rnd, (u) => `norow:2016:${u.code}`).map((u) => u.code),
    2017: pick(farXa('2016'), 1, rnd, (u) => `norow:2017:${u.code}`).map((u) => u.code),
    2019: pick(farXa('2016'), 2, rnd, (u) => `norow:2019:${u.code}`).map((u) => u.code),
    2021: pick(farXa('2020'), 1, rnd, (u) => `norow:2021:${u.code}`).map((u) => u.code),
    2024: pick(farXa('2020'), 1, rnd, (u) => `norow:2024:${u.code}`).map((u) => u.code),
  };
  // Criteria not assessed: 13 and 17 in 2016 (not yet surveyed), 11 in 2021 (new multidimensional poverty).
  const notAssessed: Record<number, { codes: string[]; criteria: number[] }> = {
    2016: {
      codes: pick(farXa('2016'), 8, rnd, (u) => `unassessed:2016:${u.code}`).map((u) => u.code),
      criteria: [13, 17],
    },
    2021: {
      codes: pick(farXa('2020'), 5, rnd, (u) => `unassessed:2021:${u.code}`).map((u) => u.code),
      criteria: [11],
    },
  };

  const currentDecision = new Map<string, { decision_no: string; decision_date: string }>();
  for (const year of YEARS_19) {
    const vintage: VintageId = year < 2020 ? '2016' : '2020';
    for (const u of byVintage(vintage)
      .filter((x) => x.kind === 'xa')
      .sort((a, b) => (a.code < b.code ? -1 : 1))) {
      const code = u.code;
      const tier = tierOf(code, year);
      const prevTier = year > 2016 ? tierOf(code, year - 1) : 'chua_dat';
      const isTp = code === SAN_THANG || code === SUNG_PHAI_2020;
      if (tier !== 'chua_dat' && tier !== prevTier && !isTp) currentDecision.set(code, decisions.next(year));
      if (tier === 'chua_dat') currentDecision.delete(code);
      if (noRow[year]?.includes(code)) continue;

      const count = countOf(code, year);
      const ord = criteriaOrder(code, DIFFICULTY_19, '19');
      let met = ord.slice(0, count);
      let missing = ord.slice(count);
      const na = notAssessed[year];
      if (na?.codes.includes(code)) {
        met = met.filter((n) => !na.criteria.includes(n));
        missing = missing.filter((n) => !na.criteria.includes(n));
      }
      const decision = currentDecision.get(code);
      const realTp = isTp && year === 2019; // both xã of TP Lai Châu met 19/19 by end 2019 (S43)
      assessments.push({
        vintage,
        unit_code: code,
        year,
        tier,
        urban_status: null,
        criteria_met: met.sort(asc),
        criteria_missing: missing.sort(asc),
        decision_no: decision?.decision_no ?? null,
        decision_date: decision?.decision_date ?? null,
        ...(realTp ? sourced(SOURCES.S43) : ILLUSTRATIVE),
      });
    }
    // ---- phường and thị trấn ----
    for (const u of byVintage(vintage)
      .filter((x) => x.kind !== 'xa')
      .sort((a, b) => (a.code < b.code ? -1 : 1))) {
      const since = URBAN_CIVILISED_YEAR[u.code];
      const civilised = since !== undefined && since <= year;
      if (since === year) currentDecision.set(u.code, decisions.next(year));
      if ((u.code === '03433' && year === 2017) || (u.code === '03434' && year === 2021)) continue; // no data
      const decision = civilised ? currentDecision.get(u.code) : undefined;
      assessments.push({
        vintage,
        unit_code: u.code,
        year,
        tier: null,
        urban_status: civilised ? 'dat_chuan' : 'chua_dat',
        criteria_met: [],
        criteria_missing: [],
        decision_no: decision?.decision_no ?? null,
        decision_date: decision?.decision_date ?? null,
        ...ILLUSTRATIVE,
      });
    }
  }

  // ---- 2026: 38 merged units, 10-criteria framework, nobody carries the standard over -------------
  const units2025 = byVintage('2025').sort((a, b) => (a.code < b.code ? -1 : 1));
  const xa2025 = units2025.filter((u) => u.kind === 'xa');
  const noRow2026 = pick(xa2025, 2, rnd, (u) => `norow:2026:${u.code}`).map((u) => u.code);
  const drafts2026 = pick(
    xa2025.filter((u) => !noRow2026.includes(u.code)),
    2,
    rnd,
    (u) => `draft:2026:${u.code}`,
  ).map((u) => u.code);
  const noCriterion7 = pick(xa2025, 8, rnd, (u) => `unassessed:2026:${u.code}`).map((u) => u.code);
  const kindOf2020 = new Map(byVintage('2020').map((u) => [u.code, u.kind]));
  const standardIn2025 = (code2020: string) =>
    kindOf2020.get(code2020) === 'xa'
      ? isNtm(code2020, 2025)
      : (URBAN_CIVILISED_YEAR[code2020] ?? 9999) <= 2025;
  for (const u of units2025) {
    if (u.kind !== 'xa') {
      assessments.push({
        vintage: '2025',
        unit_code: u.code,
        year: 2026,
        tier: null,
        urban_status: u.code === '03388' ? 'dat_chuan' : 'chua_dat', // Đoàn Kết yes; Tân Phong (with rural xã) not yet
        criteria_met: [],
        criteria_missing: [],
        decision_no: null,
        decision_date: null,
        ...ILLUSTRATIVE,
      });
      continue;
    }
    if (noRow2026.includes(u.code)) continue;
    const from = mergedFrom.get(u.code) ?? [];
    const share = from.length ? from.filter(standardIn2025).length / from.length : 0;
    const count = Math.max(
      1,
      Math.min(9, Math.round(1 + 6.5 * share + 2 * (rnd(`count2026:${u.code}`) - 0.5))),
    );
    const ord = criteriaOrder(u.code, DIFFICULTY_10, '10');
    let met = ord.slice(0, count);
    let missing = ord.slice(count);
    if (noCriterion7.includes(u.code)) {
      met = met.filter((n) => n !== 7);
      missing = missing.filter((n) => n !== 7);
    }
    assessments.push({
      vintage: '2025',
      unit_code: u.code,
      year: 2026,
      tier: 'chua_dat',
      urban_status: null,
      criteria_met: met.sort(asc),
      criteria_missing: missing.sort(asc),
      decision_no: null,
      decision_date: null,
      ...ILLUSTRATIVE,
      published: !drafts2026.includes(u.code),
    });
  }

  // ---- districts ----------------------------------------------------------------------------------
  const districtStatuses: DistrictStatusRow[] = [];
  const tdDecision = decisions.next(2025, 'QĐ-TTg');
  for (const year of YEARS_19) {
    const vintage: VintageId = year < 2020 ? '2016' : '2020';
    for (const d of districts
      .filter((x) => x.vintage === vintage)
      .sort((a, b) => (a.code < b.code ? -1 : 1))) {
      const ntm = (d.code === TP_LAI_CHAU && year >= 2019) || (d.code === TAM_DUONG && year === 2025);
      if (ntm) {
        // A district reaches the standard only when all its xã have (QĐ 320, criteria.md §3).
        const short = units.filter(
          (u) =>
            u.vintage === vintage && u.district_code === d.code && u.kind === 'xa' && !isNtm(u.code, year),
        );
        if (short.length)
          throw new Error(
            `district ${d.code} in ${year}: xã not at the standard: ${short.map((u) => u.code)}`,
          );
      }
      const real = d.code === TP_LAI_CHAU && year === 2019;
      districtStatuses.push({
        vintage,
        district_code: d.code,
        year,
        ntm,
        // The Prime Minister's decision for TP Lai Châu was not found; Tam Đường 2025 is illustrative.
        decision_no: d.code === TAM_DUONG && ntm ? tdDecision.decision_no : null,
        decision_date: d.code === TAM_DUONG && ntm ? tdDecision.decision_date : null,
        ...(real ? sourced(SOURCES.S43) : ILLUSTRATIVE),
        published: !(d.code === '110' && year === 2025), // Than Uyên 2025: a draft
      });
    }
  }

  // Consistency with the real count: 39 of 94 xã at the end of 2022.
  const ntm2022 = xa2020.filter((u) => isNtm(u.code, 2022)).length;
  if (ntm2022 !== 39 || xa2020.length !== 94)
    throw new Error(`2022: ${ntm2022} of ${xa2020.length} xã, expected 39 of 94`);

  return {
    dataset: {
      id: 1,
      as_of: '2026-06-30',
      illustrative: true,
      note_vi:
        'Dữ liệu minh họa: trạng thái và tiêu chí của từng xã, phường, thị trấn là giả định để trình diễn bản đồ, ' +
        'không phải số liệu chính thức. Các số liệu thật ghi rõ nguồn: 39/94 xã đạt chuẩn nông thôn mới cuối năm 2022 ' +
        '(VOV), TP Lai Châu hoàn thành nhiệm vụ xây dựng nông thôn mới năm 2019, tỷ lệ hộ nghèo. Năm 2026 là đánh giá ' +
        'giữa năm (minh họa) theo bộ tiêu chí 2026–2030 trên 38 đơn vị sau sắp xếp.',
      note_en:
        'Illustrative data: the status and criteria of each commune, ward and town are made up to demonstrate the map, ' +
        'not official figures. Real figures carry their source: 39 of 94 communes at the NTM standard at the end of 2022 ' +
        '(VOV), TP Lai Châu completing NTM in 2019, poverty rates. 2026 is an illustrative mid-year assessment under ' +
        'the 2026–2030 criteria on the 38 merged units.',
    },
    assessments,
    districtStatuses,
    indicators: buildIndicators(
      districts
        .filter((d) => d.vintage === '2020')
        .map((d) => d.code)
        .sort(),
    ),
    statistics: buildStatistics(),
  };
}

/** Province indicator series T2–T8 (2020 baseline … 2025): illustrative unless a source is given. */
const INDICATOR_PATHS: Readonly<Record<string, readonly (number | null)[]>> = {
  //      2020   2021   2022   2023   2024   2025
  T2: [12.4, 14.9, 17.8, 20.6, 23.1, 25.8],
  T3b: [1, 1.06, 1.15, 1.24, 1.33, 1.42],
  T4a: [80.5, 81.9, 83.0, 84.2, 85.3, 86.4],
  T4b: [66.0, 67.8, 69.5, 71.1, 72.6, 73.8],
  T4c: [95.2, 95.9, 96.6, 97.2, 97.7, 98.1],
  T4d: [71.0, 72.8, 74.9, 76.6, 78.1, 79.2],
  T4e: [85.0, 86.1, 87.3, 88.4, 89.3, 90.0], // exactly 90: not "trên 90%"
  T5: [52.3, 55.0, 57.9, 60.8, 63.5, 66.0], // exactly at the target
  T6a: [5.0, 18.0, 34.5, 49.0, 61.2, 72.5],
  T6b: [0.5, 0.45, 0.38, 0.41, 0.36, 0.42],
  T6c: [15.2, 14.8, 14.3, 13.9, 13.6, 13.4],
  T6d: [19.8, 18.9, 17.9, 16.9, 15.9, 15.0], // exactly 15: not "< 15%"
  T6e: [28.5, 27.4, 26.3, 25.2, 24.3, 23.4],
  T6f: [97.1, 96.8, 96.0, 95.7, 95.9, 96.2],
  T7: [96.0, 97.1, 98.0, 98.9, 99.5, 100],
  T8: [72.0, 74.1, 76.0, 77.8, 79.6, 81.5],
};

function buildIndicators(districtCodes: readonly string[]): ObservationRow[] {
  const rows: ObservationRow[] = [];
  const add = (
    target_id: string,
    year: number,
    value: number,
    p: Provenanced,
    note: string | null = null,
    district_code: string | null = null,
  ) => rows.push({ target_id, year, district_code, value, note, ...p });

  // T1b 2022 is an official count: 39 of 94 xã (41.5%). The per-xã assignment behind it is illustrative.
  add('T1b', 2022, 41.5, sourced(SOURCES.S31), '39/94 xã');

  for (const [id, values] of Object.entries(INDICATOR_PATHS)) {
    values.forEach((value, i) => {
      if (value === null) return;
      const year = 2020 + i;
      if (id === 'T3b' && year === 2020) {
        add(id, year, value, ILLUSTRATIVE, 'Năm gốc: thu nhập 2020 = 1,0');
        return;
      }
      // T4a 2025 is an unpublished draft: anon must not see it.
      add(
        id,
        year,
        value,
        id === 'T4a' && year === 2025 ? { ...ILLUSTRATIVE, published: false } : ILLUSTRATIVE,
      );
    });
  }

  // T3a: average yearly reduction of the poor-household rate (percentage points per year).
  add('T3a', 2020, 4.78, sourced(SOURCES.S46), 'Bình quân 2016–2020 (chuẩn nghèo 2016–2020)');
  // 2021 switched to the multidimensional standard (16.33% → 27.9%): no comparable reduction exists; the
  // value below is illustrative only, so that the series has every year of the period.
  add('T3a', 2021, 3.9, ILLUSTRATIVE, 'Năm chuyển đổi chuẩn nghèo: không so sánh được với 2020 (minh họa)');
  add('T3a', 2022, 3.6, ILLUSTRATIVE, 'Bình quân từ 2021 (chuẩn nghèo đa chiều 2022–2025)');
  add('T3a', 2023, 3.4, sourced(SOURCES.S49), 'Bình quân 2021–2023');
  add(
    'T3a',
    2024,
    Math.round(((27.9 - 19.46) / 3) * 100) / 100,
    sourced(combined(SOURCES.S47, SOURCES.S48, 'Tính từ 27,9% (2021) và 19,46% (2024)')),
    'Bình quân 2021–2024',
  );
  add('T3a', 2025, 2.75, ILLUSTRATIVE, 'Bình quân 2021–2025');
  // District values (the target is 4 points a year in poor districts): illustrative.
  for (const d of districtCodes) {
    for (const year of [2022, 2023, 2024, 2025]) {
      const base = d === TP_LAI_CHAU ? 0.9 : 3.0;
      const value = Math.round((base + 1.8 * rnd(`t3a:${d}:${year}`)) * 100) / 100;
      add('T3a', year, value, ILLUSTRATIVE, null, d);
    }
  }
  return rows;
}

function buildStatistics(): StatisticRow[] {
  const row = (year: number, value: number, p: Provenanced, note: string | null): StatisticRow => ({
    series_id: 'poor_household_rate',
    year,
    district_code: null,
    value,
    note,
    ...p,
  });
  const old = 'Chuẩn nghèo 2016–2020';
  const multi = 'Chuẩn nghèo đa chiều 2022–2025';
  return [
    row(2016, 36.9, sourced(SOURCES.S42), `${old}; đầu năm 2016`),
    row(2017, 31.6, ILLUSTRATIVE, old),
    row(2018, 26.2, ILLUSTRATIVE, old),
    row(2019, 21.3, ILLUSTRATIVE, old),
    row(2020, 16.33, sourced(SOURCES.S46), old),
    row(2021, 27.9, sourced(SOURCES.S47), `${multi} (tăng do đổi chuẩn nghèo)`),
    row(2022, 24.3, ILLUSTRATIVE, multi),
    row(2023, 21.1, ILLUSTRATIVE, multi),
    row(2024, 19.46, sourced(SOURCES.S48), multi),
    row(2025, 16.9, { ...ILLUSTRATIVE, published: false }, `${multi}; bản nháp`),
  ];
}
