/**
 * Legends and colours for the three colouring modes, as data: the map style builds its colour
 * expressions from these entries and the legend component renders the same list, so they cannot drift.
 *
 * Colours are colour-blind safe: the Okabe–Ito palette for categories, a viridis ramp (sampled, dark →
 * light as criteria increase) for criteria counts, and a neutral grey for "no data", which the map also
 * draws with a hatch pattern so it never reads as a low value.
 */
import type { UnitKind, UnitYear } from './types';
import { criteriaBin, criteriaBins, criterionState, statusClass, type FrameworkBins } from './status';

/** The colouring modes, in the order the mode switch offers them. */
export const COLOUR_MODES = ['status', 'criteria', 'criterion'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

export interface LegendEntry {
  /** Class id, as returned by classOf(). */
  id: string;
  label_vi: string;
  label_en: string;
  /** CSS hex colour (#rrggbb). */
  color: string;
  /** Drawn hatched on the map (no data). */
  pattern: 'hatch' | null;
  note_vi?: string;
  note_en?: string;
}

/** Okabe & Ito (2008) colour-universal-design palette. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const NO_DATA_COLOR = '#BDBDBD';
/** Wards/towns in the criteria modes: the NTM criteria do not apply to them. */
export const NOT_APPLICABLE_COLOR = '#F2F2F2';

const NO_DATA_ENTRY: LegendEntry = {
  id: 'no_data',
  label_vi: 'Chưa có số liệu',
  label_en: 'No data',
  color: NO_DATA_COLOR,
  pattern: 'hatch',
  note_vi: 'Màu xám, gạch chéo: chưa có số liệu đánh giá, không phải là không đạt.',
  note_en: 'Hatched grey: not assessed, which is not the same as failing.',
};

const NOT_APPLICABLE_ENTRY: LegendEntry = {
  id: 'not_applicable',
  label_vi: 'Phường, thị trấn (không áp dụng tiêu chí NTM)',
  label_en: 'Ward or town (NTM criteria do not apply)',
  color: NOT_APPLICABLE_COLOR,
  pattern: null,
};

export const STATUS_COLORS = {
  chua_dat: OKABE_ITO.orange,
  dat_chuan: OKABE_ITO.bluishGreen,
  nang_cao: OKABE_ITO.blue,
  kieu_mau: OKABE_ITO.reddishPurple,
  urban_chua_dat: OKABE_ITO.yellow,
  urban_dat_chuan: OKABE_ITO.skyBlue,
  no_data: NO_DATA_COLOR,
} as const;

/** Status legend, in reading order: xã tiers low → high, then wards/towns, then no data. */
export const STATUS_LEGEND: readonly LegendEntry[] = [
  {
    id: 'chua_dat',
    label_vi: 'Xã chưa đạt chuẩn NTM',
    label_en: 'Commune not yet at the new-rural standard',
    color: STATUS_COLORS.chua_dat,
    pattern: null,
  },
  {
    id: 'dat_chuan',
    label_vi: 'Xã đạt chuẩn NTM',
    label_en: 'Commune at the new-rural standard',
    color: STATUS_COLORS.dat_chuan,
    pattern: null,
  },
  {
    id: 'nang_cao',
    label_vi: 'Xã đạt chuẩn NTM nâng cao',
    label_en: 'Advanced new-rural commune',
    color: STATUS_COLORS.nang_cao,
    pattern: null,
  },
  {
    id: 'kieu_mau',
    label_vi: 'Xã đạt chuẩn NTM kiểu mẫu',
    label_en: 'Model new-rural commune',
    color: STATUS_COLORS.kieu_mau,
    pattern: null,
  },
  {
    id: 'urban_chua_dat',
    label_vi: 'Phường, thị trấn chưa đạt chuẩn đô thị văn minh',
    label_en: 'Ward or town not yet at the civilised-urban standard',
    color: STATUS_COLORS.urban_chua_dat,
    pattern: null,
  },
  {
    id: 'urban_dat_chuan',
    label_vi: 'Phường, thị trấn đạt chuẩn đô thị văn minh',
    label_en: 'Ward or town at the civilised-urban standard',
    color: STATUS_COLORS.urban_dat_chuan,
    pattern: null,
  },
  NO_DATA_ENTRY,
];

export const CRITERION_COLORS = {
  met: OKABE_ITO.blue,
  not_met: OKABE_ITO.vermillion,
  no_data: NO_DATA_COLOR,
  not_applicable: NOT_APPLICABLE_COLOR,
} as const;

export const CRITERION_LEGEND: readonly LegendEntry[] = [
  {
    id: 'met',
    label_vi: 'Đạt tiêu chí',
    label_en: 'Criterion met',
    color: CRITERION_COLORS.met,
    pattern: null,
  },
  {
    id: 'not_met',
    label_vi: 'Chưa đạt tiêu chí',
    label_en: 'Criterion not met',
    color: CRITERION_COLORS.not_met,
    pattern: null,
  },
  NO_DATA_ENTRY,
  NOT_APPLICABLE_ENTRY,
];

/** Viridis key colours (matplotlib, CC0), t = 0 … 1 in equal steps. */
const VIRIDIS = [
  '#440154',
  '#482878',
  '#3E4989',
  '#31688E',
  '#26828E',
  '#1F9E89',
  '#35B779',
  '#6DCD59',
  '#B4DE2C',
  '#FDE725',
];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: [number, number, number]): string {
  return (
    '#' +
    [r, g, b]
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase()
  );
}

/** Viridis colour at t ∈ [0, 1] (clamped), linear in RGB between key colours. */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = hexToRgb(VIRIDIS[i]!);
  const b = hexToRgb(VIRIDIS[i + 1]!);
  return rgbToHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** Legend for the criteria-count colouring of a framework: bins low → high, then no data, not applicable. */
export function criteriaLegend(framework: FrameworkBins): LegendEntry[] {
  const bins = criteriaBins(framework);
  const entries = bins.map((b, i): LegendEntry => {
    const range = b.min === b.max ? `${b.min}` : `${b.min}–${b.max}`;
    const all = b.min === framework.criteria_total;
    return {
      id: b.id,
      label_vi: all ? `Đủ ${range} tiêu chí` : `${range} tiêu chí`,
      label_en: all ? `All ${range} criteria` : `${range} criteria`,
      color: viridis(bins.length === 1 ? 1 : i / (bins.length - 1)),
      pattern: null,
    };
  });
  return [...entries, NO_DATA_ENTRY, NOT_APPLICABLE_ENTRY];
}

/** The ordered legend of a colouring mode for a framework. */
export function legendFor(mode: ColourMode, framework: FrameworkBins): LegendEntry[] {
  if (mode === 'status') return [...STATUS_LEGEND];
  if (mode === 'criterion') return [...CRITERION_LEGEND];
  return criteriaLegend(framework);
}

export interface ClassContext {
  framework: FrameworkBins;
  /** Criterion number for mode 'criterion'; null/undefined → every unit is 'no_data'. */
  criterion?: number | null;
  /** Kind of the unit, used when there is no row (a ward without data is still not a xã). */
  kind?: UnitKind;
}

/**
 * Class of a unit in a colouring mode. `row` undefined means the unit has no row that year.
 * Wards/towns are 'not_applicable' in the criteria modes, whether or not they have a row.
 */
export function classOf(mode: ColourMode, row: UnitYear | null | undefined, ctx: ClassContext): string {
  const kind = row?.kind ?? ctx.kind;
  if (mode === 'status') return statusClass(row);
  if (kind !== undefined && kind !== 'xa') return 'not_applicable';
  if (mode === 'criteria') return criteriaBin(row, ctx.framework);
  if (ctx.criterion === null || ctx.criterion === undefined) return 'no_data';
  return criterionState(row, ctx.criterion);
}
