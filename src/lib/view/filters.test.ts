import { describe, expect, it } from 'vitest';
import { hasActiveFilter, passesFilters, visibleCodes, type UnitFilters } from './filters';
import type { UnitYear } from '../domain/types';

const none: UnitFilters = {
  district: null,
  kind: null,
  tier: null,
  below: false,
  missing: null,
  near: false,
};
const fw = { below_threshold: 15 };
const row = (code: string, count: number, tier: UnitYear['tier'], missing: number[]): UnitYear => ({
  year: 2024,
  vintage: '2020',
  framework: '2021-2025',
  code,
  name: code,
  kind: 'xa',
  district_code: '106',
  district_name: 'Tam Đường',
  criteria_met: Array.from({ length: count }, (_, i) => i + 1),
  criteria_missing: missing,
  criteria_count: count,
  criteria_total: 19,
  tier,
  urban_status: null,
  decision_no: null,
  decision_date: null,
  source: null,
  source_url: null,
  source_date: null,
  illustrative: true,
});
const units = [
  { code: '00001', kind: 'xa' as const, district_code: '106' },
  { code: '00002', kind: 'xa' as const, district_code: '106' },
  { code: '00003', kind: 'xa' as const, district_code: '107' },
  { code: '00004', kind: 'phuong' as const, district_code: '105' },
];
const rows = new Map([
  ['00001', row('00001', 12, 'chua_dat', [13, 14, 15, 16, 17, 18, 19])],
  ['00002', row('00002', 18, 'chua_dat', [17])],
  ['00003', row('00003', 19, 'dat_chuan', [])],
]);

describe('planner filters', () => {
  it('shows everything (null) without an active filter', () => {
    expect(hasActiveFilter(none)).toBe(false);
    expect(visibleCodes(units, rows, none, fw)).toBeNull();
  });
  it('combines filters with AND', () => {
    expect([...visibleCodes(units, rows, { ...none, below: true }, fw)!]).toEqual(['00001']);
    expect([...visibleCodes(units, rows, { ...none, near: true }, fw)!]).toEqual(['00002']);
    expect([...visibleCodes(units, rows, { ...none, missing: 17 }, fw)!]).toEqual(['00001', '00002']);
    expect([
      ...visibleCodes(units, rows, { ...none, missing: 17, district: '106', tier: 'chua_dat' }, fw)!,
    ]).toEqual(['00001', '00002']);
    expect([...visibleCodes(units, rows, { ...none, kind: 'phuong' }, fw)!]).toEqual(['00004']);
  });
  it('never lets a ward pass a tier filter, and a unit without data fails "missing"', () => {
    expect(passesFilters(units[3]!, undefined, { ...none, tier: 'chua_dat' }, fw)).toBe(false);
    expect(passesFilters(units[3]!, undefined, { ...none, missing: 1 }, fw)).toBe(false);
  });
});
