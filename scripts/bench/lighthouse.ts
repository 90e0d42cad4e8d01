/**
 * Lighthouse (12.2.3, mobile preset: simulated slow 4G and 4× CPU slowdown) on the built app and on a
 * plain MapLibre page that loads the same archive (scripts/bench/baseline), in the same run, 3 runs
 * each, medians reported. Both are built with Vite into temporary folders and served by `vite preview`
 * in-process; Lighthouse runs through its CLI on Debian's Chromium with SwiftShader WebGL.
 *
 * Keys: `lighthouse.<app|baseline>.{score,lcp_ms,tbt_ms,fcp_ms,si_ms,cls,bytes}` (medians of the runs),
 * `lighthouse.<app|baseline>.scores` (every run), `lighthouse.score_gap` (app − baseline), and
 * `baseline.recolour_{main,idle}_p50_ms`: the plain page recolouring with a new `match` paint expression
 * (the app's own recolour time is scripts/bench/recolour.ts).
 * Runnable alone: `npx tsx scripts/bench/lighthouse.ts [runs]`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, preview, type PreviewServer } from 'vite';
import { launchBrowser } from '../../tests/e2e/browser';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BASELINE_ROOT = path.join(ROOT, 'scripts', 'bench', 'baseline');
const LIGHTHOUSE_CLI = path.join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
].join(' ');

export interface LighthouseFigures {
  score: number;
  lcp_ms: number;
  tbt_ms: number;
  fcp_ms: number;
  si_ms: number;
  cls: number;
  bytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Builds in production mode (NODE_ENV decides Svelte's dev mode; a caller under vitest has 'test'). */
export async function buildProduction(options: Parameters<typeof build>[0]): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'error', ...options });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

export async function serve(
  options: Parameters<typeof preview>[0],
): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({ logLevel: 'error', ...options, preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

/**
 * One Lighthouse run (performance category, default mobile settings). `extraArgs` go to the CLI, e.g.
 * `--save-assets` to keep the trace beside `outFile` (scripts/bench/lighthouse-tasks.ts).
 */
export async function lighthouseOnce(
  url: string,
  outFile: string,
  extraArgs: string[] = [],
): Promise<LighthouseFigures> {
  await run(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${outFile}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      '--quiet',
      ...extraArgs,
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    },
  );
  const lhr = JSON.parse(readFileSync(outFile, 'utf8')) as {
    runtimeError?: { message: string };
    categories: { performance: { score: number | null } };
    audits: Record<string, { numericValue?: number }>;
  };
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    lcp_ms: Math.round(audit('largest-contentful-paint')),
    tbt_ms: Math.round(audit('total-blocking-time')),
    fcp_ms: Math.round(audit('first-contentful-paint')),
    si_ms: Math.round(audit('speed-index')),
    cls: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
    bytes: Math.round(audit('total-byte-weight')),
  };
}

/** The baseline page's recolour: a `match` expression over the 106 ids, alternating two colourings. */
async function baselineRecolour(url: string, rounds = 8): Promise<{ main: number; idle: number }> {
  const codes = readFileSync(path.join(ROOT, 'data', 'reference', 'units-2020.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number.parseInt(line.split(',')[0] as string, 10));
  const palette = ['#1a9850', '#fee08b', '#d73027', '#4575b4'];
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForSelector('html[data-map="idle"]', { timeout: 60_000 });
    const main: number[] = [];
    const idle: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const colours = Object.fromEntries(
        codes.map((c, k) => [c, palette[(k + i) % palette.length] as string]),
      );
      const r = await page.evaluate(
        (c) =>
          (
            window as unknown as {
              __baseline: { recolour(c: Record<number, string>): Promise<{ main: number; toIdle: number }> };
            }
          ).__baseline.recolour(c),
        colours,
      );
      main.push(r.main);
      idle.push(r.toIdle);
    }
    return { main: median(main), idle: median(idle) };
  } finally {
    await browser.close();
  }
}

export async function benchLighthouse(runs = 3): Promise<Record<string, number | string>> {
  const work = mkdtempSync(path.join(tmpdir(), 'laichau-bench-lighthouse-'));
  const appDir = path.join(work, 'app');
  const baselineDir = path.join(work, 'baseline');
  const servers: PreviewServer[] = [];
  try {
    await buildProduction({ root: ROOT, build: { outDir: appDir, emptyOutDir: true } });
    await buildProduction({
      configFile: false,
      root: BASELINE_ROOT,
      publicDir: path.join(ROOT, 'public'),
      build: { outDir: baselineDir, emptyOutDir: true, target: 'es2022' },
    });
    const app = await serve({ root: ROOT, build: { outDir: appDir } });
    servers.push(app.server);
    const baseline = await serve({ configFile: false, root: BASELINE_ROOT, build: { outDir: baselineDir } });
    servers.push(baseline.server);

    const results: Record<'app' | 'baseline', LighthouseFigures[]> = { app: [], baseline: [] };
    // Interleaved, so a slower moment of the machine hits both pages alike.
    for (let i = 0; i < runs; i++) {
      for (const [name, url] of [
        ['app', app.url],
        ['baseline', baseline.url],
      ] as const) {
        const figures = await lighthouseOnce(url, path.join(work, `${name}-${i}.json`));
        results[name].push(figures);
        console.log(`lighthouse ${name} run ${i + 1}: ${JSON.stringify(figures)}`);
      }
    }

    const out: Record<string, number | string> = {};
    for (const name of ['app', 'baseline'] as const) {
      const list = results[name];
      for (const key of Object.keys(list[0] as LighthouseFigures) as (keyof LighthouseFigures)[]) {
        out[`lighthouse.${name}.${key}`] = median(list.map((f) => f[key]));
      }
      out[`lighthouse.${name}.scores`] = list.map((f) => f.score).join(' ');
    }
    out['lighthouse.score_gap'] =
      (out['lighthouse.app.score'] as number) - (out['lighthouse.baseline.score'] as number);
    const recolour = await baselineRecolour(baseline.url);
    out['baseline.recolour_main_p50_ms'] = Number(recolour.main.toFixed(2));
    out['baseline.recolour_idle_p50_ms'] = Number(recolour.idle.toFixed(1));
    for (const [key, value] of Object.entries(out)) console.log(`${key.padEnd(42)} ${value}`);
    return out;
  } finally {
    await Promise.all(
      servers.map((s) => new Promise<void>((resolve) => s.httpServer.close(() => resolve()))),
    );
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchLighthouse(Number(process.argv[2] ?? 3));
}
