/**
 * Sources whose code (and zod, through their parsers) is imported on first use, and the labels the page
 * shows for them before that code is loaded. Zod-free: part of the page's entry chunk.
 */
import type { DataSource } from './source';
import { hostOf } from './http';
import { memo } from './memo';

export const SNAPSHOT_LABEL = 'Bản chụp dữ liệu tĩnh (snapshot)';

export function supabaseLabel(url: string): string {
  return `Supabase (${hostOf(url)})`;
}

/** A DataSource whose loads wait for `create` (called on the first load, again if that failed: offline). */
export function lazySource(
  kind: DataSource['kind'],
  label: string,
  create: () => Promise<DataSource>,
): DataSource {
  const get = memo(create);
  return {
    kind,
    label,
    loadMeta: async () => (await get()).loadMeta(),
    loadSummaries: async () => (await get()).loadSummaries(),
    loadYear: async (year) => (await get()).loadYear(year),
  };
}
