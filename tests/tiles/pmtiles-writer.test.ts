import { describe, expect, it } from 'vitest';
import { tileIdToZxy, zxyToTileId } from 'pmtiles';
import {
  buildDirectories,
  HEADER_BYTES,
  MAX_ROOT_DIRECTORY_BYTES,
  serializeDirectory,
  writePmtiles,
  type ArchiveOptions,
  type TileInput,
} from '../../tiles/build/pmtiles-writer.ts';
import { openArchive } from './archive-reader.ts';

const BASE: Omit<ArchiveOptions, 'tiles'> = {
  metadata: { name: 'test', vector_layers: [{ id: 'x', fields: {} }] },
  minZoom: 0,
  maxZoom: 14,
  bounds: [102.3, 21.6, 104, 22.9],
  center: [103.15, 22.25],
  centerZoom: 7,
  tileType: 1,
  tileCompression: 1, // none: the test tiles are plain bytes
};

const bytesOf = (s: string) => new TextEncoder().encode(s);
const text = (b: ArrayBuffer | undefined) => (b ? new TextDecoder().decode(b) : undefined);

describe('PMTiles v3 writer, read back with the official reader', () => {
  it('writes a header the reader understands (magic, version, offsets, bounds, center, zooms)', async () => {
    const tiles: TileInput[] = [
      { z: 0, x: 0, y: 0, data: bytesOf('root') },
      { z: 7, x: 100, y: 55, data: bytesOf('a') },
    ];
    const { bytes } = writePmtiles({ ...BASE, tiles });
    expect(new TextDecoder().decode(bytes.slice(0, 7))).toBe('PMTiles');
    expect(bytes[7]).toBe(3);
    const h = await openArchive(bytes).getHeader();
    expect(h.rootDirectoryOffset).toBe(HEADER_BYTES);
    expect(h.minZoom).toBe(0);
    expect(h.maxZoom).toBe(14);
    expect(h.minLon).toBeCloseTo(102.3, 6);
    expect(h.maxLat).toBeCloseTo(22.9, 6);
    expect(h.centerLon).toBeCloseTo(103.15, 6);
    expect(h.centerZoom).toBe(7);
    expect(h.numAddressedTiles).toBe(2);
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(bytes.length);
    expect(await openArchive(bytes).getMetadata()).toEqual(BASE.metadata);
  });

  it('returns each tile by z/x/y and nothing for absent tiles', async () => {
    const tiles: TileInput[] = [];
    for (let x = 0; x < 8; x++)
      for (let y = 0; y < 8; y++) tiles.push({ z: 3, x, y, data: bytesOf(`3/${x}/${y}`) });
    const archive = openArchive(writePmtiles({ ...BASE, tiles: [...tiles].reverse() }).bytes);
    for (const t of tiles) expect(text((await archive.getZxy(t.z, t.x, t.y))?.data)).toBe(`3/${t.x}/${t.y}`);
    expect(await archive.getZxy(4, 0, 0)).toBeUndefined();
    expect(await archive.getZxy(2, 1, 1)).toBeUndefined();
  });

  it('stores identical tiles once and merges consecutive ones into a run', async () => {
    const same = bytesOf('ocean');
    const tiles: TileInput[] = [];
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) tiles.push({ z: 2, x, y, data: same });
    tiles.push({ z: 3, x: 5, y: 5, data: bytesOf('land') });
    const { bytes, stats } = writePmtiles({ ...BASE, tiles });
    // z2 ids are consecutive (5..20): one run entry of 16, plus the z3 tile.
    expect(stats).toMatchObject({ addressedTiles: 17, tileEntries: 2, tileContents: 2 });
    const archive = openArchive(bytes);
    const h = await archive.getHeader();
    expect([h.numAddressedTiles, h.numTileEntries, h.numTileContents]).toEqual([17, 2, 2]);
    for (const t of tiles)
      expect(text((await archive.getZxy(t.z, t.x, t.y))?.data)).toBe(t.z === 2 ? 'ocean' : 'land');
  });

  it('splits into leaf directories when the root would be too large, and every tile stays reachable', async () => {
    const tiles: TileInput[] = [];
    for (let x = 0; x < 128; x++)
      for (let y = 0; y < 128; y++) tiles.push({ z: 7, x, y, data: bytesOf(`${x},${y}`) });
    const { bytes, stats } = writePmtiles({ ...BASE, tiles, maxRootDirectoryBytes: 256 });
    expect(stats.leafDirectories).toBeGreaterThan(1);
    expect(stats.rootDirectoryBytes).toBeLessThanOrEqual(256);
    const archive = openArchive(bytes);
    const h = await archive.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    for (const t of tiles) expect(text((await archive.getZxy(7, t.x, t.y))?.data)).toBe(`${t.x},${t.y}`);
  });

  it('keeps the real root directory within the 16 KiB first request for a big pyramid', () => {
    const entries = Array.from({ length: 60_000 }, (_, i) => ({
      tileId: i * 3,
      offset: i * 100,
      length: 90 + (i % 7),
      runLength: 1,
    }));
    const { root, leafCount } = buildDirectories(entries);
    expect(root.length).toBeLessThanOrEqual(MAX_ROOT_DIRECTORY_BYTES);
    expect(leafCount).toBeGreaterThan(0);
  });

  it('is deterministic: same tiles in any order give the same bytes', () => {
    const tiles: TileInput[] = [0, 1, 2, 3].map((x) => ({ z: 2, x, y: 1, data: bytesOf(`t${x}`) }));
    const a = writePmtiles({ ...BASE, tiles }).bytes;
    const b = writePmtiles({
      ...BASE,
      tiles: [...tiles].reverse(),
      metadata: { vector_layers: BASE.metadata.vector_layers, name: 'test' },
    }).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses zero bounds, tiles outside the zoom range and duplicate tiles', () => {
    const one: TileInput[] = [{ z: 1, x: 0, y: 0, data: bytesOf('x') }];
    expect(() => writePmtiles({ ...BASE, tiles: one, bounds: [0, 0, 0, 0] })).toThrow(/zero/);
    expect(() => writePmtiles({ ...BASE, tiles: one, minZoom: 2 })).toThrow(/outside zoom/);
    expect(() => writePmtiles({ ...BASE, tiles: [...one, ...one] })).toThrow(/duplicate tile/);
  });

  it('encodes tile ids above 2^31 exactly (varints without 32-bit bit operations)', () => {
    const id = zxyToTileId(17, 100_000, 60_000);
    expect(id).toBeGreaterThan(2 ** 31);
    expect(tileIdToZxy(id)).toEqual([17, 100_000, 60_000]);
    const dir = serializeDirectory([{ tileId: id, offset: 0, length: 10, runLength: 1 }]);
    expect(dir.length).toBeGreaterThan(0);
  });
});
