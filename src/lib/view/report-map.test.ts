// The printed report's own map over the committed snapshot and the committed static maps: the report's
// area and year whatever the live map shows, painted and counted by the screen's own rules.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diskFetch } from '../../../tests/unit/disk-fetch';
import { createSnapshotSource } from '../data/snapshot-source';
import { isStaticMap, type StaticMapPaths } from '../data/static-map';
import type { Meta } from '../data/source';
import { NO_DATA_COLOR } from '../domain/legend';
import { frameworkForYear, vintageForYear } from '../domain/periods';
import type { UnitYear } from '../domain/types';
import { creditsView, type Attribution } from './credits';
import { legendView } from './legend-view';
import { CONTEXT_FILL, PATTERN_IDS, reportMap, type ReportMapData } from './report-map';
import { pathBox } from './static-map-hit';
import { unitVisuals } from './unit-visuals';

const YEAR = 2024;
let meta: Meta;
let rows: UnitYear[];
let map: StaticMapPaths;
const attribution = JSON.parse(readFileSync('public/tiles/attribution.json', 'utf8')) as Record<
  string,
  Attribution
>;

beforeAll(async () => {
  const src = createSnapshotSource('/', diskFetch);
  meta = (await src.loadMeta()).data;
  rows = (await src.loadYear(YEAR)).data;
  const json: unknown = JSON.parse(
    readFileSync(`public/tiles/laichau-${vintageForYear(YEAR)}.static.json`, 'utf8'),
  );
  if (!isStaticMap(json)) throw new Error('not a static map');
  map = json;
});

function data(over: Partial<ReportMapData> = {}): ReportMapData {
  const vintage = vintageForYear(YEAR);
  return {
    year: YEAR,
    vintage,
    map,
    attribution,
    units: meta.units.filter((u) => u.vintage === vintage),
    rows,
    framework: meta.frameworks.find((f) => f.id === frameworkForYear(YEAR))!,
    ...over,
  };
}

/** The screen's visuals and legend for the same year in the status colouring, without filters. */
function screenLook(lang: 'vi' | 'en' = 'vi') {
  const d = data();
  const visuals = unitVisuals({
    units: d.units,
    rows: new Map(rows.map((r) => [r.code, r])),
    mode: 'status',
    framework: d.framework,
    criterion: null,
    visible: null,
  });
  const legend = legendView({
    lang,
    year: YEAR,
    mode: 'status',
    framework: d.framework,
    criterion: null,
    visuals,
  });
  return { visuals, legend };
}

const parseViewBox = (v: string) => v.split(' ').map(Number) as [number, number, number, number];

describe('the printed report’s map', () => {
  it('shows the whole province for a province report: every unit of the year, the full viewBox', () => {
    const m = reportMap({ ...data(), lang: 'en', district: null, districtName: null });
    expect(m.viewBox).toBe(map.viewBox);
    expect(m.scale).toBe(1);
    expect(m.paths.map((p) => p.code).sort()).toEqual(map.units.map((u) => u.code).sort());
    expect(m.paths.some((p) => p.context)).toBe(false);
    expect(m.unitCount).toBe(data().units.length);
    expect(m.title).toBe(`Status of the communes, wards and towns · Province · ${YEAR}`);
    expect(m.contextNote).toBeNull();
    // The credits of the boundaries drawn: the report year's vintage, whatever the live map shows.
    expect(m.credits).toEqual(creditsView(attribution, '2020', 'en').lines);
    expect(m.credits.length).toBeGreaterThan(0);
  });

  it('paints every unit with the screen’s fill, hatch and below-threshold mark for the same year', () => {
    const { visuals } = screenLook();
    const m = reportMap({ ...data(), lang: 'vi', district: null, districtName: null });
    for (const p of m.paths) expect(p.fill, p.code).toBe(visuals.get(p.code)!.colour);
    const marks = new Map(m.marks.map((k) => [k.code, k]));
    for (const [code, v] of visuals) {
      const expected = v.noData ? 'nodata' : v.below ? 'below' : undefined;
      expect(marks.get(code)?.kind, code).toBe(expected);
      if (expected) expect(marks.get(code)!.pattern).toBe(PATTERN_IDS[expected]);
    }
    expect(m.marks.some((k) => k.kind === 'below')).toBe(true);
    expect(m.patterns.map((p) => p.id).sort()).toEqual(Object.values(PATTERN_IDS).sort());
  });

  it('has the screen legend’s counts for the province, every class named, with the below-15 row', () => {
    const { legend } = screenLook('vi');
    const m = reportMap({ ...data(), lang: 'vi', district: null, districtName: null });
    const counts = Object.fromEntries(m.legend.rows.map((r) => [r.id, r.count]));
    for (const r of legend.rows) {
      expect(counts[r.id], r.id).toBe(r.count);
      expect(m.legend.rows.find((x) => x.id === r.id)!.label).toBe(r.label);
    }
    expect(counts['below']).toBe(legend.below!.count);
    expect(m.legend.rows.find((r) => r.id === 'no_data')!.pattern).not.toBeNull();
    expect(m.legend.title).toBe(`Chú giải · năm ${YEAR} · ${data().units.length} đơn vị`);
  });

  it('draws a district report on that district only: its units coloured, the view cropped to them', () => {
    const district = '108';
    const own = new Set(
      data()
        .units.filter((u) => u.district_code === district)
        .map((u) => u.code),
    );
    const m = reportMap({ ...data(), lang: 'en', district, districtName: 'Huyện Sìn Hồ' });
    const coloured = m.paths.filter((p) => !p.context);
    expect(new Set(coloured.map((p) => p.code))).toEqual(own);
    for (const p of m.paths.filter((x) => x.context)) expect(p.fill).toBe(CONTEXT_FILL);
    expect(m.marks.every((k) => own.has(k.code))).toBe(true);
    expect(m.unitCount).toBe(own.size);
    expect(m.title).toContain('Huyện Sìn Hồ');
    expect(m.contextNote).toContain('Huyện Sìn Hồ');

    // The viewBox holds every unit of the district, with a margin, and is smaller than the province.
    const [x, y, w, h] = parseViewBox(m.viewBox);
    const [, , pw, ph] = parseViewBox(map.viewBox);
    for (const u of map.units.filter((u) => own.has(u.code))) {
      const b = pathBox(u.d);
      expect(b.minX).toBeGreaterThan(x);
      expect(b.minY).toBeGreaterThan(y);
      expect(b.maxX).toBeLessThan(x + w);
      expect(b.maxY).toBeLessThan(y + h);
    }
    expect(w < pw && h < ph).toBe(true);
    expect(m.scale).toBeLessThan(1);
    expect(m.stroke.width).toBeLessThan(0.8);
  });

  it('counts a district’s legend as the screen legend restricted to that district', () => {
    const { visuals } = screenLook('en');
    for (const district of ['105', '108', '112']) {
      const m = reportMap({ ...data(), lang: 'en', district, districtName: null });
      const own = data().units.filter((u) => u.district_code === district);
      const restricted = legendView({
        lang: 'en',
        year: YEAR,
        mode: 'status',
        framework: data().framework,
        criterion: null,
        visuals: new Map(own.map((u) => [u.code, visuals.get(u.code)!])),
      });
      for (const r of restricted.rows)
        expect(m.legend.rows.find((x) => x.id === r.id)!.count, `${district} ${r.id}`).toBe(r.count);
      expect(m.legend.rows.find((x) => x.id === 'below')!.count).toBe(restricted.below!.count);
      const total = m.legend.rows.filter((r) => r.id !== 'below').reduce((a, r) => a + r.count, 0);
      expect(total).toBe(own.length);
    }
  });

  it('draws a district with no data as "no data": grey, hatched, counted in the no-data row', () => {
    const district = '107';
    const own = data().units.filter((u) => u.district_code === district);
    const m = reportMap({
      ...data({ rows: rows.filter((r) => r.district_code !== district) }),
      lang: 'vi',
      district,
      districtName: 'Huyện Tam Đường',
    });
    const coloured = m.paths.filter((p) => !p.context);
    expect(coloured).toHaveLength(own.length);
    for (const p of coloured) expect(p.fill).toBe(NO_DATA_COLOR);
    expect(m.marks.filter((k) => k.kind === 'nodata')).toHaveLength(own.length);
    const counts = Object.fromEntries(m.legend.rows.map((r) => [r.id, r.count]));
    expect(counts['no_data']).toBe(own.length);
    expect(counts['below']).toBe(0);
    expect(
      m.legend.rows.filter((r) => r.id !== 'no_data' && r.id !== 'below').every((r) => r.count === 0),
    ).toBe(true);
  });

  it('falls back to the province view for a district with no unit on the map', () => {
    const m = reportMap({ ...data(), lang: 'vi', district: '999', districtName: null });
    expect(m.viewBox).toBe(map.viewBox);
    expect(m.paths.filter((p) => !p.context)).toHaveLength(0);
    expect(m.unitCount).toBe(0);
  });
});
