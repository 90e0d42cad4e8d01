/**
 * Marks the entry chunk with V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+):
 * every function in it runs at start-up (the Svelte runtime and the app's first view), so Chrome compiles
 * them on the background thread that streams the script, instead of one by one on the main thread the
 * first time each is called, inside the first render tasks. Other browsers read a comment.
 *
 * Only the entry chunk: lazily loaded chunks (the map, the editor, the leaders' view) are not needed at
 * start-up, and compiling them eagerly would waste a phone's time. Runs before the service-worker plugin
 * hashes the bundle (build/pwa-plugin.ts, `order: 'post'`), so its version covers the marked code.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** `page`: the page whose entry chunk is marked (the service worker is an entry chunk too). */
export function compileHints(page = 'index.html'): Plugin {
  return {
    name: 'ntm-compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own additions to the chunk (its preload map is prepended): the magic comment must be
      // the file's first line.
      order: 'post',
      handler(_options, bundle) {
        for (const item of Object.values(bundle)) {
          const isPageEntry =
            item.type === 'chunk' &&
            item.isEntry &&
            item.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${page}`);
          if (isPageEntry && !item.code.startsWith(COMPILE_HINT)) item.code = `${COMPILE_HINT}\n${item.code}`;
        }
      },
    },
  };
}
