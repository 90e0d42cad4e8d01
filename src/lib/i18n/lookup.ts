import type { Translator } from './define';

/**
 * The key itself when a section has it, else null: for keys built from data (a unit stored as "xã", a
 * group number), which must fall back to something sensible instead of printing the raw key.
 */
export function keyIn<K extends string>(t: Translator<K>, key: string): K | null {
  return Object.hasOwn(t.section.vi, key) ? (key as K) : null;
}
