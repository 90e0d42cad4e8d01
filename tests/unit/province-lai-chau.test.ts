// Lai Châu's folder (provinces/lai-chau) describes the province the app serves today: the same targets,
// figures, thresholds, baselines and periods as the code that computes them (report/series.ts,
// report/targets-report.ts, view/cards.ts, the reference data of supabase/tools/reference.ts and the
// committed snapshot), the same crosswalks and the same national frameworks. When the app is switched over
// to read the folder, these tests say nothing was lost on the way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProvince, provinceDir, type ResolvedTarget } from '../../scripts/province/load.ts';
import { FRAMEWORKS, frameworkSize } from '../../src/lib/domain/frameworks.ts';
import type { Measure } from '../../src/lib/domain/measures.ts';
import { BASELINE_YEAR, FINAL_YEAR } from '../../src/lib/domain/targets.ts';
import type { AreaSummary, CrosswalkRow, Framework, Target } from '../../src/lib/domain/types.ts';
import { PERIOD_RANGE, isComputedTarget, isSummaryTarget, seriesFor } from '../../src/lib/report/series.ts';
import { buildTargetsReport, clampYear } from '../../src/lib/report/targets-report.ts';
import { indicator, provinceRow } from '../../src/lib/report/test-data.ts';
import { cardsView } from '../../src/lib/view/cards.ts';
import { documentTitle, t } from '../../src/lib/i18n/messages.ts';
import { loadUnits, TARGETS } from '../../supabase/tools/reference.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';

const province = loadProvince(provinceDir('lai-chau'));

/** What the app reads today: the committed snapshot's reference lists. */
function snapshotMeta(): { targets: Target[]; frameworks: Framework[]; crosswalk: CrosswalkRow[] } {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/data/snapshot/meta.json'), 'utf8')) as {
    targets: Target[];
    frameworks: Framework[];
    crosswalk: CrosswalkRow[];
  };
}
const targets = province.targets?.targets ?? [];

/** A target of the folder in the shape the database, the snapshot and the app use. */
function asTarget(t: ResolvedTarget): Target {
  return {
    id: t.id,
    group_no: t.group,
    name_vi: t.name.vi,
    name_en: t.name.en,
    unit: t.unit,
    target_value: t.value,
    strict: t.strict,
    direction: t.direction,
    level: t.level,
  };
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe("Lai Châu's targets as data", () => {
  it('are the 22 targets of Kết luận 98-KL/TU with the same names, figures, directions and levels', () => {
    expect(province.targets?.document.number).toBe('98-KL/TU');
    expect(targets.map(asTarget).sort(byId)).toEqual([...TARGETS].sort(byId));
    expect(targets.map(asTarget).sort(byId)).toEqual([...snapshotMeta().targets].sort(byId));
  });

  it('have the baseline year and the period the report judges', () => {
    for (const t of targets) {
      expect(t.baseline_year, t.id).toBe(BASELINE_YEAR);
      expect(t.period, t.id).toEqual({ from: BASELINE_YEAR + 1, to: FINAL_YEAR });
      expect(t.source, t.id).toMatch(/^Kết luận số 98-KL\/TU ngày 28\/4\/2021/);
    }
    expect(PERIOD_RANGE).toEqual({ from: targets[0]?.baseline_year, to: targets[0]?.period.to });
    const { from, to } = targets[0]!.period;
    expect(clampYear(from).yearNote).toBeNull();
    expect(clampYear(to).yearNote).toBeNull();
    expect(clampYear(to + 1).yearNote).toBe('after_period');
    expect(clampYear(from - 2).yearNote).toBe('before_period');
  });

  it('measure what report/series.ts computes for each of them', () => {
    // Every summary field a different value, so the series says which field it read.
    const fields = {
      xa_ntm_pct: 41.5,
      avg_criteria_xa: 16.2,
      xa_below_threshold: 7,
      urban_civilised_pct: 58.3,
    };
    const FIELD: Partial<Record<Measure, keyof typeof fields>> = {
      share_communes_at_standard: 'xa_ntm_pct',
      average_criteria: 'avg_criteria_xa',
      communes_below_threshold: 'xa_below_threshold',
      share_wards_civilised: 'urban_civilised_pct',
    };
    const data = {
      province: [provinceRow(2020, { districts_ntm: 1 }), provinceRow(2022, { ...fields, districts_ntm: 4 })],
      district: [] as AreaSummary[],
      indicators: targets.map((t) => indicator(t.id, 2022, 123.4)),
    };
    for (const t of targets) {
      const value = seriesFor(data, t.id).find((p) => p.year === 2022)?.value;
      const field = FIELD[t.measure];
      expect(isComputedTarget(t.id), t.id).toBe(t.measure !== 'indicator_series');
      expect(isSummaryTarget(t.id), t.id).toBe(field !== undefined);
      if (field) expect(value, `${t.id} (${t.measure})`).toBe(fields[field]);
      else if (t.measure === 'districts_at_standard') expect(value, t.id).toBe(4 - 1);
      else expect(value, `${t.id} (${t.measure})`).toBe(123.4);
    }
  });

  it('give the threshold the map and the cards use: the national framework’s', () => {
    const below = targets.filter((t) => t.measure === 'communes_below_threshold');
    expect(below.map((t) => [t.id, t.threshold])).toEqual([
      ['T1e', frameworkSize('2021-2025').below_threshold],
    ]);
  });

  it('are the cards beside the map: one per computed measure', () => {
    const data = {
      province: [provinceRow(2020), provinceRow(2022)],
      district: [],
      indicators: [],
      districts: [],
    };
    const report = buildTargetsReport(TARGETS, data, { year: 2022 });
    const cards = cardsView({
      lang: 'vi',
      year: 2022,
      areaName: 'Tỉnh Lai Châu',
      summary: provinceRow(2022),
      framework: FRAMEWORKS.find((f) => f.id === '2021-2025'),
      report,
      unitCount: 106,
    }).cards;
    const computed = targets.filter((t) => t.measure !== 'indicator_series').map((t) => t.id);
    expect(cards.map((c) => c.id).sort()).toEqual(computed.sort());
    const threshold = targets.find((t) => t.measure === 'communes_below_threshold')?.threshold;
    expect(cards.find((c) => c.id === 'T1e')?.label).toContain(String(threshold));
  });
});

describe("Lai Châu's periods and crosswalks", () => {
  it('are the boundary vintages and the crosswalk the database is seeded with', () => {
    const ref = loadUnits();
    expect(province.periods.map((p) => [p.id, p.unitList.length])).toEqual([
      ['2016', 108],
      ['2020', 106],
      ['2025', 38],
    ]);
    const rows = province.config.crosswalks.flatMap((c) => {
      const csv = readFileSync(province.resolve(c.file), 'utf8').trim().split(/\r?\n/);
      const header = csv[0]!.split(',');
      const [a, b] = [header.indexOf(c.from_column), header.indexOf(c.to_column)];
      return csv.slice(1).map((line) => {
        const cells = line.split(',');
        return { from_vintage: c.from, from_code: cells[a], to_vintage: c.to, to_code: cells[b] };
      });
    });
    const key = (r: { from_vintage: string; from_code?: string; to_code?: string }) =>
      `${r.from_vintage}:${r.from_code}:${r.to_code}`;
    expect(rows.map(key).sort()).toEqual(ref.crosswalk.map(key).sort());
    expect(rows.map(key).sort()).toEqual(snapshotMeta().crosswalk.map(key).sort());
  });

  it('cover the years of domain/periods.ts', async () => {
    const { VINTAGES } = await import('../../src/lib/domain/periods.ts');
    expect(province.periods.map((p) => [p.id, p.years.from, p.unitList.length])).toEqual(
      VINTAGES.map((v) => [v.id, v.first_year, v.units]),
    );
  });
});

describe("Lai Châu's first view", () => {
  it('has the texts the page and the catalogue show today', () => {
    const html = readFileSync(path.join(REPO_ROOT, 'index.html'), 'utf8');
    const { vi, en } = province.config.first_view;
    // The page's title is written from the catalogue (build/first-view-plugin.ts, and the app per language).
    expect([documentTitle('vi'), documentTitle('en')]).toEqual([vi.title, en.title]);
    expect(html).toContain(`<meta name="description" content="${vi.description}" />`);
    expect([t('vi', 'app.province'), t('en', 'app.province')]).toEqual([vi.province, en.province]);
    expect([t('vi', 'map.label'), t('en', 'map.label')]).toEqual([vi.map_label, en.map_label]);
    expect([province.config.code, province.config.name.vi]).toEqual(['12', 'Lai Châu']);
  });
});

describe('the national frameworks', () => {
  it('are the frameworks of the committed snapshot (QĐ 1980 and QĐ 318: 19 criteria, below 15; QĐ 51/2025: 10)', () => {
    expect(snapshotMeta().frameworks).toEqual(FRAMEWORKS);
    expect(FRAMEWORKS.map((f) => [f.id, frameworkSize(f.id)])).toEqual([
      ['2016-2020', { criteria_total: 19, indicator_total: null, below_threshold: 15 }],
      ['2021-2025', { criteria_total: 19, indicator_total: null, below_threshold: 15 }],
      ['2026-2030', { criteria_total: 10, indicator_total: 47, below_threshold: null }],
    ]);
  });
});
