import { createHash } from 'node:crypto';
import { zxyToTileId } from 'pmtiles';
import { gzip } from './gzip.ts';

/**
 * A small PMTiles v3 writer (spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 * No npm package writes PMTiles in Node, so this file does, in the layout the spec recommends:
 *   header (127 bytes) | root directory | JSON metadata | leaf directories | tile data.
 * Directories and metadata are gzip-compressed; tiles are stored as given (the caller gzips them).
 * Tiles are sorted by Hilbert tile id, identical contents are stored once, and runs of consecutive ids
 * with identical contents become one entry with a run length.
 */

export const HEADER_BYTES = 127;
/** The spec's limit so a client gets header + root directory in its first 16 KiB request. */
export const MAX_ROOT_DIRECTORY_BYTES = 16_384 - HEADER_BYTES;

export const Compression = { none: 1, gzip: 2 } as const;
export const TileType = { mvt: 1, png: 2 } as const;

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** Tile bytes as they will be served (already compressed with `tileCompression`). */
  data: Uint8Array;
}

export interface ArchiveOptions {
  tiles: readonly TileInput[];
  metadata: Record<string, unknown>;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees; must not be all zeros (MapLibre draws nothing). */
  bounds: [number, number, number, number];
  center: [number, number];
  centerZoom: number;
  tileType?: number;
  tileCompression?: number;
  /** Only for tests: force leaf directories with a smaller root budget. */
  maxRootDirectoryBytes?: number;
}

export interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Unsigned LEB128 varint; arithmetic, not bit operations, so ids above 2^31 stay exact. */
function pushVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Directory encoding of the spec: count, delta ids, run lengths, lengths, offsets (0 = contiguous). */
export function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    pushVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return gzip(Uint8Array.from(out));
}

/**
 * Root directory alone if it fits the budget; otherwise leaf directories of `leafSize` entries
 * (doubling until the root that points at them fits), as the reference writers do.
 */
export function buildDirectories(
  entries: readonly DirectoryEntry[],
  maxRootBytes = MAX_ROOT_DIRECTORY_BYTES,
): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const root = serializeDirectory(entries);
  if (root.length <= maxRootBytes) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: DirectoryEntry[] = [];
    const leafParts: Uint8Array[] = [];
    let leafOffset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = serializeDirectory(chunk);
      // runLength 0 marks an entry that points at a leaf directory, not at a tile.
      rootEntries.push({
        tileId: (chunk[0] as DirectoryEntry).tileId,
        offset: leafOffset,
        length: leaf.length,
        runLength: 0,
      });
      leafParts.push(leaf);
      leafOffset += leaf.length;
    }
    const rootBytes = serializeDirectory(rootEntries);
    if (rootBytes.length <= maxRootBytes) {
      return { root: rootBytes, leaves: concat(leafParts), leafCount: leafParts.length };
    }
    if (leafSize > entries.length) throw new Error('PMTiles root directory cannot fit the budget');
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function writeHeader(fields: {
  rootOffset: number;
  rootLength: number;
  metadataOffset: number;
  metadataLength: number;
  leafOffset: number;
  leafLength: number;
  dataOffset: number;
  dataLength: number;
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  options: ArchiveOptions;
}): Uint8Array {
  const { options: o } = fields;
  const buf = new Uint8Array(HEADER_BYTES);
  const view = new DataView(buf.buffer);
  buf.set(new TextEncoder().encode('PMTiles'), 0);
  buf[7] = 3;
  const u64 = [
    fields.rootOffset,
    fields.rootLength,
    fields.metadataOffset,
    fields.metadataLength,
    fields.leafOffset,
    fields.leafLength,
    fields.dataOffset,
    fields.dataLength,
    fields.addressedTiles,
    fields.tileEntries,
    fields.tileContents,
  ];
  u64.forEach((v, i) => view.setBigUint64(8 + i * 8, BigInt(v), true));
  buf[96] = 1; // clustered: tile data is laid out in tile-id order
  buf[97] = Compression.gzip; // internal compression (directories, metadata)
  buf[98] = o.tileCompression ?? Compression.gzip;
  buf[99] = o.tileType ?? TileType.mvt;
  buf[100] = o.minZoom;
  buf[101] = o.maxZoom;
  const e7 = (deg: number) => Math.round(deg * 1e7);
  const [w, s, e, n] = o.bounds;
  view.setInt32(102, e7(w), true);
  view.setInt32(106, e7(s), true);
  view.setInt32(110, e7(e), true);
  view.setInt32(114, e7(n), true);
  buf[118] = o.centerZoom;
  view.setInt32(119, e7(o.center[0]), true);
  view.setInt32(123, e7(o.center[1]), true);
  return buf;
}

/** Stable JSON: object keys sorted at every depth, so equal metadata gives equal bytes. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export interface ArchiveStats {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
  rootDirectoryBytes: number;
}

export function writePmtiles(options: ArchiveOptions): { bytes: Uint8Array; stats: ArchiveStats } {
  const { bounds, minZoom, maxZoom } = options;
  if (bounds.every((v) => v === 0)) throw new Error('bounds are all zero: MapLibre would draw nothing');
  if (!(bounds[0] < bounds[2] && bounds[1] < bounds[3])) throw new Error(`bad bounds ${bounds.join(',')}`);
  if (!(minZoom >= 0 && minZoom <= maxZoom && maxZoom <= 31))
    throw new Error(`bad zoom range ${minZoom}–${maxZoom}`);

  const withIds = options.tiles.map((t) => {
    if (t.z < minZoom || t.z > maxZoom)
      throw new Error(`tile ${t.z}/${t.x}/${t.y} outside zoom ${minZoom}–${maxZoom}`);
    return { tileId: zxyToTileId(t.z, t.x, t.y), data: t.data };
  });
  withIds.sort((a, b) => a.tileId - b.tileId);

  const entries: DirectoryEntry[] = [];
  const parts: Uint8Array[] = [];
  const offsetByHash = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  for (let i = 0; i < withIds.length; i++) {
    const t = withIds[i] as (typeof withIds)[number];
    const prevTile = withIds[i - 1];
    if (prevTile && prevTile.tileId === t.tileId) throw new Error(`duplicate tile id ${t.tileId}`);
    const hash = createHash('sha256').update(t.data).digest('hex');
    let place = offsetByHash.get(hash);
    if (!place) {
      place = { offset: dataLength, length: t.data.length };
      offsetByHash.set(hash, place);
      parts.push(t.data);
      dataLength += t.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === place.offset && last.tileId + last.runLength === t.tileId) {
      last.runLength += 1;
    } else {
      entries.push({ tileId: t.tileId, offset: place.offset, length: place.length, runLength: 1 });
    }
  }

  const { root, leaves, leafCount } = buildDirectories(entries, options.maxRootDirectoryBytes);
  const metadata = gzip(new TextEncoder().encode(stableStringify(options.metadata)));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const header = writeHeader({
    rootOffset,
    rootLength: root.length,
    metadataOffset,
    metadataLength: metadata.length,
    leafOffset,
    leafLength: leaves.length,
    dataOffset,
    dataLength,
    addressedTiles: withIds.length,
    tileEntries: entries.length,
    tileContents: parts.length,
    options,
  });
  return {
    bytes: concat([header, root, metadata, leaves, ...parts]),
    stats: {
      addressedTiles: withIds.length,
      tileEntries: entries.length,
      tileContents: parts.length,
      leafDirectories: leafCount,
      rootDirectoryBytes: root.length,
    },
  };
}
