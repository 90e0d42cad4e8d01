// Lai Châu's constants (code 12, its unit and district codes, its name, the `laichau` prefix, 98-KL/TU) may
// appear only in its folder (provinces/lai-chau/) and the tests. Until the app reads the province from
// its folder, the places that remain are listed in province-constants.remaining.json: a NEW place or a
// larger count fails, so the list can only shrink, and it is empty when issue #21 is done.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laiChauPatterns, scanLaiChauConstants } from './province-constants.ts';

const remaining = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, 'province-constants.remaining.json'), 'utf8')) as {
    places: Record<string, number>;
  }
).places;
const found = scanLaiChauConstants();

describe("Lai Châu's constants outside its folder", () => {
  it('appear in no new place, and no listed place has more of them', () => {
    const added = Object.entries(found)
      .filter(([file, n]) => n > (remaining[file] ?? 0))
      .map(([file, n]) => `${file}: ${n} (listed: ${remaining[file] ?? 'not listed'})`);
    expect(added, 'take the value from provinces/<slug>/province.json instead').toEqual([]);
  });

  it('are listed exactly: a place that has fewer is lowered in the list (it only shrinks)', () => {
    const lowered = Object.entries(remaining)
      .filter(([file, n]) => (found[file] ?? 0) < n)
      .map(([file, n]) => `${file}: ${found[file] ?? 0} (listed: ${n})`);
    expect(lowered, 'regenerate province-constants.remaining.json (see province-constants.ts)').toEqual([]);
  });

  it('are recognised in every form the list counts', () => {
    const count = (text: string) => laiChauPatterns().reduce((sum, p) => sum + p.count(text), 0);
    expect(count("const name = 'Lai Châu';")).toBe(1);
    expect(count('fetch(`/tiles/laichau-2020.pmtiles`)')).toBe(1);
    expect(count('Kết luận 98-KL/TU')).toBe(1);
    expect(count("['!=', ['get', 'code'], '12']")).toBe(1);
    expect(count('?unit=03433 and district "105"')).toBe(2);
    // Not Lai Châu: another province's codes, a 5-digit number that is no unit of it, a month.
    expect(count('"11" 03127 30000 "12:00" 12 px')).toBe(0);
  });
});
