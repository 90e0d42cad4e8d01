/**
 * Promise memos for the data's one cache (see snapshot-source.ts): concurrent and later calls share one
 * load; a load that fails is forgotten, so the next call tries again.
 */

/** `load` run once per key; each promise kept unless it rejects. */
export function memoByKey<K, T>(load: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const kept = new Map<K, Promise<T>>();
  return (key) => {
    const have = kept.get(key);
    if (have) return have;
    const p = load(key);
    kept.set(key, p);
    p.catch(() => {
      if (kept.get(key) === p) kept.delete(key);
    });
    return p;
  };
}

/** `load` run once; its promise kept unless it rejects. */
export function memo<T>(load: () => Promise<T>): () => Promise<T> {
  const once = memoByKey<null, T>(() => load());
  return () => once(null);
}
