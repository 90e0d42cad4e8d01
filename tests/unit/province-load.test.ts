// The province loader (scripts/province/load.ts): a bad province folder stops the tile build with a message
// that names the file and the field or row. Each case starts from a small valid folder written to a
// temporary directory and breaks one thing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listProvinceDirs, loadProvince, ProvinceError } from '../../scripts/province/load.ts';
import { configsFromArgs } from '../../tiles/build/build-tiles.ts';

const root = mkdtempSync(path.join(tmpdir(), 'province-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Json = Record<string, unknown>;

function square(code: string, x: number) {
  const ring = [
    [x, 21],
    [x + 0.1, 21],
    [x + 0.1, 21.1],
    [x, 21.1],
    [x, 21],
  ];
  return { type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const PROVINCE: Json = {
  code: '99',
  slug: 'test',
  name: { vi: 'Thử', en: 'Thử' },
  full_name: { vi: 'Tỉnh Thử', en: 'Thử province' },
  default_year: 2025,
  periods: [
    {
      id: '2020',
      label: { vi: 'Ranh giới 2020', en: 'Boundaries 2020' },
      years: { from: 2020, to: 2025 },
      units: 'units-2020.csv',
      boundaries: {
        communes: { file: 'communes-2020.geojson', code_property: 'code' },
        districts: { dissolve: true },
        province: { dissolve: true },
      },
      attribution: ['own'],
      sources: ['SOURCES.md'],
    },
    {
      id: '2025',
      label: { vi: 'Ranh giới 2025', en: 'Boundaries 2025' },
      years: { from: 2026, to: null },
      units: 'units-2025.csv',
      boundaries: {
        communes: { file: 'communes-2025.geojson', code_property: 'code' },
        districts: null,
        province: { dissolve: true },
      },
      attribution: ['own'],
      sources: ['SOURCES.md'],
    },
  ],
  crosswalks: [
    { from: '2020', to: '2025', file: 'crosswalk.csv', from_column: 'code_2020', to_column: 'code_2025' },
  ],
  attributions: {
    own: {
      short: 'Sở',
      vi: 'Ranh giới: Sở',
      en: 'Boundaries: the department',
      url: '',
      licence: 'CC0',
      restricted: false,
    },
  },
  tiles: { out_dir: 'tiles/out/test', prefix: 'test', attribution_file: 'attribution.json', context: null },
  targets: 'targets.json',
  first_view: {
    vi: { title: 'Bản đồ', description: 'Bản đồ tỉnh Thử', province: 'Tỉnh Thử', map_label: 'Bản đồ các xã' },
    en: { title: 'Map', description: 'Map of Thử province', province: 'Thử province', map_label: 'Map' },
  },
};

const TARGETS: Json = {
  document: {
    number: '1-KL/TU',
    date: '2021-04-28',
    title: { vi: 'Kết luận', en: 'Conclusion' },
    transcription: 'SOURCES.md',
  },
  baseline_year: 2020,
  period: { from: 2021, to: 2025 },
  source: 'Kết luận 1-KL/TU',
  targets: [
    {
      id: 'A',
      group: 1,
      name: { vi: 'Xã dưới 15 tiêu chí', en: 'Communes below 15 criteria' },
      unit: 'xã',
      measure: 'communes_below_threshold',
      level: 'commune',
      value: 0,
      direction: 'lower',
      strict: false,
      threshold: 15,
    },
    {
      id: 'B',
      group: 2,
      name: { vi: 'Quỹ', en: 'Fund' },
      unit: 'tỷ đồng',
      measure: 'indicator_series',
      level: 'province',
      value: 25,
      direction: 'higher',
      strict: true,
    },
  ],
};

interface Files {
  province: Json;
  targets: Json | null;
  'units-2020.csv': string;
  'units-2025.csv': string;
  'communes-2020.geojson': string;
  'communes-2025.geojson': string;
  'crosswalk.csv': string;
}

function validFiles(): Files {
  return {
    province: structuredClone(PROVINCE),
    targets: structuredClone(TARGETS),
    'units-2020.csv':
      'code,name,kind,district_code,district_name\n00001,Xã Một,xa,001,Huyện Đông\n00002,Phường Hai,phuong,001,Huyện Đông\n',
    'units-2025.csv': 'code,name,kind\n00010,Xã Mười,xa\n',
    'communes-2020.geojson': collection([square('00001', 103), square('00002', 103.1)]),
    'communes-2025.geojson': collection([square('00010', 103)]),
    'crosswalk.csv': 'code_2020,code_2025\n00001,00010\n00002,00010\n',
  };
}

let serial = 0;

/** Writes a province folder named "test" (its slug) in a fresh directory; `change` breaks one thing. */
function writeProvince(change: (f: Files) => void = () => {}): string {
  const f = validFiles();
  change(f);
  const dir = path.join(root, String(serial++), 'test');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'province.json'), JSON.stringify(f.province));
  if (f.targets) writeFileSync(path.join(dir, 'targets.json'), JSON.stringify(f.targets));
  writeFileSync(path.join(dir, 'SOURCES.md'), '# Sources\n');
  for (const name of [
    'units-2020.csv',
    'units-2025.csv',
    'communes-2020.geojson',
    'communes-2025.geojson',
    'crosswalk.csv',
  ] as const)
    writeFileSync(path.join(dir, name), f[name]);
  return dir;
}

/** The problems the loader reports for a folder (and that it throws at all). */
function problemsOf(dir: string): string[] {
  try {
    loadProvince(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ProvinceError);
    return [...(e as ProvinceError).problems];
  }
  throw new Error('the folder was accepted');
}

const periods = (f: Files) => f.province.periods as Json[];

describe('a valid province folder', () => {
  it('loads with its periods in year order, unit lists and resolved targets', () => {
    const p = loadProvince(writeProvince());
    expect(p.periods.map((x) => [x.id, x.unitList.map((u) => u.code)])).toEqual([
      ['2020', ['00001', '00002']],
      ['2025', ['00010']],
    ]);
    expect(p.targets?.targets.map((t) => [t.id, t.measure, t.baseline_year, t.period, t.source])).toEqual([
      ['A', 'communes_below_threshold', 2020, { from: 2021, to: 2025 }, 'Kết luận 1-KL/TU'],
      ['B', 'indicator_series', 2020, { from: 2021, to: 2025 }, 'Kết luận 1-KL/TU'],
    ]);
  });

  it('may have no targets document: its figures are shown, not judged', () => {
    const p = loadProvince(
      writeProvince((f) => {
        f.province.targets = null;
        f.targets = null;
      }),
    );
    expect(p.targets).toBeNull();
  });

  it('includes both configured provinces, which load', () => {
    const slugs = listProvinceDirs().map((d) => loadProvince(d).config.slug);
    expect(slugs).toEqual(['dien-bien', 'lai-chau']);
  });
});

describe('a bad province folder names the file and the field', () => {
  it('a missing field', () => {
    const dir = writeProvince((f) => delete f.province.code);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/test[/\\]province\.json: code: Invalid input/)]);
  });

  it('a missing field of a period, and a wrong type', () => {
    const dir = writeProvince((f) => {
      delete periods(f)[1]!.units;
      (periods(f)[0]!.years as Json).from = '2020';
    });
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/province\.json: periods\.1\.units: /));
    expect(problems).toContainEqual(
      expect.stringMatching(/province\.json: periods\.0\.years\.from: .*\(got "2020"\)/),
    );
  });

  it('a unit list that does not match the boundaries, both ways', () => {
    const dir = writeProvince((f) => {
      f['communes-2020.geojson'] = collection([square('00001', 103), square('00003', 103.2)]);
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /communes-2020\.geojson \(.*province\.json: periods\.0\.boundaries\.communes\): its "code" codes do not match .*units-2020\.csv: units without a boundary: 00002; codes not in the unit list: 00003/,
      ),
    ]);
  });

  it('a boundary feature without a code', () => {
    const dir = writeProvince((f) => {
      f['communes-2025.geojson'] = collection([{ ...square('00010', 103), properties: { ma: '00010' } }]);
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /periods\.1\.boundaries\.communes: .*communes-2025\.geojson: property "code" = undefined is not a 5-digit code/,
      ),
    ]);
  });

  it('a crosswalk that names an unknown unit, and a unit it leaves out', () => {
    const dir = writeProvince((f) => {
      f['crosswalk.csv'] = 'code_2020,code_2025\n00001,00010\n00009,00010\n';
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/crosswalk\.csv: row 3: code_2020 "00009" is not a unit of period 2020$/),
      expect.stringMatching(/crosswalk\.csv: no row for unit\(s\) 00002 of period 2020$/),
    ]);
  });

  it('a crosswalk between unknown periods, or a missing one', () => {
    const dir = writeProvince((f) => {
      (f.province.crosswalks as Json[])[0]!.to = '2030';
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/province\.json: crosswalks\.0\.to: "2030" is not a period of this province$/),
      expect.stringMatching(/province\.json: crosswalks: none links period 2020 to period 2025$/),
    ]);
  });

  it('a target with an unknown measure', () => {
    const dir = writeProvince((f) => {
      ((f.targets as Json).targets as Json[])[1]!.measure = 'happiness';
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /test[/\\]targets\.json: targets\.1\.measure: Invalid option: .*\(got "happiness"\)/,
      ),
    ]);
  });

  it('a threshold that is not the national framework’s, or a threshold without its measure', () => {
    const dir = writeProvince((f) => {
      const [a, b] = (f.targets as Json).targets as Json[];
      a!.threshold = 14;
      b!.threshold = 3;
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /targets\.json: targets\.0\.threshold: 14, but the framework 318\/QĐ-TTg \(2021–2025\) warns below 15/,
      ),
      expect.stringMatching(
        /targets\.json: targets\.1\.threshold: only measure communes_below_threshold has a threshold/,
      ),
    ]);
  });

  it('periods whose years overlap, or leave a gap', () => {
    const overlap = writeProvince((f) => {
      (periods(f)[1]!.years as Json).from = 2025;
    });
    expect(problemsOf(overlap)).toEqual([
      expect.stringMatching(/province\.json: periods\.1\.years: 2025– overlaps period 2020 \(2020–2025\)/),
    ]);
    const gap = writeProvince((f) => {
      (periods(f)[1]!.years as Json).from = 2028;
    });
    expect(problemsOf(gap)).toEqual([
      expect.stringMatching(
        /province\.json: periods\.1\.years\.from: 2028 does not follow period 2020, which ends in 2025/,
      ),
    ]);
  });

  it('an unknown attribution key, a missing file, a slug that is not the folder’s name', () => {
    const dir = writeProvince((f) => {
      periods(f)[0]!.attribution = ['nobody'];
      periods(f)[1]!.sources = ['LICENCES.md'];
      f.province.slug = 'other';
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/province\.json: slug: "other" is not the folder's name "test"/),
      expect.stringMatching(/province\.json: periods\.0\.attribution\.0: unknown attribution key "nobody"/),
      expect.stringMatching(/province\.json: periods\.1\.sources\.0: file .*LICENCES\.md does not exist/),
    ]);
  });
});

describe('npm run tiles', () => {
  it('stops on an unknown province and names the configured ones', () => {
    expect(() => configsFromArgs(['--province', 'atlantis'])).toThrow(
      /no province "atlantis" in provinces \(configured: dien-bien, lai-chau\)/,
    );
  });
});
