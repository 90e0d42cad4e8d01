/* eslint-disable svelte/prefer-svelte-reactivity -- the state Maps are replaced whole inside $state.raw, never mutated in place; the in-flight Maps are not state */
// Loads what the page shows: the data (snapshot or Supabase, behind one interface), the per-vintage tile
// indexes, and the attribution. Holds it as raw state: rows are replaced, never mutated. The snapshot and
// the tile indexes are parsed in the data worker (data/worker-source.ts); the data's one cache is below,
// in the source (data/snapshot-source.ts): what is held here is what the screen shows.
//
// Every year and every tile index has a load state the screen can show: 'loading', 'ready', or 'error'
// with the reason. No load is left unwatched: a failure always ends in an 'error' state (never in an
// unhandled rejection), which stays until retryYear / retryIndex asks again.
import type { UnitYear, VintageId } from '../domain/types';
import type { DataSource, Meta, Problem, Summaries } from '../data/source';
import { createResilientSource, createSources, type FallbackNotice } from '../data/choose-source';
import { dataWorkerClient } from '../data/worker-source';
import { loadTileIndex, type TileIndex } from '../data/tile-index';
import { DataError } from '../data/data-error';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';

export interface Attribution {
  vi: string[];
  en: string[];
  html?: string;
}

export type LoadState =
  | { state: 'loading' }
  | { state: 'ready' }
  /**
   * `message` is the underlying error's text (the UI words the sentence around it); `message_vi` and
   * `message_en` give it in each language when the error has both (a DataError), else repeat it.
   */
  | { state: 'error'; message: string; message_vi: string; message_en: string };

export interface AppDataOptions {
  /** The data source. Default: Supabase when configured (config.json), falling back to the snapshot. */
  source?: DataSource;
  /** How a vintage's tile index is loaded. Default: fetched and validated in the data worker. */
  loadIndex?: (vintage: VintageId) => Promise<TileIndex>;
}

function errorState(e: unknown): LoadState {
  if (e instanceof DataError)
    return { state: 'error', message: e.message, message_vi: e.message_vi, message_en: e.message_en };
  const message = e instanceof Error ? e.message : String(e);
  return { state: 'error', message, message_vi: message, message_en: message };
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  return new Map(map).set(key, value);
}

export class AppData {
  meta = $state.raw<Meta | null>(null);
  summaries = $state.raw<Summaries | null>(null);
  /** Rows of every year loaded so far; a year being loaded again keeps its rows until the new ones come. */
  rowsByYear = $state.raw<ReadonlyMap<number, UnitYear[]>>(new Map());
  yearLoads = $state.raw<ReadonlyMap<number, LoadState>>(new Map());
  indexes = $state.raw<ReadonlyMap<VintageId, TileIndex>>(new Map());
  indexLoads = $state.raw<ReadonlyMap<VintageId, LoadState>>(new Map());
  attribution = $state.raw<Record<string, Attribution>>({});
  problems = $state.raw<Problem[]>([]);
  notice = $state.raw<FallbackNotice | null>(null);
  sourceKind = $state<'snapshot' | 'supabase'>('snapshot');
  /** Why the page could not start (meta or summaries failed); set by the app shell. */
  error = $state<string | null>(null);
  /** Supabase project and basemap: build-time values, overridable by config.json at run time. */
  config = $state.raw<RuntimeConfig | null>(null);
  #source: DataSource | null = null;
  readonly #given: AppDataOptions;
  /** Loads under way, so that a second request for the same year or vintage joins the first. */
  readonly #yearsInFlight = new Map<number, Promise<void>>();
  readonly #indexesInFlight = new Map<VintageId, Promise<void>>();

  constructor(
    private readonly base: string,
    options: AppDataOptions = {},
  ) {
    this.#given = options;
  }

  async init(): Promise<void> {
    const source = this.#given.source ?? (await this.#connect());
    this.#source = source;
    void this.loadAttribution();
    const [meta, summaries] = await Promise.all([source.loadMeta(), source.loadSummaries()]);
    this.sourceKind = source.kind;
    this.meta = meta.data;
    this.summaries = summaries.data;
    this.problems = [...meta.problems, ...summaries.problems];
  }

  /** Supabase when configured; the embedded snapshot when it is absent, slow, failing or garbled. */
  async #connect(): Promise<DataSource> {
    // The data worker (zod validation of the snapshot and tile indexes, off the main thread) downloads
    // and starts while the runtime config loads, from a task of its own: making a worker costs a phone
    // tens of milliseconds, which would otherwise lengthen the app's first render.
    setTimeout(() => dataWorkerClient().start(), 0);
    const config = await loadRuntimeConfig({ base: this.base });
    for (const warning of config.warnings) console.warn(warning);
    this.config = config;
    const { primary, fallback } = createSources({
      baseUrl: this.base,
      supabaseUrl: config.supabaseUrl,
      supabaseAnonKey: config.supabaseAnonKey,
    });
    return createResilientSource(primary, fallback, { onNotice: (n) => (this.notice = n) });
  }

  /**
   * Loads a year's rows unless they are here or on their way. Never rejects. A year whose load failed
   * stays in its 'error' state (so that a screen watching the states cannot loop on a failing load)
   * until retryYear. Before init there is no source: nothing is loaded.
   */
  ensureYear(year: number): Promise<void> {
    if (this.yearLoads.get(year)?.state === 'error' || this.rowsByYear.has(year)) return Promise.resolve();
    return this.#loadYear(year);
  }

  /** Drops a year's error state and loads it again. */
  retryYear(year: number): Promise<void> {
    if (this.yearLoads.get(year)?.state !== 'error') return this.ensureYear(year);
    return this.#loadYear(year);
  }

  /** Loads a year's rows again (after an editor changed them), keeping the old ones on screen meanwhile. */
  async reloadYear(year: number): Promise<void> {
    // A load begun before the change may not see it: load again once it is over.
    await this.#yearsInFlight.get(year);
    await this.#loadYear(year);
  }

  #loadYear(year: number): Promise<void> {
    const source = this.#source;
    if (!source) return Promise.resolve();
    return this.#track(
      this.#yearsInFlight,
      year,
      (state) => (this.yearLoads = withEntry(this.yearLoads, year, state)),
      async () => {
        const loaded = await source.loadYear(year);
        this.rowsByYear = withEntry(this.rowsByYear, year, loaded.data);
        if (loaded.problems.length > 0) this.problems = [...this.problems, ...loaded.problems];
        this.sourceKind = source.kind;
      },
    );
  }

  /**
   * A vintage's tile index, loaded unless here or on its way; null when it failed (its 'error' state
   * says why; the map shows its own message, list and table work from the data). Never rejects.
   */
  async ensureIndex(vintage: VintageId): Promise<TileIndex | null> {
    if (!this.indexes.has(vintage) && this.indexLoads.get(vintage)?.state !== 'error')
      await this.#loadIndex(vintage);
    return this.indexes.get(vintage) ?? null;
  }

  /** Drops a vintage's error state and loads its index again. */
  async retryIndex(vintage: VintageId): Promise<TileIndex | null> {
    if (this.indexLoads.get(vintage)?.state === 'error') await this.#loadIndex(vintage);
    return this.ensureIndex(vintage);
  }

  #loadIndex(vintage: VintageId): Promise<void> {
    const load = this.#given.loadIndex ?? ((v: VintageId) => loadTileIndex(this.base, v));
    return this.#track(
      this.#indexesInFlight,
      vintage,
      (state) => (this.indexLoads = withEntry(this.indexLoads, vintage, state)),
      async () => {
        this.indexes = withEntry(this.indexes, vintage, await load(vintage));
      },
    );
  }

  /**
   * Runs `load` for `key` unless a load of it is under way (then joins it), recording 'loading' and then
   * 'ready' or 'error'. The returned promise never rejects.
   */
  #track<K>(
    inFlight: Map<K, Promise<void>>,
    key: K,
    record: (state: LoadState) => void,
    load: () => Promise<void>,
  ): Promise<void> {
    const running = inFlight.get(key);
    if (running) return running;
    record({ state: 'loading' });
    const done = Promise.resolve()
      .then(load)
      .then((): LoadState => ({ state: 'ready' }), errorState)
      .then((state) => {
        record(state);
        inFlight.delete(key);
      });
    inFlight.set(key, done);
    return done;
  }

  private async loadAttribution(): Promise<void> {
    try {
      const response = await fetch(`${this.base}tiles/attribution.json`);
      if (response.ok) this.attribution = (await response.json()) as Record<string, Attribution>;
    } catch {
      // Attribution also lives in the README and the map's source files; the map still draws.
    }
  }
}
