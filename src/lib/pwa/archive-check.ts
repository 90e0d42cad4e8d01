/**
 * Is a stored boundary archive whole? A server that gzips Range answers (as `vite preview` did) or a
 * broken download can leave a cut-short archive in the service worker's cache, which it would then serve
 * on every visit: the map fails with "Không tải được lớp ranh giới". The worker checks each archive it
 * stores or serves against its true length: the total of a Content-Range the network sent, and the end
 * of the last section the PMTiles v3 header points to.
 * Pure (ArrayBuffer and strings only), shared by the service worker and its unit tests.
 */

/** Bytes of a PMTiles v3 header; the section offsets and lengths in it are little-endian uint64. */
export const PMTILES_HEADER_BYTES = 127;
/** Offset of each section's (offset, length) pair: root directory, metadata, leaf directories, tile data. */
const SECTIONS = [8, 24, 40, 56] as const;

/**
 * The length a PMTiles v3 archive must have at least: the end of its last section, read from the header.
 * null when the bytes do not start with a PMTiles v3 header (e.g. an HTML page served in its place).
 */
export function pmtilesLength(bytes: ArrayBuffer): number | null {
  if (bytes.byteLength < PMTILES_HEADER_BYTES) return null;
  const view = new DataView(bytes, 0, PMTILES_HEADER_BYTES);
  const magic = String.fromCharCode(...new Uint8Array(bytes, 0, 7));
  if (magic !== 'PMTiles' || view.getUint8(7) !== 3) return null;
  let end = PMTILES_HEADER_BYTES;
  for (const at of SECTIONS) {
    const offset = view.getBigUint64(at, true);
    const length = view.getBigUint64(at + 8, true);
    end = Math.max(end, Number(offset + length));
  }
  return end;
}

/** The complete length in a `Content-Range: bytes a-b/total` header, or null when absent or unknown ("*"). */
export function contentRangeTotal(header: string | null): number | null {
  const m = /^\s*bytes\s+(?:\d+-\d+|\*)\s*\/\s*(\d+)\s*$/i.exec(header ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Why `bytes` is not a whole archive, or null when it is. `trueLength` is the archive's length as the
 * network announced it (a Content-Range total), when the worker has seen one.
 */
export function archiveProblem(bytes: ArrayBuffer, trueLength: number | null = null): string | null {
  const size = bytes.byteLength;
  if (trueLength !== null && size !== trueLength)
    return `${size} bytes, the server's archive has ${trueLength}`;
  const needed = pmtilesLength(bytes);
  if (needed === null) return `${size} bytes that do not start with a PMTiles v3 header`;
  if (size < needed) return `${size} bytes, its header needs ${needed}`;
  return null;
}
