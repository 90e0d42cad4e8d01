import { describe, expect, it } from 'vitest';
import { formedFrom, isCarriedOver, mergedInto, predecessors, successors, unitHistory } from './history';
import { crosswalk, units2016, units2020, units2025 } from '../../../tests/unit/reference';
import { xaRow } from '../../../tests/unit/factories';
import type { Unit, UnitYear } from './types';
import { vintageForYear } from './periods';

const cw = crosswalk();

describe('crosswalk facts (real data)', () => {
  it('maps every unit of a vintage to exactly one unit of the next', () => {
    for (const [units, next] of [
      [units2016(), units2020()],
      [units2020(), units2025()],
    ] as const) {
      const nextCodes = new Set(next.map((u) => u.code));
      for (const u of units) {
        const into = mergedInto(u.code, u.vintage, cw);
        expect(into).toHaveLength(1);
        expect(nextCodes.has(into[0]!.code)).toBe(true);
      }
    }
  });

  it('forms 03403 Sùng Phài (2020) from Nậm Loỏng 03403 and Sùng Phài 03397 of 2016', () => {
    expect(formedFrom('03403', '2020', cw)).toEqual([
      { vintage: '2016', code: '03397' },
      { vintage: '2016', code: '03403' },
    ]);
    expect(formedFrom('03550', '2020', cw).map((r) => r.code)).toEqual(['03550', '03556']);
    expect(mergedInto('03556', '2016', cw)).toEqual([{ vintage: '2020', code: '03550' }]);
  });

  it('forms 2025 Xã Bum Tở (03433) from three 2020 units, including the town that had the same code', () => {
    expect(formedFrom('03433', '2025', cw).map((r) => r.code)).toEqual(['03433', '03454', '03469']);
    expect(mergedInto('03433', '2020', cw)).toEqual([{ vintage: '2025', code: '03433' }]);
    expect(isCarriedOver(formedFrom('03433', '2025', cw), '03433')).toBe(false);
    expect(isCarriedOver(formedFrom('03451', '2025', cw), '03451')).toBe(true); // Mù Cả, not merged
  });

  it('every 2025 unit lists the 2020 units of its merged_from column', () => {
    for (const u of units2025()) {
      expect(formedFrom(u.code, '2025', cw).length).toBeGreaterThanOrEqual(1);
    }
    const total = units2025().reduce((n, u) => n + formedFrom(u.code, '2025', cw).length, 0);
    expect(total).toBe(106);
  });

  it('follows the chain through all vintages', () => {
    // Sùng Phài (2016, 03397) → 03403 (2020) → Phường Đoàn Kết 03388 (2025).
    expect(successors('03397', '2016', cw)).toEqual([
      { vintage: '2020', code: '03403' },
      { vintage: '2025', code: '03388' },
    ]);
    const pre = predecessors('03388', '2025', cw);
    expect(pre.filter((r) => r.vintage === '2016').map((r) => r.code)).toEqual(
      expect.arrayContaining(['03397', '03403', '03386', '03388', '03389']),
    );
    expect(pre.filter((r) => r.vintage === '2020').map((r) => r.code)).toEqual([
      '03386',
      '03388',
      '03389',
      '03391',
      '03403',
    ]);
  });

  it('survives a cyclic crosswalk', () => {
    const bad = [
      { from_vintage: '2016' as const, from_code: '00001', to_vintage: '2020' as const, to_code: '00002' },
      { from_vintage: '2020' as const, from_code: '00002', to_vintage: '2016' as const, to_code: '00001' },
    ];
    expect(successors('00001', '2016', bad)).toEqual([{ vintage: '2020', code: '00002' }]);
  });
});

describe('unitHistory', () => {
  /** One row per unit of the year's vintage (xã rows; kinds do not matter to the history). */
  function rowsFor(year: number, units: Unit[]): UnitYear[] {
    return units.map((u) => xaRow(10, { year, vintage: vintageForYear(year), code: u.code, name: u.name }));
  }
  const byYear = new Map<number, UnitYear[]>([
    [2019, rowsFor(2019, units2016())],
    [2022, rowsFor(2022, units2020())],
    [2026, rowsFor(2026, units2025())],
  ]);

  it('lists a 2025 unit with the 2020 units it was formed from and their 2016 predecessors', () => {
    const h = unitHistory('03433', '2025', byYear, cw);
    expect(h.map((e) => [e.year, e.relation, e.row.name])).toEqual([
      [2019, 'predecessor', 'Thị trấn Mường Tè'],
      [2019, 'predecessor', 'Xã Bum Tở'],
      [2019, 'predecessor', 'Xã Kan Hồ'],
      [2022, 'predecessor', 'Thị trấn Mường Tè'],
      [2022, 'predecessor', 'Xã Bum Tở'],
      [2022, 'predecessor', 'Xã Kan Hồ'],
      [2026, 'self', 'Xã Bum Tở'],
    ]);
  });

  it('lists a 2020 unit with its 2016 predecessors and the 2025 unit it merged into', () => {
    const h = unitHistory('03403', '2020', byYear, cw);
    expect(h.map((e) => [e.year, e.relation, e.row.code, e.row.name])).toEqual([
      [2019, 'predecessor', '03397', 'Xã Sùng Phài'],
      [2019, 'predecessor', '03403', 'Xã Nậm Loỏng'],
      [2022, 'self', '03403', 'Xã Sùng Phài'],
      [2026, 'successor', '03388', 'Phường Đoàn Kết'],
    ]);
  });

  it('never confuses a reused code: the 2020 town 03433 is not the 2025 commune 03433', () => {
    const h = unitHistory('03433', '2020', byYear, cw);
    const in2026 = h.filter((e) => e.year === 2026);
    expect(in2026).toHaveLength(1);
    expect(in2026[0]).toMatchObject({ relation: 'successor', row: { vintage: '2025', name: 'Xã Bum Tở' } });
    // Only the town itself in 2022, not Bum Tở or Kan Hồ (its siblings in the merger).
    expect(h.filter((e) => e.year === 2022).map((e) => e.row.name)).toEqual(['Thị trấn Mường Tè']);
  });

  it('accepts a plain object keyed by year and skips years without rows', () => {
    const obj = { 2026: rowsFor(2026, units2025()), 2019: [] as UnitYear[] };
    expect(unitHistory('03451', '2020', obj, cw).map((e) => [e.year, e.relation])).toEqual([
      [2026, 'successor'],
    ]);
    expect(unitHistory('99999', '2020', byYear, cw)).toEqual([]);
  });
});
