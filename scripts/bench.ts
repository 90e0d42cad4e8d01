/**
 * `npm run bench`: runs every benchmark module of scripts/bench/ in turn and prints all figures, then the
 * app beside the plain-MapLibre baseline (scripts/bench/baseline) measured in the same run.
 *
 *   tiles.ts      benchTiles       tile build time and archive sizes
 *   national-tiles.ts benchNationalTiles  the national archive (z5–12): bytes, build time, tiles
 *   queries.ts    benchQueries     Supabase views under RLS as anon, 50 clients (p50/p95)
 *   lighthouse.ts benchLighthouse  Lighthouse mobile, app and baseline, median of 3
 *   recolour.ts   benchRecolour    main-thread time of a recolour in the built app
 *   tap-to-idle.ts benchTapToIdle  phone, slow 4G, 4× CPU: tap on "Mở bản đồ tương tác" → idle map
 *
 * A module that is absent (not written yet) is skipped with a note; a module that fails is reported
 * and the others still run (the exit code is then 1).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Figures = Record<string, number | string>;

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
const MODULES: { file: string; fn: string }[] = [
  { file: 'tiles.ts', fn: 'benchTiles' },
  { file: 'national-tiles.ts', fn: 'benchNationalTiles' },
  { file: 'queries.ts', fn: 'benchQueries' },
  { file: 'lighthouse.ts', fn: 'benchLighthouse' },
  { file: 'recolour.ts', fn: 'benchRecolour' },
  { file: 'tap-to-idle.ts', fn: 'benchTapToIdle' },
];

/** The first figure whose key matches, for the comparison table. */
function pick(all: Figures, pattern: RegExp): number | string | undefined {
  const key = Object.keys(all).find((k) => pattern.test(k));
  return key === undefined ? undefined : all[key];
}

function comparison(all: Figures): string {
  const cell = (v: number | string | undefined) => (v === undefined ? '—' : String(v));
  const rows: [string, number | string | undefined, number | string | undefined][] = [
    [
      'Lighthouse mobile performance (median of 3)',
      all['lighthouse.app.score'],
      all['lighthouse.baseline.score'],
    ],
    ['  every run', all['lighthouse.app.scores'], all['lighthouse.baseline.scores']],
    ['LCP (ms)', all['lighthouse.app.lcp_ms'], all['lighthouse.baseline.lcp_ms']],
    ['TBT (ms)', all['lighthouse.app.tbt_ms'], all['lighthouse.baseline.tbt_ms']],
    ['FCP (ms)', all['lighthouse.app.fcp_ms'], all['lighthouse.baseline.fcp_ms']],
    ['CLS', all['lighthouse.app.cls'], all['lighthouse.baseline.cls']],
    ['bytes of the first view', all['lighthouse.app.bytes'], all['lighthouse.baseline.bytes']],
    [
      'recolour, main thread p50 (ms)',
      pick(all, /^recolour mode change, main thread p50/),
      all['baseline.recolour_main_p50_ms'],
    ],
    [
      'recolour, until map idle p50 (ms)',
      pick(all, /^recolour mode change, until map idle p50/),
      all['baseline.recolour_idle_p50_ms'],
    ],
    ['phone tap → idle map, slow 4G, 4× CPU (ms, median of 3)', all['tap_to_idle.median_ms'], undefined],
    ['tile build (ms; same archives for both)', all['tiles.build_ms'], all['tiles.build_ms']],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const lines = [
    `${'figure'.padEnd(width)}  ${'app'.padStart(10)}  ${'plain MapLibre'.padStart(14)}`,
    ...rows.map(
      ([label, app, base]) => `${label.padEnd(width)}  ${cell(app).padStart(10)}  ${cell(base).padStart(14)}`,
    ),
  ];
  const gap = all['lighthouse.score_gap'];
  if (gap !== undefined) lines.push(`Lighthouse score gap (app − baseline): ${gap}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const all: Figures = {};
  let failed = 0;
  for (const { file, fn } of MODULES) {
    const full = path.join(DIR, file);
    if (!existsSync(full)) {
      console.log(`\n— ${file}: absent, skipped`);
      continue;
    }
    console.log(`\n=== ${file} (${fn}) ===`);
    const t0 = performance.now();
    try {
      const mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
      const run = mod[fn];
      if (typeof run !== 'function') throw new Error(`${file} does not export ${fn}()`);
      Object.assign(all, (await (run as () => Promise<Figures>)()) ?? {});
    } catch (error) {
      failed++;
      console.error(
        `${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    console.log(`(${file}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  console.log('\n=== all figures ===');
  for (const [key, value] of Object.entries(all)) console.log(`${key.padEnd(56)} ${value}`);
  console.log('\n=== app vs plain MapLibre page (same run) ===');
  console.log(comparison(all));
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
