/**
 * HTTP Range answers from a cached full response. PMTiles reads archives with Range requests, and the
 * Cache API cannot store 206 responses: the service worker keeps the whole archive and slices it.
 * Pure (Request/Response only), shared by the service worker and its unit tests.
 */

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

/**
 * Parses a single-range `Range` header against a body of `size` bytes (RFC 9110 §14.1.2):
 * "bytes=a-b", "bytes=a-" and suffix "bytes=-n". Returns null when the header is absent, malformed or
 * asks for several ranges (then the whole body is the right answer), 'unsatisfiable' for a range past
 * the end (416).
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    const n = Number(b);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (b !== '' && Number(b) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Headers worth copying from the cached response onto a slice (ETag keeps pmtiles' consistency check). */
const KEPT = ['content-type', 'etag', 'last-modified', 'cache-control'];

/**
 * The headers of `source` worth keeping with a stored body: never Content-Encoding or Content-Length,
 * which describe the bytes on the wire (a gzipped answer), not the decoded body the worker holds.
 */
export function keptHeaders(source: Headers): Headers {
  const headers = new Headers();
  for (const name of KEPT) {
    const v = source.get(name);
    if (v !== null) headers.set(name, v);
  }
  return headers;
}

/** A 206 slice of `body` for `rangeHeader`, a 416, or the whole body when there is no usable range. */
export function sliceRange(body: ArrayBuffer, source: Headers, rangeHeader: string | null): Response {
  const headers = keptHeaders(source);
  headers.set('accept-ranges', 'bytes');
  const range = parseRange(rangeHeader, body.byteLength);
  if (range === null) {
    headers.set('content-length', String(body.byteLength));
    return new Response(body, { status: 200, headers });
  }
  if (range === 'unsatisfiable') {
    headers.set('content-range', `bytes */${body.byteLength}`);
    return new Response(null, { status: 416, headers });
  }
  const slice = body.slice(range.start, range.end + 1);
  headers.set('content-range', `bytes ${range.start}-${range.end}/${body.byteLength}`);
  headers.set('content-length', String(slice.byteLength));
  return new Response(slice, { status: 206, headers });
}

/** sliceRange of a cached full response. */
export async function answerRange(full: Response, rangeHeader: string | null): Promise<Response> {
  return sliceRange(await full.arrayBuffer(), full.headers, rangeHeader);
}
