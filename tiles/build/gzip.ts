import { gzipSync } from 'node:zlib';

/**
 * Deterministic gzip: Node writes a zero mtime and no file name, so with a fixed level the same bytes in
 * give the same bytes out (for a given zlib version, i.e. Node release).
 */
export const GZIP_LEVEL = 9;

export function gzip(data: Uint8Array): Uint8Array {
  const out = gzipSync(data, { level: GZIP_LEVEL, memLevel: 9, strategy: 0 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
