import { describe, expect, it } from 'vitest';
import {
  classOf,
  criteriaLegend,
  legendFor,
  NO_DATA_COLOR,
  STATUS_COLORS,
  STATUS_LEGEND,
  viridis,
  type ColourMode,
} from './legend';
import { statusClass } from './status';
import { FRAMEWORK_2021, FRAMEWORK_2026, urbanRow, xaRow } from '../../../tests/unit/factories';

/** WCAG relative luminance, to check the ramp is monotone (readable as "more is lighter"). */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('legends', () => {
  const modes: ColourMode[] = ['status', 'criteria', 'criterion'];

  it('every legend has unique ids, hex colours, both languages, and one hatched no_data entry', () => {
    for (const mode of modes) {
      for (const fw of [FRAMEWORK_2021, FRAMEWORK_2026]) {
        const legend = legendFor(mode, fw);
        expect(new Set(legend.map((e) => e.id)).size).toBe(legend.length);
        for (const e of legend) {
          expect(e.color).toMatch(/^#[0-9A-F]{6}$/i);
          expect(e.label_vi.length).toBeGreaterThan(0);
          expect(e.label_en.length).toBeGreaterThan(0);
        }
        const noData = legend.filter((e) => e.id === 'no_data');
        expect(noData).toHaveLength(1);
        expect(noData[0]).toMatchObject({ color: NO_DATA_COLOR, pattern: 'hatch' });
        expect(new Set(legend.map((e) => e.color)).size).toBe(legend.length);
      }
    }
  });

  it('lists every status class statusClass can return, with its exported colour', () => {
    const ids = STATUS_LEGEND.map((e) => e.id);
    const produced = [
      xaRow(3),
      xaRow(19),
      xaRow(19, { tier: 'nang_cao' }),
      xaRow(19, { tier: 'kieu_mau' }),
      urbanRow('chua_dat'),
      urbanRow('dat_chuan'),
      undefined,
    ].map(statusClass);
    expect([...produced].sort()).toEqual([...ids].sort());
    for (const e of STATUS_LEGEND) expect(e.color).toBe(STATUS_COLORS[e.id as keyof typeof STATUS_COLORS]);
  });

  it('criteria legends follow the bins with a viridis ramp getting lighter', () => {
    const l19 = criteriaLegend(FRAMEWORK_2021);
    expect(l19.map((e) => e.id)).toEqual([
      '0-9',
      '10-12',
      '13-14',
      '15-16',
      '17-18',
      '19',
      'no_data',
      'not_applicable',
    ]);
    expect(l19[0]?.label_vi).toBe('0–9 tiêu chí');
    expect(l19[5]?.label_vi).toBe('Đủ 19 tiêu chí');
    expect(l19[5]?.label_en).toBe('All 19 criteria');
    const l10 = criteriaLegend(FRAMEWORK_2026);
    expect(l10.slice(0, 5).map((e) => e.id)).toEqual(['0-4', '5-6', '7-8', '9', '10']);
    for (const l of [l19, l10]) {
      const lum = l.slice(0, -2).map((e) => luminance(e.color));
      for (let i = 1; i < lum.length; i++) expect(lum[i]!).toBeGreaterThan(lum[i - 1]!);
    }
  });

  it('viridis hits its end points and clamps', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#FDE725');
    expect(viridis(-3)).toBe('#440154');
    expect(viridis(7)).toBe('#FDE725');
    expect(viridis(Number.NaN)).toBe('#440154');
  });
});

describe('classOf', () => {
  it('makes wards not applicable in the criteria modes, with or without a row', () => {
    const ctx = { framework: FRAMEWORK_2021, criterion: 3 };
    expect(classOf('criteria', urbanRow('dat_chuan'), ctx)).toBe('not_applicable');
    expect(classOf('criterion', undefined, { ...ctx, kind: 'thi_tran' })).toBe('not_applicable');
    expect(classOf('status', undefined, { ...ctx, kind: 'phuong' })).toBe('no_data');
    expect(classOf('criterion', xaRow(5), ctx)).toBe('met');
    expect(classOf('criterion', xaRow(2), ctx)).toBe('not_met');
    expect(classOf('criterion', xaRow(2), { framework: FRAMEWORK_2021 })).toBe('no_data');
  });
});
