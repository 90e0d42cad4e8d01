// The app's one reactive object: the loaded data (AppData), the view state mirrored in the URL (ViewStore)
// and the year on screen, turned into the view model (view/screen.ts) that every component renders. The
// rules live in view/ and domain/; this file only wires runes to them and holds the user's actions.
import { loadStaticMap } from '../data/static-map';
import { defaultYear, frameworkForYear, vintageForYear } from '../domain/periods';
import type { VintageId } from '../domain/types';
import { defaultViewState as defaultState, type ViewState } from '../domain/url-state';
import type { ReportMapData } from '../view/report-map';
import { buildScreen, type Screen } from '../view/screen';
import { carryUnit } from '../view/carry-unit';
import { droppedParams, sanitizeView, viewContext, type Dropped } from '../view/sanitize-view';
import { shownYear } from '../view/shown-year';
import { viewBounds, type Bounds } from '../view/view-bounds';
import type { ViewNoticeData } from '../view/view-notice';
import { AppData } from './app-data.svelte';
import { ViewStore } from './view.svelte';

export type { Bounds };

export class AppView {
  readonly data: AppData;
  readonly view = new ViewStore();
  /** True once the data and the first year are loaded. */
  ready = $state(false);
  /** Bounding box the interactive map flies to; a new array starts a new flight. */
  focus = $state.raw<Bounds | null>(null);
  /** What the app changed in the view the user asked for (dropped link values, a carried unit). */
  notice = $state.raw<ViewNoticeData | null>(null);
  #onScreen = $state<number | null>(null);

  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
    this.data = new AppData(base);
  }

  get state(): ViewState {
    return this.view.state;
  }

  /** The year on screen: the requested one once its rows and boundaries are in, else the previous one. */
  readonly year = $derived(
    shownYear(this.view.state.year, this.#onScreen, {
      hasRows: (y) => this.data.rowsByYear.has(y),
      indexSettled: (y) => {
        const v = vintageForYear(y);
        return this.data.indexes.has(v) || this.data.indexLoads.get(v)?.state === 'error';
      },
    }),
  );

  readonly screen: Screen | null = $derived.by(() => {
    const meta = this.data.meta;
    if (!meta) return null;
    return buildScreen({
      lang: this.view.state.lang,
      state: this.view.state,
      year: this.year,
      meta,
      summaries: this.data.summaries,
      rowsByYear: this.data.rowsByYear,
      index: this.data.indexes.get(vintageForYear(this.year)),
      attribution: this.data.attribution,
      yearLoad: this.data.yearLoads.get(this.view.state.year),
    });
  });

  /** Loads the data, reads the URL and waits for the first year: one full render, not one per file. */
  async init(search: string): Promise<void> {
    await this.data.init();
    const years = this.data.meta?.years ?? [];
    this.view.init(search, years, defaultYear(years));
    const year = this.view.state.year;
    await Promise.all([this.data.ensureYear(year), this.data.ensureIndex(vintageForYear(year))]);
    const meta = this.data.meta;
    if (meta) {
      // A link's values that do not apply to its year are dropped (UrlSync then writes the clean URL).
      const clean = sanitizeView(
        $state.snapshot(this.view.state) as ViewState,
        viewContext(meta, year),
      ).state;
      this.view.state = clean;
      const dropped = droppedParams(search, clean);
      if (dropped.length > 0) this.notice = { year, dropped, carried: null };
    }
    // A shared link opens where its sender was looking: the unit, else the district.
    this.#refocus(defaultState(year), this.view.state);
    this.ready = true;
  }

  /** Back / Forward: the view the URL describes, cleaned the same way (silently: it was clean when left). */
  restore(search: string): void {
    const meta = this.data.meta;
    if (!meta) return;
    const before = $state.snapshot(this.view.state) as ViewState;
    const parsed = this.view.parse(search);
    this.view.state = sanitizeView(parsed, viewContext(meta, parsed.year)).state;
    this.#refocus(before, this.view.state);
  }

  /** Flies to a newly selected unit, or to a newly chosen district (or back to the province). */
  #refocus(before: Pick<ViewState, 'unit' | 'district'>, after: ViewState): void {
    const unitOpened = after.unit !== null && after.unit !== before.unit;
    if (!unitOpened && after.district === before.district) return;
    const vintage = vintageForYear(after.year);
    const units = (this.data.meta?.units ?? []).filter((u) => u.vintage === vintage);
    const box = viewBounds(
      unitOpened ? after : { unit: null, district: after.district },
      units,
      this.data.indexes.get(vintage),
    );
    if (box) this.focus = box;
  }

  /**
   * What the printed report's map is drawn from (view/report-map.ts), whatever the live map shows: the
   * report year's rows and the static map of its boundary vintage, fetched when the print is prepared.
   * Rejects when either cannot be had (the report then says the map is unavailable).
   */
  async reportMapData(year: number): Promise<ReportMapData> {
    const meta = this.data.meta;
    if (!meta) throw new Error('the data has not loaded');
    const vintage = vintageForYear(year);
    const [map] = await Promise.all([loadStaticMap(this.#base, vintage), this.data.ensureYear(year)]);
    const rows = this.data.rowsByYear.get(year);
    if (!rows) throw new Error(`the rows of ${year} could not be loaded`);
    const framework = meta.frameworks.find((f) => f.id === frameworkForYear(year));
    if (!framework) throw new Error(`the criteria set of ${year} is not in the data`);
    return {
      year,
      vintage,
      map,
      units: meta.units.filter((u) => u.vintage === vintage),
      rows,
      framework,
      attribution: this.data.attribution,
    };
  }

  /** Effects: keep the shown year, load what the view needs. Call once, from the root component. */
  track(): void {
    $effect(() => {
      this.#onScreen = this.year;
    });
    $effect(() => {
      if (!this.ready) return;
      const year = this.view.state.year;
      void this.data.ensureYear(year);
      void this.data.ensureIndex(vintageForYear(year));
    });
    // The unit panel's history needs every year of the vintage.
    $effect(() => {
      const meta = this.data.meta;
      if (!this.ready || !this.view.state.unit || !meta) return;
      const vintage = vintageForYear(this.year);
      for (const y of meta.years) if (vintageForYear(y) === vintage) void this.data.ensureYear(y);
    });
  }

  update(patch: Partial<ViewState>): void {
    const districtBefore = this.view.state.district;
    this.view.update(patch);
    if ('district' in patch && patch.district !== districtBefore)
      this.#refocus({ unit: this.view.state.unit, district: districtBefore }, this.view.state);
  }

  dismissNotice(): void {
    this.notice = null;
  }

  retryYear(): void {
    void this.data.retryYear(this.view.state.year);
  }

  select(code: string | null, fly = false): void {
    this.view.update({ unit: code });
    if (!fly || !code) return;
    const bbox = this.data.indexes.get(vintageForYear(this.year))?.units.find((u) => u.code === code)?.bbox;
    if (bbox) this.focus = [...bbox] as Bounds;
  }

  /**
   * Moves to another year. Across a boundary change the selected unit is carried to its successor (or
   * predecessor) through the crosswalk; what no longer applies (a district after 2025, a filter of the old
   * criteria set) is dropped; the notice says both.
   */
  setYear(next: number): void {
    const meta = this.data.meta;
    const s = $state.snapshot(this.view.state) as ViewState;
    const wanted: ViewState = { ...s, year: next };
    const dropped: Dropped[] = [];
    if (frameworkForYear(next) !== frameworkForYear(s.year)) {
      // A criterion number means another criterion in another set: keep none of the old set's choices.
      if (s.missing !== null) dropped.push({ field: 'missing', value: String(s.missing) });
      if (s.below) dropped.push({ field: 'below', value: '1' });
      Object.assign(wanted, { criterion: null, missing: null, below: false });
    }
    const carried = meta && s.unit ? carryUnit(s.unit, s.year, next, meta) : null;
    if (carried) wanted.unit = carried.code;
    const clean = meta ? sanitizeView(wanted, viewContext(meta, next)) : { state: wanted, dropped: [] };
    dropped.push(...clean.dropped);
    this.view.update(clean.state);
    const worthSaying = dropped.length > 0 || (carried !== null && !carried.unchanged);
    this.notice = worthSaying ? { year: next, dropped, carried } : null;
  }

  /** Fetches a year's rows and boundaries ahead of showing it (play-back asks for the next year). */
  prepareYear(year: number): void {
    if (!this.ready || !this.data.meta?.years.includes(year)) return;
    void this.data.ensureYear(year);
    void this.data.ensureIndex(vintageForYear(year));
  }

  /** The box of a unit of the year on screen (from its vintage's tile index), if known. */
  unitBounds(code: string | null): Bounds | null {
    if (!code) return null;
    const bbox = this.data.indexes.get(vintageForYear(this.year))?.units.find((u) => u.code === code)?.bbox;
    return bbox ? (bbox as Bounds) : null;
  }

  setVintage(id: VintageId): void {
    const years = (this.data.meta?.years ?? []).filter((y) => vintageForYear(y) === id);
    const target = years.at(-1);
    if (target !== undefined) this.setYear(target);
  }
}
