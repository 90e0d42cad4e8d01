import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildTiles, configsFromArgs } from '../../tiles/build/build-tiles.ts';

/**
 * Tile build benchmark: builds every configured province's archives into a temporary folder (the
 * committed public/tiles is not touched), times the build and reports each output's size, raw and gzipped
 * (what a server compressing responses would send; the tiles inside the archives are gzipped already, so
 * the gain is small). Keys: `tiles.build_ms` (all provinces), `tiles.<slug>.build_ms`, and per file
 * `tiles.<file>.bytes`, `tiles.<file>.gzip_bytes`, `tiles.<archive>.tiles` (attribution files as
 * `<slug>/<file>`: every province writes one).
 */
export async function benchTiles(): Promise<Record<string, number | string>> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'bench-tiles-'));
  try {
    const out: Record<string, number | string> = {};
    let totalMs = 0;
    for (const config of configsFromArgs([])) {
      const dir = path.join(outDir, config.slug);
      const t0 = performance.now();
      const result = buildTiles(config, { outDir: dir });
      const buildMs = performance.now() - t0;
      totalMs += buildMs;
      out[`tiles.${config.slug}.build_ms`] = Math.round(buildMs);
      for (const f of result.files) {
        const bytes = readFileSync(path.join(dir, f.file));
        const key = f.stats || f.file.startsWith(`${config.prefix}-`) ? f.file : `${config.slug}/${f.file}`;
        out[`tiles.${key}.bytes`] = bytes.length;
        out[`tiles.${key}.gzip_bytes`] = gzipSync(bytes, { level: 9 }).length;
        if (f.stats) out[`tiles.${key}.tiles`] = f.stats.addressedTiles;
      }
    }
    out['tiles.build_ms'] = Math.round(totalMs);
    for (const [key, value] of Object.entries(out)) console.log(`${key.padEnd(42)} ${value}`);
    return out;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchTiles();
}
