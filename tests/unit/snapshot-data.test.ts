/**
 * The committed snapshot (public/data/snapshot, produced by `npm run snapshot` from the migrations and
 * seed through the same views Supabase serves) read through the app's data layer, and the domain
 * classifications checked against the SQL summaries computed independently in the database.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diskFetch } from './disk-fetch';
import { createSnapshotSource } from '../../src/lib/data/snapshot-source';
import type { Loaded, Meta, Summaries } from '../../src/lib/data/source';
import { isBelowThreshold, isNearStandard, criteriaToStandard } from '../../src/lib/domain/status';
import { unitHistory } from '../../src/lib/domain/history';
import { searchUnits } from '../../src/lib/domain/search';
import { defaultViewState, parseViewState, writeViewState } from '../../src/lib/domain/url-state';
import { vintageForYear, vintageInfo } from '../../src/lib/domain/periods';
import type { UnitYear } from '../../src/lib/domain/types';

describe('committed snapshot through the data layer', () => {
  const src = createSnapshotSource('/', diskFetch);
  let meta: Loaded<Meta>;
  let sums: Loaded<Summaries>;
  const rows = new Map<number, UnitYear[]>();

  beforeAll(async () => {
    meta = await src.loadMeta();
    sums = await src.loadSummaries();
    for (const y of meta.data.years) rows.set(y, (await src.loadYear(y)).data);
  });

  it('parses without a single problem', async () => {
    expect(meta.problems).toEqual([]);
    expect(sums.problems).toEqual([]);
    for (const y of meta.data.years) expect((await src.loadYear(y)).problems).toEqual([]);
  });

  it('is flagged illustrative (sample data) with a note in both languages', () => {
    expect(meta.data.illustrative).toBe(true);
    expect(meta.data.note_vi).toMatch(/minh họa/i);
    expect(meta.data.note_en).toMatch(/illustrative/i);
  });

  it('has one row per unit of the vintage every year', () => {
    for (const [year, list] of rows) {
      expect(list.length, String(year)).toBe(vintageInfo(vintageForYear(year)).units);
    }
  });

  it('exercises the planner filters: some xã below 15 and some one or two criteria short', () => {
    const all = [...rows.values()].flat();
    const fw2021 = meta.data.frameworks.find((f) => f.id === '2021-2025')!;
    expect(
      all.filter((r) => r.year >= 2021 && r.year <= 2025 && isBelowThreshold(r, fw2021)).length,
    ).toBeGreaterThan(0);
    expect(all.filter((r) => isNearStandard(r)).length).toBeGreaterThan(0);
    expect(all.every((r) => (criteriaToStandard(r) ?? 0) >= 0)).toBe(true);
  });

  it('follows a 2025 unit back to the 2016 units through the crosswalk', () => {
    const h = unitHistory('03433', '2025', rows, meta.data.crosswalk);
    const years = [...new Set(h.map((e) => e.year))];
    expect(years).toEqual(meta.data.years);
    expect(h.filter((e) => e.year === 2026).map((e) => e.relation)).toEqual(['self']);
    expect(h.filter((e) => e.year === 2022).map((e) => e.row.name)).toEqual([
      'Thị trấn Mường Tè',
      'Xã Bum Tở',
      'Xã Kan Hồ',
    ]);
  });

  it('finds units by name without diacritics', () => {
    const units2020 = meta.data.units.filter((u) => u.vintage === '2020');
    expect(searchUnits(units2020, 'muong te')[0]?.name).toBe('Thị trấn Mường Tè');
  });

  it('restores a shared view on the snapshot years', () => {
    const years = meta.data.years;
    const d = defaultViewState(years[years.length - 1]!);
    const s = parseViewState('?year=2022&mode=criterion&criterion=17&below=1', d, years);
    expect(s).toMatchObject({ year: 2022, mode: 'criterion', criterion: 17, below: true });
    expect(writeViewState(s, d)).toBe('?year=2022&mode=criterion&criterion=17&below=1');
  });
});
