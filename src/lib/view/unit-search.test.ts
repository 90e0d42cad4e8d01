import { describe, expect, it } from 'vitest';
import { metaJson } from '../../../tests/unit/fixture-data';
import { formerNames } from '../domain/search';
import { matchNote, searchList } from './unit-search';

const meta = metaJson();
const units = (vintage: string) =>
  meta.units
    .filter((u) => u.vintage === vintage)
    .map((u) => ({
      ...u,
      former_names: formerNames(meta.units, meta.crosswalk, u.vintage).get(u.code) ?? [],
    }));

describe("the list's search says why a unit with another name is listed", () => {
  it('"Ka Lăng" in 2026: Xã Thu Lũm, "trước đây: Xã Ka Lăng" / "formerly: Xã Ka Lăng"', () => {
    expect(searchList(units('2025'), 'Ka Lăng', 'vi').map((m) => [m.unit.name, m.note])).toEqual([
      ['Xã Thu Lũm', 'trước đây: Xã Ka Lăng'],
    ]);
    expect(searchList(units('2025'), 'ka lang', 'en').map((m) => m.note)).toEqual(['formerly: Xã Ka Lăng']);
  });

  it('"Tân Uyên" in 2026: the units formed from the district say so', () => {
    const found = searchList(units('2025'), 'Tân Uyên', 'vi');
    expect(found[0]).toEqual({ unit: expect.objectContaining({ name: 'Xã Tân Uyên' }), note: null });
    for (const m of found.slice(1)) expect(m.note).toBe('trước đây thuộc Huyện Tân Uyên');
    expect(searchList(units('2025'), 'Tân Uyên', 'en')[1]!.note).toBe('formerly in Huyện Tân Uyên');
  });

  it('no note for a match by name, or by the current district (the list shows it), or with no query', () => {
    expect(searchList(units('2020'), 'tan uyen', 'vi').every((m) => m.note === null)).toBe(true);
    expect(searchList(units('2020'), 'ban bo', 'vi')[0]!.note).toBeNull();
    const all = searchList(units('2020'), '  ', 'vi');
    expect(all).toHaveLength(units('2020').length);
    expect(all.every((m) => m.note === null)).toBe(true);
    expect(matchNote({ kind: 'district', name: 'Huyện Tân Uyên' }, 'vi')).toBeNull();
  });
});
