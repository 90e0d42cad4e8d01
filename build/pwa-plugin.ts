/**
 * Vite plugin (build only): the offline service worker.
 * - bundles src/lib/pwa/sw.ts into /sw.js (a classic script: no import or export may remain) and fills
 *   in its manifest: the build's version, the first view's files to precache and the lazy chunks to
 *   cache on use;
 * - injects src/lib/pwa/register.ts into index.html (it becomes part of the entry chunk), which
 *   registers the worker after the page has loaded.
 * The version hashes the precache list and the bytes of public/data and public/tiles, so new code or new
 * data gives a new sw.js, which the browser picks up on the next visit (and the old caches go).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { entryChunks, staticClosure } from './bundle-graph.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SW_SOURCE = path.join(ROOT, 'src/lib/pwa/sw.ts');
const REGISTER_SOURCE = '/src/lib/pwa/register.ts';
const PLACEHOLDER = /(["'`])__NTM_SW_MANIFEST__\1/;

/**
 * Public files precached at install: the runtime config and the small JSON (snapshot, tile indexes,
 * static maps, attribution). The .pmtiles archives are cached at run time, the ones a visit uses.
 */
const PRECACHE_PUBLIC = (rel: string) =>
  rel === 'config.json' || ((rel.startsWith('data/') || rel.startsWith('tiles/')) && rel.endsWith('.json'));
/** Public files whose bytes version the caches. */
const VERSIONED_PUBLIC = (rel: string) =>
  rel === 'config.json' || rel.startsWith('data/') || rel.startsWith('tiles/');

function listFiles(dir: string, prefix = ''): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    const rel = `${prefix}${name}`;
    return statSync(full).isDirectory() ? listFiles(full, `${rel}/`) : [rel];
  });
}

export function pwa(): Plugin {
  let publicDir = path.join(ROOT, 'public');
  let swRef = '';
  return {
    name: 'ntm-pwa',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir || publicDir;
    },
    buildStart() {
      swRef = this.emitFile({ type: 'chunk', id: SW_SOURCE, fileName: 'sw.js' });
    },
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'script', attrs: { type: 'module', src: REGISTER_SOURCE }, injectTo: 'body' }],
    },
    // 'post': after Vite has emitted index.html into the bundle.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const swFile = this.getFileName(swRef);
        const sw = bundle[swFile];
        if (!sw || sw.type !== 'chunk') throw new Error(`ntm-pwa: ${swFile} is missing from the bundle`);
        if (sw.imports.length > 0 || sw.dynamicImports.length > 0 || /^\s*export\b/m.test(sw.code)) {
          throw new Error(
            `ntm-pwa: ${swFile} must be self-contained (it imports ${[...sw.imports, ...sw.dynamicImports].join(', ') || 'nothing'}, ` +
              'or exports): do not share modules between the service worker and the app',
          );
        }
        // Every emitted file but the worker itself, source maps and legacy .woff fonts (browsers that run
        // service workers read .woff2).
        const files = Object.keys(bundle)
          .filter((f) => f !== swFile && !f.endsWith('.map') && !f.endsWith('.woff'))
          .sort();
        // The first view: index.html, the entry chunks with their static imports, CSS and assets (fonts).
        // Precached at install. Everything else (MapLibre, its worker, the targets view, the editors'
        // screens) is cached when a visit uses it: a phone that never opens the interactive map never
        // downloads MapLibre for the cache.
        const firstView = staticClosure(bundle, ['index.html', ...entryChunks(bundle, [swFile])]);
        const precacheShell = files.filter((f) => firstView.has(f));
        const lazy = files.filter((f) => !firstView.has(f));
        const publicFiles = listFiles(publicDir).filter(VERSIONED_PUBLIC);
        const hash = createHash('sha256');
        for (const f of files) {
          const item = bundle[f];
          hash.update(f).update(item?.type === 'chunk' ? item.code : (item?.source ?? ''));
        }
        for (const f of publicFiles) hash.update(f).update(readFileSync(path.join(publicDir, f)));
        const manifest = {
          version: hash.digest('hex').slice(0, 12),
          precache: [...precacheShell, ...publicFiles.filter(PRECACHE_PUBLIC)],
          lazy,
        };
        if (!PLACEHOLDER.test(sw.code)) throw new Error('ntm-pwa: manifest placeholder not found in sw.js');
        if (!files.includes('index.html')) throw new Error('ntm-pwa: index.html is not in the bundle yet');
        sw.code = sw.code.replace(PLACEHOLDER, JSON.stringify(JSON.stringify(manifest)));
      },
    },
  };
}
