import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Compression, PMTiles, type Header, type Source } from 'pmtiles';

/**
 * Test helpers that read archives the way the app does: through the official `pmtiles` reader, over a
 * tiny Source backed by a Node Buffer instead of HTTP range requests.
 */
export class BufferSource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly key = 'buffer',
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number) {
    const end = Math.min(this.bytes.length, offset + length);
    const slice = this.bytes.slice(offset, end);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) };
  }
}

/** zlib instead of the Web DecompressionStream: same result, faster in Node. */
async function decompress(buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  if (compression === Compression.None || compression === Compression.Unknown) return buf;
  if (compression !== Compression.Gzip) throw new Error(`unsupported compression ${compression}`);
  const out = gunzipSync(new Uint8Array(buf));
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
}

export function openArchive(bytes: Uint8Array, key?: string): PMTiles {
  return new PMTiles(new BufferSource(bytes, key), undefined, decompress);
}

export function openArchiveFile(file: string): PMTiles {
  return openArchive(new Uint8Array(readFileSync(file)), file);
}

export interface ReadTile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

function lonToTileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function latToTileY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/**
 * Every tile of the archive, found with getZxy over each zoom's tile range (the header bounds plus two
 * tiles of margin: the build adds one for the buffer). Callers compare the count with
 * header.numAddressedTiles to prove nothing was missed.
 */
export async function readAllTiles(archive: PMTiles, header?: Header): Promise<ReadTile[]> {
  const h = header ?? (await archive.getHeader());
  const tiles: ReadTile[] = [];
  for (let z = h.minZoom; z <= h.maxZoom; z++) {
    const max = 2 ** z - 1;
    const x0 = Math.max(0, lonToTileX(h.minLon, z) - 2);
    const x1 = Math.min(max, lonToTileX(h.maxLon, z) + 2);
    const y0 = Math.max(0, latToTileY(h.maxLat, z) - 2);
    const y1 = Math.min(max, latToTileY(h.minLat, z) + 2);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const t = await archive.getZxy(z, x, y);
        if (t) tiles.push({ z, x, y, bytes: new Uint8Array(t.data) });
      }
    }
  }
  return tiles;
}

export function decodeTile(bytes: Uint8Array): VectorTile {
  return new VectorTile(new PbfReader(bytes));
}
