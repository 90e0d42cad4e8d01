/**
 * The selected unit across a boundary change. Moving the year from 2025 (106 units) to 2026 (38 units), or
 * 2019 → 2020, must not silently drop the unit the user was looking at: it is carried to the unit it
 * merged into, or backwards to a unit it was formed from, through the crosswalk. Pure.
 */
import { predecessors, successors } from '../domain/history';
import { vintageForYear } from '../domain/periods';
import type { CrosswalkRow, Unit } from '../domain/types';

export interface CarriedUnit {
  code: string;
  fromName: string;
  toName: string;
  fromYear: number;
  toYear: number;
  /** How many units of the target vintage were candidates (several when going back before a merger). */
  among: number;
  /** Same code and same name: nothing worth telling the user. */
  unchanged: boolean;
}

/**
 * The unit of `toYear`'s vintage that `code` (of `fromYear`'s vintage) became or came from; null when
 * the years share a vintage or the crosswalk has no link. Backwards, with several candidates, the one
 * with the same code wins (the merger kept its name and code), else the first by code.
 */
export function carryUnit(
  code: string,
  fromYear: number,
  toYear: number,
  meta: { units: readonly Unit[]; crosswalk: readonly CrosswalkRow[] },
): CarriedUnit | null {
  const from = vintageForYear(fromYear);
  const to = vintageForYear(toYear);
  if (from === to) return null;
  const walk = to > from ? successors : predecessors;
  const candidates = walk(code, from, meta.crosswalk).filter((r) => r.vintage === to);
  const pick = candidates.find((r) => r.code === code) ?? candidates[0];
  if (!pick) return null;
  const nameOf = (vintage: string, c: string) =>
    meta.units.find((u) => u.vintage === vintage && u.code === c)?.name ?? c;
  const fromName = nameOf(from, code);
  const toName = nameOf(to, pick.code);
  return {
    code: pick.code,
    fromName,
    toName,
    fromYear,
    toYear,
    among: candidates.length,
    unchanged: pick.code === code && toName === fromName,
  };
}
