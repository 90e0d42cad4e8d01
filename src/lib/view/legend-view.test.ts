import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR } from '../domain/legend';
import { fillColourExpression } from '../map/style';
import { unassessedXa, urbanRow, xaRow } from '../../../tests/unit/factories';
import { legendView } from './legend-view';
import { statusText } from './status-text';
import { unitVisuals } from './unit-visuals';
import { creditsView } from './credits';
import type { ColourMode } from '../domain/legend';
import type { Unit, UnitYear } from '../domain/types';
import { FRAMEWORK_2021 } from '../../../tests/unit/factories';
import { units2020 } from '../../../tests/unit/reference';

const framework = { criteria_total: 19, below_threshold: 15 };
const units = [
  { code: '00001', kind: 'xa' as const },
  { code: '00002', kind: 'xa' as const },
  { code: '00003', kind: 'phuong' as const },
  { code: '00004', kind: 'xa' as const },
];
const rows = new Map([
  ['00001', xaRow(12, { code: '00001' })],
  ['00002', xaRow(19, { code: '00002' })],
  ['00003', urbanRow('dat_chuan', { code: '00003' })],
]);

describe('unit visuals and the legend', () => {
  it('fade a unit hidden by a filter in its own colour, never as "no data"', () => {
    const v = unitVisuals({
      units,
      rows,
      mode: 'status',
      framework,
      criterion: null,
      visible: new Set(['00002']),
    });
    expect(v.get('00001')).toMatchObject({ id: 'chua_dat', dim: true, noData: false, below: true });
    expect(v.get('00001')!.colour).not.toBe(NO_DATA_COLOR);
    expect(v.get('00004')).toMatchObject({ id: 'no_data', colour: NO_DATA_COLOR, noData: true });
  });

  it('count only the units that pass the filters, and say so', () => {
    const visuals = unitVisuals({
      units,
      rows,
      mode: 'status',
      framework,
      criterion: null,
      visible: new Set(['00002', '00003']),
    });
    const legend = legendView({
      lang: 'vi',
      year: 2024,
      mode: 'status',
      framework,
      criterion: null,
      visuals,
    });
    const count = (id: string) => legend.rows.find((r) => r.id === id)?.count;
    expect([count('dat_chuan'), count('urban_dat_chuan'), count('chua_dat'), count('no_data')]).toEqual([
      1, 1, 0, 0,
    ]);
    expect(legend.below).toEqual({ label: 'Xã dưới 15 tiêu chí (gạch chéo, viền đỏ)', count: 0 });
    expect(legend.filterNote).toBe('Đếm 2/4 đơn vị khớp bộ lọc');
  });

  it('name the criterion in one-criterion mode, and drop the below-15 marks there', () => {
    const criterion = {
      framework: '2021-2025' as const,
      number: 5,
      name_vi: 'Trường học',
      name_en: 'Schools',
      group_code: 'II',
      group_vi: 'Hạ tầng',
      group_en: 'Infrastructure',
    };
    const visuals = unitVisuals({ units, rows, mode: 'criterion', framework, criterion: 5, visible: null });
    expect([...visuals.values()].some((v) => v.below)).toBe(false);
    const legend = legendView({ lang: 'en', year: 2024, mode: 'criterion', framework, criterion, visuals });
    expect(legend.title).toBe('Legend · 2024 · Criterion 5. Schools');
    expect(legend.below).toBeNull();
  });

  it('use one no-data grey: the MapLibre style falls back to it too', () => {
    expect(fillColourExpression({})).toEqual(['literal', NO_DATA_COLOR]);
    expect(
      JSON.stringify(fillColourExpression({ 'status:x': '#000000' })).endsWith(`"${NO_DATA_COLOR}"]`),
    ).toBe(true);
  });
});

describe('one "assessed" rule', () => {
  it('shows a criteria count only for a xã with a tier, not for criteria lists without one', () => {
    expect(
      statusText(unassessedXa({ criteria_met: [1, 2], criteria_missing: [3], criteria_count: 2 }), 'vi'),
    ).toBe('Chưa có số liệu');
    expect(statusText(xaRow(16), 'vi')).toBe('Chưa đạt chuẩn NTM · 16/19');
  });
});

describe('credits', () => {
  const attribution = {
    'laichau-2025': {
      vi: ['Ranh giới xã 2025'],
      en: ['2025 commune boundaries'],
      html: '<a href="https://x">Bản đồ ĐVHC 2025</a>',
      html_en: '<a href="https://x">2025 administrative map</a>',
    },
    'laichau-context': { vi: ['Ranh giới tỉnh'], en: ['Province boundaries'] },
  };
  it('speak English in the English interface, on the map and on the page', () => {
    expect(creditsView(attribution, '2025', 'en')).toEqual({
      map: ['<a href="https://x">2025 administrative map</a>', 'Province boundaries'],
      lines: ['2025 commune boundaries', 'Province boundaries'],
    });
    expect(creditsView(attribution, '2025', 'vi').map[0]).toContain('Bản đồ ĐVHC 2025');
  });
});

/** Legend counts of the rows' year as the screen shows them (every unit of the vintage counted once). */
function countsOf(rows: UnitYear[], units: Unit[], mode: ColourMode, criterion: number | null = null) {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const visuals = unitVisuals({
    units,
    rows: byCode,
    mode,
    framework: FRAMEWORK_2021,
    criterion,
    visible: null,
  });
  const c = CRITERIA_15;
  const legend = legendView({
    lang: 'vi',
    year: 2022,
    mode,
    framework: FRAMEWORK_2021,
    criterion: criterion ? c : null,
    visuals,
  });
  return Object.fromEntries(legend.rows.map((r) => [r.id, r.count]));
}

const CRITERIA_15 = {
  framework: '2021-2025' as const,
  number: 15,
  name_vi: 'Y tế',
  name_en: 'Health',
  group_code: 'III',
  group_vi: 'Văn hóa - xã hội - môi trường',
  group_en: 'Culture, society, environment',
};

describe('legend counts on the 106 real units of 2022', () => {
  const units = units2020();
  const xa = units.filter((u) => u.kind === 'xa');
  const urban = units.filter((u) => u.kind !== 'xa');
  // 30 xã at 19, 20 xã at 14, 10 xã unassessed rows, the rest of the xã with no row at all;
  // 5 wards/towns civilised, 2 not, the others without a row.
  const rows: UnitYear[] = [
    ...xa.slice(0, 30).map((u) => xaRow(19, { code: u.code, name: u.name })),
    ...xa.slice(30, 50).map((u) => xaRow(14, { code: u.code, name: u.name })),
    ...xa.slice(50, 60).map((u) => unassessedXa({ code: u.code, name: u.name })),
    ...urban.slice(0, 5).map((u) => urbanRow('dat_chuan', { code: u.code, name: u.name, kind: u.kind })),
    ...urban.slice(5, 7).map((u) => urbanRow('chua_dat', { code: u.code, name: u.name, kind: u.kind })),
    xaRow(10, { code: '99999' }), // not a unit of the vintage: ignored
  ];

  it('has the province shape the counts rely on', () => {
    expect([units.length, xa.length, urban.length]).toEqual([106, 94, 12]);
  });

  it('counts status classes including units with no row', () => {
    const c = countsOf(rows, units, 'status');
    expect(c).toEqual({
      chua_dat: 20,
      dat_chuan: 30,
      nang_cao: 0,
      kieu_mau: 0,
      urban_chua_dat: 2,
      urban_dat_chuan: 5,
      no_data: 106 - 57,
    });
    expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(106);
  });

  it('counts criteria bins, wards as not applicable', () => {
    const c = countsOf(rows, units, 'criteria');
    expect(c['19']).toBe(30);
    expect(c['13-14']).toBe(20);
    expect(c['0-9']).toBe(0);
    expect(c.not_applicable).toBe(12);
    expect(c.no_data).toBe(94 - 50);
    expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(106);
  });

  it('counts one criterion', () => {
    const c = countsOf(rows, units, 'criterion', 15);
    expect(c).toEqual({ met: 30, not_met: 20, no_data: 44, not_applicable: 12 });
  });
});
