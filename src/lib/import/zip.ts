/**
 * Just enough of the ZIP format (an XLSX file is a zip of XML parts) to
 * - list the entries and their uncompressed sizes from the central directory, so a file that would expand
 *   to hundreds of megabytes is refused before any decompression, and
 * - set every entry's timestamp to a fixed value, so generated workbooks are byte-for-byte reproducible
 *   (the zip library stamps the current time otherwise).
 * Pure byte work on a Uint8Array: runs the same in the browser and in Node.
 */

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the central directory record. */
  centralOffset: number;
  /** Offset of the local file header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === LOCAL;
}

/** The zip's entries, or null when the bytes are not a readable (non-ZIP64) zip. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(bytes, o) === EOCD) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const start = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) return null;
  if (start + size > bytes.length) return null;
  const entries: ZipEntry[] = [];
  let o = start;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CENTRAL) return null;
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const localOffset = u32(bytes, o + 42);
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(o + 46, o + 46 + nameLen)),
      compressedSize: u32(bytes, o + 20),
      uncompressedSize: u32(bytes, o + 24),
      centralOffset: o,
      localOffset,
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * A copy of the zip with every entry's MS-DOS date and time set to the given moment (UTC parts are
 * used; DOS time has a 2-second resolution). Returns the input unchanged when it is not a readable zip.
 */
export function withFixedZipTimestamps(bytes: Uint8Array, when: Date): Uint8Array {
  const entries = listZipEntries(bytes);
  if (!entries) return bytes;
  const out = new Uint8Array(bytes);
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const put16 = (o: number, v: number) => {
    out[o] = v & 0xff;
    out[o + 1] = (v >> 8) & 0xff;
  };
  for (const e of entries) {
    put16(e.centralOffset + 12, time);
    put16(e.centralOffset + 14, date);
    put16(e.localOffset + 10, time);
    put16(e.localOffset + 12, date);
  }
  return out;
}

/** The raw (still compressed) bytes of an entry and its compression method (0 stored, 8 deflate). */
function entryData(bytes: Uint8Array, e: ZipEntry): { method: number; data: Uint8Array } | null {
  const nameLen = u16(bytes, e.localOffset + 26);
  const extraLen = u16(bytes, e.localOffset + 28);
  const method = u16(bytes, e.localOffset + 8);
  const start = e.localOffset + 30 + nameLen + extraLen;
  if (start + e.compressedSize > bytes.length) return null;
  return { method, data: bytes.subarray(start, start + e.compressedSize) };
}

export interface XmlScan {
  /** Number of `<row` elements seen (a worksheet's rows, blank formatted rows included). */
  rows: number;
  /** Bytes inflated before stopping. */
  bytes: number;
  /** True when inflating stopped at `maxBytes` (the entry is larger, whatever its header says). */
  truncated: boolean;
  /** False when the entry could not be inflated (damaged, or an unknown compression method). */
  readable: boolean;
}

/**
 * Inflates one entry as a stream (DecompressionStream, in browsers and Node ≥ 18) and counts its
 * `<row` elements, without ever holding the whole XML: a worksheet with 200 000 rows is refused in
 * a fraction of a second, and a "zip bomb" stops at `maxBytes` even if its directory lies about sizes.
 */
export async function scanXmlRows(bytes: Uint8Array, e: ZipEntry, maxBytes: number): Promise<XmlScan> {
  const raw = entryData(bytes, e);
  if (!raw || (raw.method !== 0 && raw.method !== 8))
    return { rows: 0, bytes: 0, truncated: false, readable: false };
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(raw.data);
      controller.close();
    },
  });
  const stream =
    raw.method === 8
      ? source.pipeThrough(
          new DecompressionStream('deflate-raw') as ReadableWritablePair<Uint8Array, Uint8Array>,
        )
      : source;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let rows = 0;
  let total = 0;
  let tail = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      const text = tail + decoder.decode(value, { stream: true });
      const matches = text.match(/<row[\s>]/g);
      rows += matches ? matches.length : 0;
      // Keep the last characters: a "<row " may straddle two chunks (and is not counted twice,
      // because a complete match needs its following character, which the tail never ends with).
      tail = text.slice(-4);
      if (total > maxBytes) {
        await reader.cancel();
        return { rows, bytes: total, truncated: true, readable: true };
      }
    }
  } catch {
    return { rows, bytes: total, truncated: false, readable: false };
  }
  return { rows, bytes: total, truncated: false, readable: true };
}
