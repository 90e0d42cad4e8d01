import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNational } from '../../tiles/build/build-national.ts';

/**
 * The national archive's figures (issue #22: at most 15 MB, built in at most 30 s): a full z5–12 build into
 * a temporary folder. `national.build_ms` is wall-clock time, which on a shared machine depends on the
 * load, so the process's CPU time and the load average are printed beside it.
 */
export async function benchNationalTiles(): Promise<Record<string, number | string>> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'bench-national-'));
  try {
    const load = loadavg()[0] ?? 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = buildNational({ outDir });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const out: Record<string, number | string> = {
      'national.archive_bytes': r.archiveBytes,
      'national.index_bytes': r.indexBytes,
      'national.build_ms': Math.round(ms),
      'national.build_cpu_ms': Math.round((cpu.user + cpu.system) / 1000),
      'national.tiles': r.stats.addressedTiles,
      'national.load_average_1m': Number(load.toFixed(2)),
    };
    for (const [key, value] of Object.entries(out)) console.log(`${key.padEnd(42)} ${value}`);
    return out;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchNationalTiles();
}
