import { describe, expect, it } from 'vitest';
import { lineageOf as lineageLines } from './unit-detail';
import type { Lang } from '../i18n/define';
import type { CrosswalkRow, Unit, VintageId } from '../domain/types';

const units: Unit[] = [
  {
    vintage: '2020',
    code: '03388',
    name: 'Phường Quyết Tiến',
    kind: 'phuong',
    district_code: '105',
    district_name: 'TP Lai Châu',
  },
  {
    vintage: '2020',
    code: '03389',
    name: 'Phường Đoàn Kết',
    kind: 'phuong',
    district_code: '105',
    district_name: 'TP Lai Châu',
  },
  {
    vintage: '2025',
    code: '03388',
    name: 'Phường Đoàn Kết',
    kind: 'phuong',
    district_code: null,
    district_name: null,
  },
  {
    vintage: '2020',
    code: '03436',
    name: 'Xã Mù Cả',
    kind: 'xa',
    district_code: '107',
    district_name: 'Mường Tè',
  },
  { vintage: '2025', code: '03436', name: 'Xã Mù Cả', kind: 'xa', district_code: null, district_name: null },
];
const crosswalk: CrosswalkRow[] = [
  { from_vintage: '2020', from_code: '03388', to_vintage: '2025', to_code: '03388' },
  { from_vintage: '2020', from_code: '03389', to_vintage: '2025', to_code: '03388' },
  { from_vintage: '2020', from_code: '03436', to_vintage: '2025', to_code: '03436' },
];

/** The panel's lineage lines of the unit (vintage, code). */
function lineageOf(
  code: string,
  vintage: VintageId,
  meta: { crosswalk: CrosswalkRow[]; units: Unit[] },
  lang: Lang,
) {
  const u = meta.units.find((x) => x.vintage === vintage && x.code === code)!;
  const unit = {
    code,
    short: u.name,
    full_name: u.name,
    kind: u.kind,
    district_code: null,
    district_name: null,
  };
  return lineageLines({ lang, unit, vintage, crosswalk: meta.crosswalk, units: meta.units });
}

describe('lineage across the 2025 merger (codes reused)', () => {
  it('lists what a 2025 unit was formed from, by (vintage, code)', () => {
    const items = lineageOf('03388', '2025', { crosswalk, units }, 'vi');
    expect(items).toEqual([
      { label: 'Hình thành từ (ranh giới 2020):', names: ['Phường Quyết Tiến', 'Phường Đoàn Kết'] },
    ]);
  });
  it('names the 2025 unit an old unit merged into, even when the code is the same', () => {
    expect(lineageOf('03388', '2020', { crosswalk, units }, 'en')).toEqual([
      { label: 'Merged into (2025 boundaries):', names: ['Phường Đoàn Kết'] },
    ]);
  });
  it('says nothing for a unit that was not merged', () => {
    expect(lineageOf('03436', '2020', { crosswalk, units }, 'vi')).toEqual([]);
    expect(lineageOf('03436', '2025', { crosswalk, units }, 'vi')).toEqual([]);
  });
});
