/**
 * The list's search: the units matching the box's text, best first (domain/search.ts), each with a note
 * when it was found through a name it no longer bears ("trước đây: Xã Ka Lăng"), so a reader who typed
 * "Ka Lăng" knows why "Xã Thu Lũm" is listed. A unit found by its current district needs no note: the
 * list shows its district already. Pure.
 */
import { searchMatches, type MatchReason, type Searchable } from '../domain/search';
import type { Lang } from '../i18n/define';
import { t } from '../i18n/messages';

export interface ListMatch<T> {
  unit: T;
  /** Why a unit whose name differs from the query is listed; null when its own name matched. */
  note: string | null;
}

export function matchNote(reason: MatchReason | null, lang: Lang): string | null {
  if (!reason || reason.kind === 'district') return null;
  return t(lang, reason.kind === 'former-unit' ? 'list.formerUnit' : 'list.formerDistrict', {
    name: reason.name,
  });
}

/** Every unit in its order for an empty query; else the matches, best first, with their notes. */
export function searchList<T extends Searchable>(
  units: readonly T[],
  query: string,
  lang: Lang,
): ListMatch<T>[] {
  if (!query.trim()) return units.map((unit) => ({ unit, note: null }));
  return searchMatches(units, query, units.length).map((m) => ({
    unit: m.unit,
    note: matchNote(m.reason, lang),
  }));
}
