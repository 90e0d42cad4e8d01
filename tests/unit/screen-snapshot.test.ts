/**
 * The view model over the committed snapshot, for every year and every colouring mode: the figures the
 * screens show agree with each other and with the SQL summaries the database computed independently.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diskFetch } from './disk-fetch';
import { createSnapshotSource } from '../../src/lib/data/snapshot-source';
import type { Meta, Summaries } from '../../src/lib/data/source';
import { defaultViewState, type ViewMode, type ViewState } from '../../src/lib/domain/url-state';
import type { UnitYear } from '../../src/lib/domain/types';
import { buildScreen } from '../../src/lib/view/screen';

const MODES: ViewMode[] = ['status', 'criteria', 'criterion'];

describe('the view model over the committed snapshot', () => {
  let meta: Meta;
  let summaries: Summaries;
  const rowsByYear = new Map<number, UnitYear[]>();

  beforeAll(async () => {
    const src = createSnapshotSource('/', diskFetch);
    meta = (await src.loadMeta()).data;
    summaries = (await src.loadSummaries()).data;
    for (const y of meta.years) rowsByYear.set(y, (await src.loadYear(y)).data);
  });

  /** The screen of a year; `wrap` may replace the view state (e.g. with a proxy that records reads). */
  const screen = (
    year: number,
    over: Partial<ViewState> = {},
    wrap: (state: ViewState) => ViewState = (state) => state,
  ) =>
    buildScreen({
      lang: over.lang ?? 'vi',
      state: wrap({ ...defaultViewState(year), year, ...over }),
      year,
      meta,
      summaries,
      rowsByYear,
      index: undefined,
      attribution: {},
      yearLoad: { state: 'ready' },
    });

  it('gives every unit its tooltip with its status, the units faded by a filter too (issue 19)', () => {
    const all = screen(2025);
    const filtered = screen(2025, { district: all.districts[0]!.code });
    const faded = filtered.units.filter((u) => filtered.visuals.get(u.code)?.dim);
    expect(faded.length).toBeGreaterThan(50);
    for (const u of faded) {
      const row = all.rows.find((r) => r.code === u.code)!;
      expect(filtered.tooltips[u.code], u.code).toBe(`${row.full_name} · ${row.status}`);
    }
    expect(Object.keys(filtered.tooltips)).toHaveLength(filtered.units.length);
    expect(screen(2025, { lang: 'en' }).tooltips[faded[0]!.code]).toBe(
      `${faded[0]!.full_name} · ${screen(2025, { lang: 'en' }).rows.find((r) => r.code === faded[0]!.code)!.status}`,
    );
  });

  it('counts every unit once in every legend, for every year and mode', () => {
    for (const year of meta.years)
      for (const mode of MODES) {
        const s = screen(year, { mode });
        const total = s.legend.rows.reduce((a, r) => a + r.count, 0);
        expect(total, `${year} ${mode}`).toBe(s.units.length);
        expect(s.featureStates.size, `${year} ${mode}`).toBe(s.units.length);
      }
  });

  it("gives the map key the cards' period note, for every year and both languages", () => {
    for (const year of meta.years)
      for (const lang of ['vi', 'en'] as const) {
        const s = screen(year, { lang });
        expect(s.periodNote, `${year} ${lang}`).toBe(s.cards?.note ?? null);
        expect(s.periodNote === null, `${year}`).toBe(year >= 2020 && year <= 2025);
      }
  });

  it('reads every view-state field while it is built, none later from its lazy parts', () => {
    // AppView builds the screen in a $derived, which depends on what is read while it runs: a field read
    // only later, by a part computed on first use, would leave the screen stale when that field changes.
    const reads: string[] = [];
    const recorded = (state: ViewState) =>
      new Proxy(state, {
        get(target, key, receiver) {
          reads.push(String(key));
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const s = screen(2025, { unit: '03433', district: '105' }, recorded);
    expect(reads).toContain('unit');
    reads.length = 0;
    expect(s.selected?.code ?? s.selected).toBeTruthy();
    void [s.cards, s.report, s.rows, s.credits, s.featureStates];
    expect(reads).toEqual([]);
  });

  it('agrees with the SQL summaries: communes at the standard, assessed, below the threshold', () => {
    for (const sum of summaries.province) {
      const s = screen(sum.year);
      const count = (id: string) => s.legend.rows.find((r) => r.id === id)?.count ?? 0;
      const label = String(sum.year);
      expect(count('dat_chuan') + count('nang_cao') + count('kieu_mau'), label).toBe(sum.xa_ntm);
      expect(count('chua_dat') + sum.xa_ntm, label).toBe(sum.xa_assessed);
      expect(count('urban_dat_chuan'), label).toBe(sum.urban_civilised);
      expect(s.legend.below?.count ?? null, label).toBe(sum.xa_below_threshold);
      const bins = screen(sum.year, { mode: 'criteria' }).legend.rows;
      expect(bins.find((r) => r.id === 'not_applicable')?.count, label).toBe(sum.urban_total);
      expect(bins.find((r) => r.id === 'no_data')?.count, label).toBe(sum.xa_total - sum.xa_assessed);
      const counts = s.rows.filter((r) => r.count !== null).map((r) => r.count!);
      if (sum.avg_criteria_xa !== null) {
        const avg = counts.reduce((a, b) => a + b, 0) / counts.length;
        expect(Math.abs(avg - sum.avg_criteria_xa), label).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }
  });

  it('gives the below-15 filter of the table the legend’s below-15 count', () => {
    for (const year of meta.years) {
      const s = screen(year);
      if (!s.legend.below) continue;
      expect(screen(year, { below: true }).rows.length, String(year)).toBe(s.legend.below.count);
    }
  });

  it('shows on the cards the status the targets report gives, in 2020–2025, and none outside', () => {
    for (const year of meta.years) {
      const s = screen(year);
      for (const card of s.cards?.cards ?? []) {
        const row = s.report?.rows.find((r) => r.target.id === card.id);
        const inPeriod = year >= 2020 && year <= 2025;
        expect(card.status, `${year} ${card.id}`).toBe(inPeriod ? row?.status : null);
      }
    }
  });
});
