/**
 * Diacritic- and case-insensitive search over unit names, for the search box. A unit is also found by its
 * district ("tan uyen" lists the communes of Huyện Tân Uyên) and by the names it had before a boundary
 * change (a 2020 commune's name finds the 2025 commune it merged into), ranked after direct name matches.
 *
 * Users type Vietnamese without tone marks on phones ("muong te"), or with the administrative prefix
 * ("xa ban bo"), or a GSO code ("03433"). Names in the data carry the prefix ("Xã Bản Bo",
 * "Thị trấn Mường Tè"), so a name is matched both with and without it.
 */
import { predecessors } from './history';
import type { CrosswalkRow, Unit, VintageId } from './types';

/**
 * Fold a string for comparison: NFC then NFD, drop combining marks, đ/Đ → d, lower-case, collapse
 * whitespace. "Thị trấn  Mường Tè" → "thi tran muong te". Idempotent.
 */
export function foldForSearch(s: string): string {
  return (
    s
      .normalize('NFC')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // Đ/đ are not decomposable; U+00D0/U+00F0 (Icelandic eth) are common look-alike typos for them.
      .replace(/[đĐÐð]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Folded administrative prefixes that users may or may not type. Longest first. */
const KIND_PREFIXES = ['thi tran ', 'thanh pho ', 'phuong ', 'huyen ', 'xa ', 'tp '];

/** Search key: folded, punctuation treated as space ("Mường-Tè" ≈ "muong te"). */
function searchKey(s: string): string {
  return foldForSearch(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function stripPrefix(key: string): string {
  for (const p of KIND_PREFIXES) if (key.startsWith(p) && key.length > p.length) return key.slice(p.length);
  return key;
}

/** Match ranks, best first. */
export const SEARCH_RANK = { exact: 0, prefix: 1, wordPrefix: 2, substring: 3, related: 4 } as const;
export type SearchRank = (typeof SEARCH_RANK)[keyof typeof SEARCH_RANK];

/** A name a unit is known by besides its own: a unit it was formed from, or that unit's district. */
export interface FormerName {
  name: string;
  kind: 'unit' | 'district';
}

export interface Searchable {
  name: string;
  full_name?: string | null;
  code: string;
  /** The unit's district ("Huyện Tân Uyên"), where the vintage has districts. */
  district_name?: string | null;
  /** Names and districts of the units it was formed from (see formerNames). */
  former_names?: readonly FormerName[];
}

/**
 * Why a unit matched when its own name did not: its district, or a former name (of a unit it was formed
 * from, or of that unit's district). The list says so, or a reader sees a name that is not what they typed.
 */
export type MatchReason =
  | { kind: 'district'; name: string }
  | { kind: 'former-unit'; name: string }
  | { kind: 'former-district'; name: string };

export interface SearchMatch<T> {
  unit: T;
  rank: SearchRank;
  /** Null when the unit's own name (or code) matched. */
  reason: MatchReason | null;
}

/** Best rank of `query` (already a search key) against one candidate key, or null. */
function rankKey(candidate: string, query: string): SearchRank | null {
  if (candidate === query) return SEARCH_RANK.exact;
  if (candidate.startsWith(query)) return SEARCH_RANK.prefix;
  // Every query word starts some word of the name, in any order ("te muong" still finds Mường Tè).
  const words = candidate.split(' ');
  const qWords = query.split(' ');
  if (qWords.every((q) => words.some((w) => w.startsWith(q)))) return SEARCH_RANK.wordPrefix;
  if (candidate.includes(query)) return SEARCH_RANK.substring;
  return null;
}

/**
 * Rank of a unit for a query, or null when it does not match. Exposed for tests and for UIs that
 * want to highlight exact matches.
 */
export function matchRank(unit: Searchable, query: string): SearchRank | null {
  return matchOf(unit, searchKey(query))?.rank ?? null;
}

/** The rank of a unit for the query key `q` and, for a match through another name, which one. */
function matchOf(unit: Searchable, q: string): { rank: SearchRank; reason: MatchReason | null } | null {
  if (q === '') return null;
  if (/^\d+$/.test(q)) {
    // A code: exact, or a prefix of the 5-digit code ("0343" lists 03430…03439).
    if (unit.code === q) return { rank: SEARCH_RANK.exact, reason: null };
    if (unit.code.startsWith(q)) return { rank: SEARCH_RANK.prefix, reason: null };
  }
  const direct = bestRank([unit.name, unit.full_name ?? ''], q);
  if (direct !== null) return { rank: direct, reason: null };
  // District and former names only list the unit after every direct match, and never by a substring
  // ("an" would otherwise find half the province through its districts). The best of them is the reason;
  // on a tie its current district first, then a former unit, then a former district.
  const related: MatchReason[] = [
    ...(unit.district_name ? [{ kind: 'district' as const, name: unit.district_name }] : []),
    ...(unit.former_names ?? [])
      .filter((f) => f.kind === 'unit')
      .map((f) => ({ kind: 'former-unit' as const, name: f.name })),
    ...(unit.former_names ?? [])
      .filter((f) => f.kind === 'district')
      .map((f) => ({ kind: 'former-district' as const, name: f.name })),
  ];
  let best: { rank: SearchRank; reason: MatchReason } | null = null;
  for (const reason of related) {
    const rank = bestRank([reason.name], q);
    if (rank !== null && rank <= SEARCH_RANK.wordPrefix && (best === null || rank < best.rank))
      best = { rank, reason };
  }
  return best ? { rank: SEARCH_RANK.related, reason: best.reason } : null;
}

/** Best rank of the query key `q` against any of `texts`, with or without their prefixes. */
function bestRank(texts: readonly string[], q: string): SearchRank | null {
  const qBare = stripPrefix(q);
  let best: SearchRank | null = null;
  for (const text of texts) {
    if (text === '') continue;
    const key = searchKey(text);
    const bare = stripPrefix(key);
    // A typed prefix that differs from the unit's ("thi tran muong te" for "Xã Mường Tè") still
    // matches on the proper name, but never better than a word prefix.
    const crossPrefix = rankKey(bare, qBare);
    const ranks = [
      rankKey(key, q),
      rankKey(bare, q),
      crossPrefix === null ? null : (Math.max(crossPrefix, SEARCH_RANK.wordPrefix) as SearchRank),
    ];
    for (const r of ranks) {
      if (r !== null && (best === null || r < best)) best = r;
    }
  }
  return best;
}

/**
 * For each unit of `vintage`, the names of the earlier units it was formed from (through every boundary
 * change) and their districts, without repeats and without the unit's own name. Units with none are left out.
 */
export function formerNames(
  units: readonly Unit[],
  crosswalk: readonly CrosswalkRow[],
  vintage: VintageId,
): Map<string, FormerName[]> {
  const byRef = new Map(units.map((u) => [`${u.vintage}:${u.code}`, u]));
  const out = new Map<string, FormerName[]>();
  for (const u of units) {
    if (u.vintage !== vintage) continue;
    const names = new Map<string, FormerName>();
    const add = (name: string, kind: FormerName['kind']) => {
      if (name !== u.name && !names.has(`${kind}:${name}`)) names.set(`${kind}:${name}`, { name, kind });
    };
    for (const ref of predecessors(u.code, vintage, crosswalk)) {
      const before = byRef.get(`${ref.vintage}:${ref.code}`);
      if (!before) continue;
      add(before.name, 'unit');
      if (before.district_name) add(before.district_name, 'district');
    }
    if (names.size > 0) out.set(u.code, [...names.values()]);
  }
  return out;
}

// Created on the first search, not at start-up: a collator loads ICU data (~50 ms on a phone's main thread).
let viCollator: Intl.Collator | undefined;
const collator = {
  compare: (a: string, b: string) => (viCollator ??= new Intl.Collator('vi')).compare(a, b),
};

/**
 * Units matching `query`, best first: exact name (or code) > name prefix > word prefix > substring;
 * ties ordered by name with Vietnamese collation, then code. Empty query → [] (the UI shows nothing).
 * The prefix is optional on both sides: "ban bo", "xa ban bo" and "Xã Bản Bo" find the same unit.
 */
export function searchUnits<T extends Searchable>(units: readonly T[], query: string, limit = 10): T[] {
  return searchMatches(units, query, limit).map((h) => h.unit);
}

/** As searchUnits, with each unit's rank and the reason it matched (null: by its own name or code). */
export function searchMatches<T extends Searchable>(
  units: readonly T[],
  query: string,
  limit = 10,
): SearchMatch<T>[] {
  const q = searchKey(query);
  const hits: SearchMatch<T>[] = [];
  for (const unit of units) {
    const match = matchOf(unit, q);
    if (match) hits.push({ unit, ...match });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      collator.compare(stripPrefixForSort(a.unit.name), stripPrefixForSort(b.unit.name)) ||
      collator.compare(a.unit.name, b.unit.name) ||
      (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0),
  );
  return hits.slice(0, Math.max(0, limit));
}

/** Sort by the proper name ("Bản Bo"), not by the prefix, so Phường and Xã interleave alphabetically. */
function stripPrefixForSort(name: string): string {
  const m = /^(Thị trấn|Thành phố|Phường|Huyện|Xã)\s+(.+)$/u.exec(name.normalize('NFC'));
  return m?.[2] ?? name;
}
