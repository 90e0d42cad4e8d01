/**
 * A pmtiles byte source that asks for one range at a time. The prefetch (prefetch.ts) reads an archive's
 * header, directories and first tiles into the HTTP cache; a browser keeps the Range answers of one file in
 * a single sparse cache entry, and Chromium lets only one request write to it at a time: when two ranges of
 * the same archive miss the cache together, the second is answered past the cache and the whole entry is
 * doomed, so the map, at the tap, found no archive cached and fetched it again (seen in a net-log of
 * scripts/bench/tap-to-idle.ts). Asked one after the other, every range lands in the entry. The map's own
 * reader stays parallel: while a person pans, waiting on one tile at a time would cost more than a cache.
 */
import type { RangeResponse, Source } from 'pmtiles';

export function serialSource(inner: Source): Source {
  let last: Promise<unknown> = Promise.resolve();
  return {
    getKey: () => inner.getKey(),
    getBytes(offset, length, signal, etag): Promise<RangeResponse> {
      const turn = last.then(() => inner.getBytes(offset, length, signal, etag));
      last = turn.catch(() => undefined); // a failed range does not hold up the next
      return turn;
    },
  };
}
