/**
 * Vite plugin (build only): names the files the interactive map loads (the create-map chunk and the chunks
 * it imports, its CSS, MapLibre's worker and the labels' font) in index.html, as
 * `<script type="application/json" id="ntm-map-files">`, so src/lib/map/prefetch.ts can fetch them into the
 * HTTP cache while the phone is idle, before anyone taps "Mở bản đồ tương tác". Only the network works
 * then: nothing is parsed or run until the tap.
 * index.html is the place because it is never cached as immutable: the list always matches the build.
 */
import type { Plugin, Rollup } from 'vite';
import { entryChunks, staticClosure } from './bundle-graph.ts';

export const MAP_FILES_ID = 'ntm-map-files';
const MAP_MODULE = /\/src\/lib\/map\/create-map\.ts$/;

/** The map's files in `bundle`, minus what the first view loads anyway; legacy .woff fonts left out. */
export function mapFiles(bundle: Rollup.OutputBundle): string[] {
  const firstView = staticClosure(bundle, entryChunks(bundle));
  const map = Object.values(bundle).find(
    (item) => item.type === 'chunk' && MAP_MODULE.test(item.facadeModuleId ?? ''),
  );
  if (!map) throw new Error('ntm-map-files: the create-map chunk is missing from the bundle');
  return [...staticClosure(bundle, [map.fileName])]
    .filter((f) => !firstView.has(f) && !f.endsWith('.woff'))
    .sort();
}

export function mapFilesList(): Plugin {
  return {
    name: 'ntm-map-files',
    apply: 'build',
    // 'post': after Vite has emitted index.html into the bundle; before the service worker's plugin hashes it.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html'];
        if (!html || html.type !== 'asset')
          throw new Error('ntm-map-files: index.html is not in the bundle yet');
        const json = JSON.stringify(mapFiles(bundle)).replaceAll('<', '\\u003c');
        const tag = `<script type="application/json" id="${MAP_FILES_ID}">${json}</script>`;
        const source = typeof html.source === 'string' ? html.source : new TextDecoder().decode(html.source);
        html.source = source.replace('</body>', `${tag}\n</body>`);
      },
    },
  };
}
