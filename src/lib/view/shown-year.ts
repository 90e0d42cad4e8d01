// Which year the screen shows while another is being loaded. A change of year keeps the previous year on
// every part of the screen (map colours, legend, cards, list) until the new year's rows and boundary index
// have arrived, and then switches all of them at once: the map never flashes "no data" in between, and no
// two parts show different years.

import type { Lang } from '../i18n/define';

export type LoadState =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'error'; message: string; message_vi?: string; message_en?: string };

export interface YearAvailability {
  /** True when the year's rows are loaded. */
  hasRows: (year: number) => boolean;
  /** True when the year's boundary index has loaded or failed for good (the list works without it). */
  indexSettled: (year: number) => boolean;
}

/** The year to show: the requested one once it can be shown whole, else the one already on screen. */
export function shownYear(requested: number, onScreen: number | null, available: YearAvailability): number {
  if (available.hasRows(requested) && available.indexSettled(requested)) return requested;
  if (onScreen !== null && available.hasRows(onScreen)) return onScreen;
  return requested;
}

export interface YearLoadView {
  /** The requested year is not on screen yet. */
  loading: boolean;
  /** The requested year failed to load: the message, with a retry offered. */
  error: string | null;
}

export function yearLoadView(
  requested: number,
  shown: number,
  load: LoadState | undefined,
  lang: Lang = 'vi',
): YearLoadView {
  if (load?.state === 'error') {
    // The message goes inside a sentence ("… (máy chủ trả lỗi 500). …"): no full stop of its own.
    const message = (load[`message_${lang}`] ?? load.message).replace(/\.\s*$/, '');
    return { loading: false, error: message };
  }
  return { loading: requested !== shown, error: null };
}
