// The app's one reactive object: the loaded data (AppData), the view state mirrored in the URL (ViewStore)
// and the year on screen, turned into the view model (view/screen.ts) that every component renders. The
// rules live in view/ and domain/; this file only wires runes to them and holds the user's actions.
import { defaultYear, frameworkForYear, vintageForYear } from '../domain/periods';
import type { VintageId } from '../domain/types';
import type { ViewState } from '../domain/url-state';
import { buildScreen, type Screen } from '../view/screen';
import { shownYear } from '../view/shown-year';
import { AppData } from './app-data.svelte';
import { ViewStore } from './view.svelte';

export type Bounds = [number, number, number, number];

export class AppView {
  readonly data: AppData;
  readonly view = new ViewStore();
  /** True once the data and the first year are loaded. */
  ready = $state(false);
  /** Bounding box the interactive map flies to; a new array starts a new flight. */
  focus = $state.raw<Bounds | null>(null);
  #onScreen = $state<number | null>(null);

  constructor(base: string) {
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
    this.ready = true;
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
    this.view.update(patch);
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

  setYear(next: number): void {
    const s = this.view.state;
    const patch: Partial<ViewState> = { year: next };
    if (vintageForYear(next) !== vintageForYear(s.year)) Object.assign(patch, { unit: null, district: null });
    if (frameworkForYear(next) !== frameworkForYear(s.year))
      Object.assign(patch, { criterion: null, missing: null, below: false });
    this.view.update(patch);
  }

  setVintage(id: VintageId): void {
    const years = (this.data.meta?.years ?? []).filter((y) => vintageForYear(y) === id);
    const target = years.at(-1);
    if (target !== undefined) this.setYear(target);
  }
}
