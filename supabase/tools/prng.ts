/**
 * Seeded, keyed pseudo-random numbers: `rnd('rate:03433')` always returns the same value for the same
 * seed and key, whatever order the generator asks in (no shared stream, no Date.now, no Math.random).
 */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One step of mulberry32 from a 32-bit state: a uniform float in [0, 1). */
function mulberry32(state: number): number {
  let t = (state + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export type KeyedRandom = (key: string) => number;

export function keyedRandom(seed: string): KeyedRandom {
  return (key) => mulberry32(fnv1a(`${seed}|${key}`));
}

/** The `k` items with the smallest keyed random draw: a deterministic sample without replacement. */
export function pick<T>(items: readonly T[], k: number, rnd: KeyedRandom, key: (item: T) => string): T[] {
  return [...items]
    .map((item) => ({ item, r: rnd(key(item)), k: key(item) }))
    .sort((a, b) => a.r - b.r || (a.k < b.k ? -1 : 1))
    .slice(0, k)
    .map((x) => x.item);
}
