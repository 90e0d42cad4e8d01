// Place names as Vietnamese writes them: every syllable of a proper name starts with a capital ("Xã Pa Ủ",
// not the GSO registry's "Xã Pa ủ", which the list showed beside "Pa Ủ" on the map; issue 19). Checked on
// the embedded snapshot the app shows and on the tile indexes the map labels come from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const PREFIX = /^(Xã|Phường|Thị trấn|Thành phố|Huyện)\s+/u;
/** The syllables of a name after its administrative prefix that do not start with a capital letter. */
const lowerSyllables = (name: string) =>
  name
    .normalize('NFC')
    .replace(PREFIX, '')
    .split(/\s+/)
    .filter((w) => w !== '' && w[0] !== w[0]!.toLocaleUpperCase('vi'));

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

describe('unit and district names', () => {
  it('capitalise every syllable in the snapshot (units, districts, for every vintage)', () => {
    const meta = json('public/data/snapshot/meta.json') as {
      units: { vintage: string; code: string; name: string; district_name: string | null }[];
    };
    const bad = meta.units.flatMap((u) =>
      [u.name, u.district_name ?? '']
        .filter((n) => lowerSyllables(n).length > 0)
        .map((n) => `${u.vintage}:${u.code} ${n}`),
    );
    expect(meta.units.length).toBeGreaterThan(200);
    expect(bad).toEqual([]);
  });

  it('capitalise every syllable in the map’s tile indexes, and agree with the snapshot', () => {
    const meta = json('public/data/snapshot/meta.json') as {
      units: { vintage: string; code: string; name: string }[];
    };
    for (const vintage of ['2016', '2020', '2025']) {
      const index = json(`public/tiles/laichau-${vintage}.index.json`) as {
        units: { code: string; name: string; full_name: string }[];
      };
      for (const u of index.units) {
        expect(lowerSyllables(u.full_name), `${vintage}:${u.code}`).toEqual([]);
        const listed = meta.units.find((m) => m.vintage === vintage && m.code === u.code);
        expect(listed?.name, `${vintage}:${u.code}`).toBe(u.full_name);
      }
    }
  });

  it('the rule finds a lower-case syllable', () => {
    expect(lowerSyllables('Xã Pa ủ')).toEqual(['ủ']);
    expect(lowerSyllables('Thị trấn Mường Tè')).toEqual([]);
  });
});
