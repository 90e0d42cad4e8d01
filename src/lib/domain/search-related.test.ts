import { describe, expect, it } from 'vitest';
import { metaJson } from '../../../tests/unit/fixture-data';
import { formerNames, matchRank, searchMatches, searchUnits, SEARCH_RANK } from './search';

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
    for (const h of hits.slice(1))
      expect(h.former_names).toContainEqual({ name: 'Huyện Tân Uyên', kind: 'district' });
  });

  it('former names leave out the unit’s own name and list each name once', () => {
    const names = formerNames(meta.units, meta.crosswalk, '2025');
    expect(names.get('03433')).toEqual([
      { name: 'Thị trấn Mường Tè', kind: 'unit' },
      { name: 'Huyện Mường Tè', kind: 'district' },
      { name: 'Xã Kan Hồ', kind: 'unit' },
    ]);
    // Xã Bản Bo kept its name and code and took in Xã Nà Tăm: its own name is not repeated.
    expect(names.get('03424')).toEqual([
      { name: 'Huyện Tam Đường', kind: 'district' },
      { name: 'Xã Nà Tăm', kind: 'unit' },
    ]);
  });
});

describe('why a unit matched (issue 19: a former name listed another name without saying why)', () => {
  const units2016 = of('2016');
  const reasons = (units: typeof units2025, query: string) =>
    searchMatches(units, query, 50).map((m) => [m.unit.name, m.reason]);

  it('"Ka Lăng" in 2026: Xã Thu Lũm, through the commune it took in', () => {
    expect(reasons(units2025, 'Ka Lăng')).toEqual([
      ['Xã Thu Lũm', { kind: 'former-unit', name: 'Xã Ka Lăng' }],
    ]);
  });

  it('"Nậm Loỏng" in 2025 (2020 boundaries): Xã Sùng Phài, through the commune it took in', () => {
    expect(reasons(units2020, 'nam loong')).toEqual([
      ['Xã Sùng Phài', { kind: 'former-unit', name: 'Xã Nậm Loỏng' }],
    ]);
    // On the boundaries where Nậm Loỏng still exists, it is found by its own name, with no reason.
    expect(reasons(units2016, 'nam loong')[0]).toEqual(['Xã Nậm Loỏng', null]);
  });

  it('"Tân Uyên" in 2026: Xã Tân Uyên by its name, the others through their former district', () => {
    const found = searchMatches(units2025, 'Tân Uyên', 50);
    expect(found[0]).toMatchObject({ unit: { name: 'Xã Tân Uyên' }, reason: null });
    expect(found.length).toBeGreaterThan(1);
    for (const m of found.slice(1))
      expect(m.reason).toEqual({ kind: 'former-district', name: 'Huyện Tân Uyên' });
  });

  it('"Tân Uyên" in 2025: the communes of the district, found by their current district', () => {
    const found = searchMatches(units2020, 'tan uyen', 50);
    expect(found[0]).toMatchObject({ unit: { name: 'Thị trấn Tân Uyên' }, reason: null });
    for (const m of found.slice(1)) expect(m.reason).toEqual({ kind: 'district', name: 'Huyện Tân Uyên' });
  });

  it('a name match never carries a reason, and searchUnits lists the same units in the same order', () => {
    for (const q of ['ban bo', '0343', 'muong te', 'ka lang', 'tan uyen'])
      expect(searchUnits(units2025, q, 50)).toEqual(searchMatches(units2025, q, 50).map((m) => m.unit));
    expect(searchMatches(units2025, 'thu lum', 50)[0]).toMatchObject({
      unit: { name: 'Xã Thu Lũm' },
      reason: null,
    });
  });
});
