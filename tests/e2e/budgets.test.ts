// Size budgets (budgets.json, gzip level 9 bytes) for what a phone downloads: the JavaScript and CSS of
// the first paint (the entry chunk of dist/index.html and its static imports, and the data worker they
// start, NOT the lazy MapLibre chunk), each tiles archive and static map, and the data snapshot (meta +
// summaries + one year).
// Also checks that the heavy code is split off: the first-paint JavaScript holds neither maplibre-gl
// nor supabase-js (the full client), the main thread's first-paint JavaScript holds no zod (the data
// worker validates the snapshot), and the lazy chunk does hold MapLibre, the worker zod (so the checks
// can fail), and that only the entry chunk carries V8's compile hint (build/compile-hints-plugin.ts).
//
// The app is built here, in production mode, into a temporary folder: the e2e global setup builds under
// vitest (NODE_ENV=test), which compiles Svelte in dev mode and would not measure what users get.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { COMPILE_HINT } from '../../build/compile-hints-plugin';

interface Budgets {
  first_paint: { js: number; css: number; html: number };
  tiles: Record<string, number>;
  snapshot: { meta_summaries_year: number };
}

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as Budgets;
const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

let dist = '';

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'laichau-budgets-'));
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = previous;
  }
});
afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** Relative static imports of an ES chunk: `import"./a.js"` and `import{x}from"./b.js"`, not import(). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(
    /\bimport\s*(?:[^"'`();]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]/g,
  )) {
    found.add(m[1] as string);
  }
  for (const m of code.matchAll(/\bexport\s*[^"'`();]*?\bfrom\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g))
    found.add(m[1] as string);
  return [...found];
}

/** Module workers a chunk starts: `new Worker(new URL("./w.js", import.meta.url), …)` as Vite emits it. */
function workerScripts(code: string): string[] {
  return [...code.matchAll(/\bnew\s+Worker\(\s*new\s+URL\(\s*["'`]([^"'`]+)["'`]/g)].map(
    (m) => m[1] as string,
  );
}

/**
 * The files the first paint needs: index.html's entry script, modulepreloads, stylesheets, recursively,
 * and the workers those scripts start (`workers`, a subset of `js`: the data worker parses the snapshot).
 * The map's prefetch worker starts only once the page has loaded and is idle: it is listed in `later`.
 */
function firstPaintFiles(): { js: string[]; css: string[]; workers: string[]; later: string[] } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*type="module"[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src) js.add(src.replace(/^\//, ''));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href')?.replace(/^\//, '');
    if (!href) continue;
    if (rel === 'modulepreload') js.add(href);
    if (rel === 'stylesheet') css.add(href);
  }
  const workers = new Set<string>();
  const later = new Set<string>();
  const queue = [...js];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const code = readFileSync(path.join(dist, file), 'utf8');
    const resolve = (spec: string) =>
      spec.startsWith('/')
        ? spec.slice(1)
        : path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    for (const spec of staticImports(code)) {
      const resolved = resolve(spec);
      if (!js.has(resolved)) {
        js.add(resolved);
        queue.push(resolved);
      }
    }
    for (const spec of workerScripts(code)) {
      const resolved = resolve(spec);
      if (AFTER_LOAD_WORKER.test(resolved)) {
        later.add(resolved);
        continue;
      }
      workers.add(resolved);
      if (!js.has(resolved)) {
        js.add(resolved);
        queue.push(resolved);
      }
    }
  }
  return {
    js: [...js].sort(),
    css: [...css].sort(),
    workers: [...workers].sort(),
    later: [...later].sort(),
  };
}

/** The interactive map's prefetch (src/lib/map/prefetch.ts): started after load, not part of first paint. */
const AFTER_LOAD_WORKER = /^assets\/prefetch\.worker-[\w-]+\.js$/;

const MAPLIBRE_MARKERS = ['maplibregl', 'maplibre-gl'];
/** zod 4 (classic and mini) keeps its internals under `_zod` on every schema. */
const ZOD_MARKER = '_zod';
/** Strings that survive minification, one from supabase-js itself, its auth client and its realtime client. */
const SUPABASE_JS_MARKERS = ['supabaseUrl is required', 'AuthSessionMissingError', 'phx_join'];

describe('budgets (gzip bytes, budgets.json)', () => {
  it('first paint: entry JavaScript (with the data worker) and CSS within budget, without maplibre-gl or supabase-js', () => {
    const files = firstPaintFiles();
    expect(files.js.length).toBeGreaterThan(0);
    expect(files.workers).toEqual([expect.stringMatching(/^assets\/data\.worker-[\w-]+\.js$/)]);
    expect(files.later).toEqual([expect.stringMatching(AFTER_LOAD_WORKER)]);
    const jsCode = files.js.map((f) => readFileSync(path.join(dist, f), 'utf8'));
    const jsBytes = jsCode.reduce((sum, code) => sum + gzip(code), 0);
    const cssBytes = files.css.reduce((sum, f) => sum + gzip(readFileSync(path.join(dist, f))), 0);
    console.log(
      `first paint: ${files.js.join(', ')} = ${jsBytes} B gzip JS; ${files.css.join(', ')} = ${cssBytes} B gzip CSS`,
    );
    expect(jsBytes).toBeLessThanOrEqual(budgets.first_paint.js);
    expect(cssBytes).toBeLessThanOrEqual(budgets.first_paint.css);
    for (const code of jsCode) {
      for (const marker of [...MAPLIBRE_MARKERS, ...SUPABASE_JS_MARKERS]) expect(code).not.toContain(marker);
    }
  });

  it('the prefetch worker only fetches: no maplibre-gl, no zod, and small', () => {
    const [worker] = firstPaintFiles().later;
    const code = readFileSync(path.join(dist, worker as string), 'utf8');
    for (const marker of [...MAPLIBRE_MARKERS, ZOD_MARKER]) expect(code).not.toContain(marker);
    console.log(`${worker}: ${gzip(code)} B gzip`);
    // The pmtiles reader (with fflate) is most of it.
    expect(gzip(code)).toBeLessThan(12_000);
  });

  it('the HTML, which carries the first view (map picture, figures, legend), within budget', () => {
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html).toContain('data-testid="first-view"');
    const bytes = gzip(html);
    console.log(`index.html: ${bytes} B gzip (budget ${budgets.first_paint.html})`);
    expect(bytes).toBeLessThanOrEqual(budgets.first_paint.html);
  });

  it('the main thread loads no zod at start: the data worker validates the snapshot and tile indexes', () => {
    const files = firstPaintFiles();
    for (const file of files.js) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      if (files.workers.includes(file)) expect(code, file).toContain(ZOD_MARKER);
      else expect(code, file).not.toContain(ZOD_MARKER);
    }
  });

  it('the checks are real: import parsing, MapLibre in the lazy chunk, supabase-js markers in its package', () => {
    expect(
      staticImports('import{a as b}from"./x.js";import("./lazy.js");import"./y.js";export{c}from"./z.js"'),
    ).toEqual(['./x.js', './y.js', './z.js']);
    expect(
      workerScripts(
        'new Worker(new URL(`/assets/w-1.js`,``+import.meta.url),{type:`module`});new URL("./u.js")',
      ),
    ).toEqual(['/assets/w-1.js']);
    const entry = new Set(firstPaintFiles().js);
    const lazy = readdirSync(path.join(dist, 'assets'))
      .filter((f) => f.endsWith('.js') && !entry.has(`assets/${f}`))
      .map((f) => readFileSync(path.join(dist, 'assets', f), 'utf8'));
    expect(lazy.some((code) => MAPLIBRE_MARKERS.every((m) => code.includes(m)))).toBe(true);
    const pkg = (p: string) => readFileSync(`node_modules/@supabase/${p}`, 'utf8');
    expect(pkg('supabase-js/dist/umd/supabase.js')).toContain(SUPABASE_JS_MARKERS[0]);
    expect(pkg('supabase-js/dist/umd/supabase.js')).toContain(SUPABASE_JS_MARKERS[1]);
    expect(pkg('supabase-js/dist/umd/supabase.js')).toContain(SUPABASE_JS_MARKERS[2]);
  });

  it('only the entry chunk asks Chrome to compile all its functions while streaming (compile hint)', () => {
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const entry = /<script\b[^>]*type="module"[^>]*src="\/?([^"]+)"/.exec(html)?.[1];
    expect(entry).toMatch(/^assets\/index-[\w-]+\.js$/);
    const firstLine = (file: string) => readFileSync(path.join(dist, file), 'utf8').split('\n', 1)[0];
    expect(firstLine(entry as string)).toBe(COMPILE_HINT);
    const others = [
      'sw.js',
      ...readdirSync(path.join(dist, 'assets'))
        .filter((f) => /\.m?js$/.test(f))
        .map((f) => `assets/${f}`)
        .filter((f) => f !== entry),
    ];
    expect(others.length).toBeGreaterThan(3);
    for (const file of others)
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toContain(COMPILE_HINT);
  });

  it('each tiles archive and static map within budget', () => {
    const files = readdirSync('public/tiles').filter(
      (f) => f.endsWith('.pmtiles') || f.endsWith('.static.json'),
    );
    expect(Object.keys(budgets.tiles).sort()).toEqual(files.sort());
    for (const file of files) {
      const bytes = gzip(readFileSync(path.join('public/tiles', file)));
      console.log(`tiles/${file}: ${bytes} B gzip (budget ${budgets.tiles[file]})`);
      expect(bytes, file).toBeLessThanOrEqual(budgets.tiles[file] as number);
    }
  });

  it('data snapshot: meta + summaries + the largest year within budget', () => {
    const dir = 'public/data/snapshot';
    const years = readdirSync(path.join(dir, 'years')).map((f) =>
      gzip(readFileSync(path.join(dir, 'years', f))),
    );
    expect(years.length).toBeGreaterThan(0);
    const total =
      gzip(readFileSync(path.join(dir, 'meta.json'))) +
      gzip(readFileSync(path.join(dir, 'summaries.json'))) +
      Math.max(...years);
    console.log(`snapshot: meta + summaries + largest year = ${total} B gzip`);
    expect(total).toBeLessThanOrEqual(budgets.snapshot.meta_summaries_year);
  });
});
