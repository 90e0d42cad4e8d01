import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildTiles } from '../../tiles/build/build-tiles.ts';

/**
 * Tile build benchmark: builds every archive into a temporary folder (the committed public/tiles is not
 * touched), times the build and reports each output's size, raw and gzipped (what a server compressing
 * responses would send; the tiles inside the archives are gzipped already, so the gain is small).
 * Keys: `tiles.build_ms`, `tiles.<file>.bytes`, `tiles.<file>.gzip_bytes`, `tiles.<archive>.tiles`.
 */
export async function benchTiles(): Promise<Record<string, number | string>> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'laichau-bench-tiles-'));
  try {
    const t0 = performance.now();
    const result = buildTiles({ outDir });
    const buildMs = performance.now() - t0;
    const out: Record<string, number | string> = { 'tiles.build_ms': Math.round(buildMs) };
    for (const f of result.files) {
      const bytes = readFileSync(path.join(outDir, f.file));
      out[`tiles.${f.file}.bytes`] = bytes.length;
      out[`tiles.${f.file}.gzip_bytes`] = gzipSync(bytes, { level: 9 }).length;
      if (f.stats) out[`tiles.${f.file}.tiles`] = f.stats.addressedTiles;
    }
    for (const [key, value] of Object.entries(out)) console.log(`${key.padEnd(42)} ${value}`);
    return out;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchTiles();
}
