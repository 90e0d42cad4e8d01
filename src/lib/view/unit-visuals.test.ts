import { describe, expect, it } from 'vitest';
import { buildUnitStates, classKey, fullPalette, unitVisual } from './unit-visuals';
import { STATUS_COLORS, CRITERION_COLORS, NO_DATA_COLOR } from '../domain/legend';
import type { UnitYear } from '../domain/types';
import { unassessedXa } from '../../../tests/unit/factories';

const row = (over: Partial<UnitYear>): UnitYear => unassessedXa({ year: 2024, ...over });
const framework = { criteria_total: 19, below_threshold: 15 };
const palette = fullPalette();
const met = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('unit feature states', () => {
  it('has a colour for every class of every mode and both framework sizes', () => {
    expect(palette[classKey('status', 19, 'dat_chuan')]).toBe(STATUS_COLORS.dat_chuan);
    expect(palette[classKey('criterion', 19, 'not_met')]).toBe(CRITERION_COLORS.not_met);
    expect(palette[classKey('criteria', 19, 'no_data')]).toBe(NO_DATA_COLOR);
    expect(palette[classKey('criteria', 10, '10')]).toBeDefined();
    expect(palette[classKey('criteria', 19, '19')]).toBeDefined();
  });

  it('marks a xã below 15 criteria, and never a ward', () => {
    const rows = new Map([
      [
        '03424',
        row({
          criteria_met: met(12),
          criteria_missing: [13, 14, 15, 16, 17, 18, 19],
          criteria_count: 12,
          tier: 'chua_dat',
        }),
      ],
      ['03386', row({ code: '03386', kind: 'phuong', urban_status: 'chua_dat' })],
    ]);
    const units = [
      { code: '03424', kind: 'xa' as const },
      { code: '03386', kind: 'phuong' as const },
      { code: '03999', kind: 'xa' as const },
    ];
    const states = buildUnitStates(
      { units, rows, mode: 'status', framework, criterion: null, visible: null },
      palette,
    );
    expect(states.get(3424)).toEqual({ cls: 'status:chua_dat', below: true, nodata: false, dim: false });
    expect(states.get(3386)).toEqual({
      cls: 'status:urban_chua_dat',
      below: false,
      nodata: false,
      dim: false,
    });
    expect(states.get(3999)).toEqual({ cls: 'status:no_data', below: false, nodata: true, dim: false });
  });

  it('recolours by criteria bin and by one criterion, and dims what the filters hide', () => {
    const rows = new Map([['03424', row({ criteria_met: met(19), criteria_count: 19, tier: 'dat_chuan' })]]);
    const units = [
      { code: '03424', kind: 'xa' as const },
      { code: '03425', kind: 'xa' as const },
    ];
    const byBin = buildUnitStates(
      { units, rows, mode: 'criteria', framework, criterion: null, visible: new Set(['03425']) },
      palette,
    );
    expect(byBin.get(3424)).toMatchObject({ cls: 'criteria19:19', dim: true });
    const one = unitVisual({ rows, mode: 'criterion', framework, criterion: 7 }, units[0]!, palette);
    expect(one.cls).toBe('criterion:met');
    expect(one.colour).toBe(CRITERION_COLORS.met);
  });
});
