/**
 * A unit's history across boundary vintages, by following the crosswalk.
 *
 * Units are keyed by (vintage, code): GSO codes were reused for different units in 2025 (e.g. 03433 was
 * Thị trấn Mường Tè until June 2025 and is Xã Bum Tở from July 2025), so a code alone never identifies a
 * unit across vintages. The crosswalk links each unit to the unit it became in the next vintage:
 * 2016→2020 (Nậm Loỏng 03403 + Sùng Phài 03397 → 03403 Sùng Phài; Ma Li Chải 03556 → 03550; the others
 * to themselves) and 2020→2025 (NQ 1670 mergers).
 */
import type { CrosswalkRow, UnitYear, VintageId } from './types';

export interface UnitRef {
  vintage: VintageId;
  code: string;
}

const refKey = (vintage: string, code: string): string => `${vintage}:${code}`;

function byVintageThenCode(a: UnitRef, b: UnitRef): number {
  return a.vintage.localeCompare(b.vintage) || a.code.localeCompare(b.code);
}

interface CrosswalkLinks {
  /** (to_vintage, to_code) → the units it was formed from, sorted. */
  from: Map<string, UnitRef[]>;
  /** (from_vintage, from_code) → the units it went into, sorted. */
  into: Map<string, UnitRef[]>;
}

// The crosswalk is never mutated (a new load replaces it whole), so its links are indexed once per array:
// with every commune of the country (thousands of rows) a scan per unit would be quadratic.
const linksByCrosswalk = new WeakMap<readonly CrosswalkRow[], CrosswalkLinks>();

function linksOf(crosswalk: readonly CrosswalkRow[]): CrosswalkLinks {
  let links = linksByCrosswalk.get(crosswalk);
  if (links) return links;
  links = { from: new Map(), into: new Map() };
  const add = (map: Map<string, UnitRef[]>, key: string, ref: UnitRef) => {
    const list = map.get(key);
    if (list) list.push(ref);
    else map.set(key, [ref]);
  };
  for (const r of crosswalk) {
    add(links.from, refKey(r.to_vintage, r.to_code), { vintage: r.from_vintage, code: r.from_code });
    add(links.into, refKey(r.from_vintage, r.from_code), { vintage: r.to_vintage, code: r.to_code });
  }
  for (const list of [...links.from.values(), ...links.into.values()]) list.sort(byVintageThenCode);
  linksByCrosswalk.set(crosswalk, links);
  return links;
}

/** Units of the previous vintage that became (vintage, code); [] for the first vintage. */
export function formedFrom(code: string, vintage: VintageId, crosswalk: readonly CrosswalkRow[]): UnitRef[] {
  return [...(linksOf(crosswalk).from.get(refKey(vintage, code)) ?? [])];
}

/** Units of the next vintage that (vintage, code) became part of (one, for every merger so far). */
export function mergedInto(code: string, vintage: VintageId, crosswalk: readonly CrosswalkRow[]): UnitRef[] {
  return [...(linksOf(crosswalk).into.get(refKey(vintage, code)) ?? [])];
}

/**
 * True when the link is just the same unit carried over (one unit, same code), e.g. Xã Mù Cả in 2020
 * and 2025: the UI then need not say "formed from" / "merged into".
 */
export function isCarriedOver(links: readonly UnitRef[], code: string): boolean {
  return links.length === 1 && links[0]!.code === code;
}

function closure(
  start: UnitRef,
  step: (code: string, vintage: VintageId, cw: readonly CrosswalkRow[]) => UnitRef[],
  crosswalk: readonly CrosswalkRow[],
): UnitRef[] {
  const seen = new Set<string>([refKey(start.vintage, start.code)]);
  const out: UnitRef[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    for (const next of step(cur.code, cur.vintage, crosswalk)) {
      const k = refKey(next.vintage, next.code);
      if (seen.has(k)) continue; // also guards against a cyclic (bad) crosswalk
      seen.add(k);
      out.push(next);
      queue.push(next);
    }
  }
  return out.sort(byVintageThenCode);
}

/** Every earlier unit that went into (vintage, code), through all vintages. */
export function predecessors(
  code: string,
  vintage: VintageId,
  crosswalk: readonly CrosswalkRow[],
): UnitRef[] {
  return closure({ vintage, code }, formedFrom, crosswalk);
}

/** Every later unit that (vintage, code) went into, through all vintages. */
export function successors(code: string, vintage: VintageId, crosswalk: readonly CrosswalkRow[]): UnitRef[] {
  return closure({ vintage, code }, mergedInto, crosswalk);
}

export type HistoryRelation = 'self' | 'predecessor' | 'successor';

export interface HistoryEntry {
  year: number;
  /** 'self': the unit itself; 'predecessor': a unit it was formed from; 'successor': the unit it merged into. */
  relation: HistoryRelation;
  row: UnitYear;
}

export type RowsByYear =
  ReadonlyMap<number, readonly UnitYear[]> | Readonly<Record<number, readonly UnitYear[]>>;

function yearsOf(rows: RowsByYear): [number, readonly UnitYear[]][] {
  const entries: [number, readonly UnitYear[]][] =
    rows instanceof Map
      ? [...rows.entries()]
      : Object.entries(rows as Record<string, readonly UnitYear[]>).map(([y, r]) => [Number(y), r]);
  return entries.sort((a, b) => a[0] - b[0]);
}

const RELATION_ORDER: Record<HistoryRelation, number> = { predecessor: 0, self: 1, successor: 2 };

/**
 * The unit's rows across all loaded years: its own rows, the rows of the units it was formed from (in
 * earlier vintages) and of the unit it merged into (in later vintages). A 2025 unit lists the 2020 units
 * it was formed from (and their 2016 predecessors); a 2020 unit lists the 2025 unit it merged into.
 * Rows are matched on (row.vintage, row.code), never on the code alone. Sorted by year, then
 * predecessor / self / successor, then code.
 */
export function unitHistory(
  code: string,
  vintage: VintageId,
  allRowsByYear: RowsByYear,
  crosswalk: readonly CrosswalkRow[],
): HistoryEntry[] {
  const relation = new Map<string, HistoryRelation>([[refKey(vintage, code), 'self']]);
  for (const r of predecessors(code, vintage, crosswalk))
    relation.set(refKey(r.vintage, r.code), 'predecessor');
  for (const r of successors(code, vintage, crosswalk)) relation.set(refKey(r.vintage, r.code), 'successor');

  const out: HistoryEntry[] = [];
  for (const [year, rows] of yearsOf(allRowsByYear)) {
    for (const row of rows) {
      const rel = relation.get(refKey(row.vintage, row.code));
      if (rel) out.push({ year, relation: rel, row });
    }
  }
  return out.sort(
    (a, b) =>
      a.year - b.year ||
      RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
      a.row.code.localeCompare(b.row.code),
  );
}
