/**
 * Vite plugin: writes the first view (src/lib/first-view/poster.ts) into index.html, before the app's
 * mount point, from the embedded snapshot and the static map in the public folder. The page then paints
 * the province, its figures and legend from the HTML alone, before any JavaScript has loaded.
 * Also writes the page's <title> from the catalogue (map and province), so a shared link names the province
 * before any script runs. Runs in dev and build alike, so both serve the same page. The poster code is loaded with Vite's module
 * runner (TypeScript from src/, without the project's plugins), not bundled into this config.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MOUNT_POINT = '<div id="app"></div>';
const TITLE = /<title>[^<]*<\/title>/;

export function firstView(): Plugin {
  let publicDir = path.join(ROOT, 'public');
  return {
    name: 'ntm-first-view',
    configResolved(config) {
      publicDir = config.publicDir || publicDir;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!html.includes(MOUNT_POINT)) throw new Error(`index.html has no ${MOUNT_POINT}`);
        const { module } = await runnerImport<typeof import('../src/lib/first-view/build-poster.ts')>(
          path.join(ROOT, 'src/lib/first-view/build-poster.ts'),
          { configFile: false, root: ROOT, logLevel: 'error' },
        );
        if (!TITLE.test(html)) throw new Error('index.html has no <title>');
        const poster = await module.buildPosterHtml(publicDir);
        return html
          .replace(TITLE, `<title>${module.pageTitleHtml()}</title>`)
          .replace(MOUNT_POINT, `${poster}${MOUNT_POINT}`);
      },
    },
  };
}
