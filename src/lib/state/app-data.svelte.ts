/* eslint-disable svelte/prefer-svelte-reactivity -- these Maps are replaced whole inside $state.raw, never mutated in place */
// Loads what the page shows: the data (snapshot or Supabase, behind one interface), the per-vintage tile
// indexes, and the attribution. Holds it as raw state: rows are replaced, never mutated. The snapshot and
// the tile indexes are parsed in the data worker (data/worker-source.ts).
import type { UnitYear, VintageId } from '../domain/types';
import type { DataSource, Meta, Problem, Summaries } from '../data/source';
import { createResilientSource, createSources, type FallbackNotice } from '../data/choose-source';
import { dataWorkerClient } from '../data/worker-source';
import { loadTileIndex, type TileIndex } from './tile-index';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';

export interface Attribution {
  vi: string[];
  en: string[];
  html?: string;
}

export class AppData {
  meta = $state.raw<Meta | null>(null);
  summaries = $state.raw<Summaries | null>(null);
  rowsByYear = $state.raw<ReadonlyMap<number, UnitYear[]>>(new Map());
  indexes = $state.raw<ReadonlyMap<VintageId, TileIndex>>(new Map());
  attribution = $state.raw<Record<string, Attribution>>({});
  problems = $state.raw<Problem[]>([]);
  notice = $state.raw<FallbackNotice | null>(null);
  sourceKind = $state<'snapshot' | 'supabase'>('snapshot');
  error = $state<string | null>(null);
  /** Supabase project and basemap: build-time values, overridable by config.json at run time. */
  config = $state.raw<RuntimeConfig | null>(null);
  #source: DataSource | null = null;

  constructor(private readonly base: string) {}

  async init(): Promise<void> {
    // The data worker (zod validation of the snapshot and tile indexes, off the main thread) downloads
    // and starts while the runtime config loads.
    dataWorkerClient().start();
    const config = await loadRuntimeConfig({ base: this.base });
    for (const warning of config.warnings) console.warn(warning);
    this.config = config;
    const { primary, fallback } = createSources({
      baseUrl: this.base,
      supabaseUrl: config.supabaseUrl,
      supabaseAnonKey: config.supabaseAnonKey,
    });
    // Supabase when configured; the embedded snapshot when it is absent, slow, failing or garbled.
    const source = createResilientSource(primary, fallback, { onNotice: (n) => (this.notice = n) });
    this.#source = source;
    void this.loadAttribution();
    const [meta, summaries] = await Promise.all([source.loadMeta(), source.loadSummaries()]);
    this.sourceKind = source.kind;
    this.meta = meta.data;
    this.summaries = summaries.data;
    this.problems = [...meta.problems, ...summaries.problems];
  }

  /** Drops a year's rows and loads them again (after an editor changed them). */
  async reloadYear(year: number): Promise<void> {
    const next = new Map(this.rowsByYear);
    next.delete(year);
    this.rowsByYear = next;
    await this.ensureYear(year);
  }

  async ensureYear(year: number): Promise<void> {
    if (!this.#source || this.rowsByYear.has(year)) return;
    const loaded = await this.#source.loadYear(year);
    const next = new Map(this.rowsByYear);
    next.set(year, loaded.data);
    this.rowsByYear = next;
    if (loaded.problems.length > 0) this.problems = [...this.problems, ...loaded.problems];
    this.sourceKind = this.#source.kind;
  }

  async ensureIndex(vintage: VintageId): Promise<TileIndex | null> {
    const have = this.indexes.get(vintage);
    if (have) return have;
    try {
      const index = await loadTileIndex(this.base, vintage);
      const next = new Map(this.indexes);
      next.set(vintage, index);
      this.indexes = next;
      return index;
    } catch {
      return null; // The map shows its own error; list and table work from the data.
    }
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
