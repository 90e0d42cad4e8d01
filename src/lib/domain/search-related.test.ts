import { describe, expect, it } from 'vitest';
import { metaJson } from '../../../tests/unit/fixture-data';
import { formerNames, matchRank, searchUnits, SEARCH_RANK } from './search';

const meta = metaJson();
const of = (vintage: string) =>
  meta.units
    .filter((u) => u.vintage === vintage)
    .map((u) => ({
      ...u,
      former_names: formerNames(meta.units, meta.crosswalk, u.vintage).get(u.code) ?? [],
    }));
const units2020 = of('2020');
const units2025 = of('2025');

describe('search by district', () => {
  it('"tan uyen" finds Thị trấn Tân Uyên first, then every unit of Huyện Tân Uyên', () => {
    const hits = searchUnits(units2020, 'tan uyen', 200);
    expect(hits[0]!.name).toBe('Thị trấn Tân Uyên');
    const inDistrict = units2020.filter((u) => u.district_name === 'Huyện Tân Uyên').map((u) => u.code);
    expect(inDistrict).toHaveLength(10);
    expect(hits.map((u) => u.code).sort()).toEqual(inDistrict.sort());
  });

  it('a district match ranks after every name match, and never by a substring', () => {
    const u = units2020.find((x) => x.name === 'Xã Phúc Khoa')!;
    expect(u.district_name).toBe('Huyện Tân Uyên');
    expect(matchRank(u, 'huyen tan uyen')).toBe(SEARCH_RANK.related);
    expect(matchRank(u, 'an uye')).toBeNull();
  });
});

describe('search by former names (before the July 2025 mergers)', () => {
  it('the name of a 2020 commune finds the 2025 commune it merged into', () => {
    // Xã Kan Hồ merged into Xã Bum Tở (03433) on 1 July 2025.
    expect(searchUnits(units2025, 'kan ho').map((u) => u.code)).toEqual(['03433']);
  });

  it('"tan uyen" in 2026 finds Xã Tân Uyên first, then the communes formed from Huyện Tân Uyên', () => {
    const hits = searchUnits(units2025, 'tan uyen', 50);
    expect(hits[0]!.name).toBe('Xã Tân Uyên');
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits.slice(1)) expect(h.former_names).toContain('Huyện Tân Uyên');
  });

  it('former names leave out the unit’s own name and list each name once', () => {
    const names = formerNames(meta.units, meta.crosswalk, '2025');
    expect(names.get('03433')).toEqual(['Thị trấn Mường Tè', 'Huyện Mường Tè', 'Xã Kan Hồ']);
    // Xã Bản Bo kept its name and code and took in Xã Nà Tăm: its own name is not repeated.
    expect(names.get('03424')).toEqual(['Huyện Tam Đường', 'Xã Nà Tăm']);
  });
});
