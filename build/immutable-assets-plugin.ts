/**
 * Vite plugin (preview server only): the built files under `assets/` carry a hash of their content in their
 * names, so a browser may keep them for good. `vite preview` answers them with `Cache-Control: no-cache`, and
 * every later use of a file, such as the map's code fetched ahead of the tap (src/lib/map/prefetch.ts), then
 * waited a round trip for a `304`. Previewing as a static host should serve them keeps the benchmarks
 * (`npm run bench`) true to a deployment; the README's Deploy section asks hosts for the same header.
 *
 * It also turns off the preview server's CORS answers. With them every response says `Vary: Origin`, and
 * Chromium revalidates a cached file when the request's Origin header differs from the one it was stored
 * with: the prefetch's plain fetch() sends none, the module import, the stylesheet and the fonts do. So each
 * prefetched file still cost a `304` round trip after the tap (400 ms for the map's code on slow 4G). The
 * app is served from its own origin and needs no CORS; static hosts send no `Vary: Origin` either.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { beforeWriteHead } from './before-write-head.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `/assets/name-<hash>.ext` (Vite's `[name]-[hash]` names), at the site's root or under a base path. */
export function isHashedAsset(url: string | undefined): boolean {
  const path = (url ?? '').split(/[?#]/)[0] as string;
  return /\/assets\/[^/]+-[\w-]{8,}\.\w+$/.test(path);
}

export function immutableAssetHeaders(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    if (!isHashedAsset(req.url)) return next();
    beforeWriteHead(res, /^cache-control$/i, (response) => response.setHeader('Cache-Control', IMMUTABLE));
    next();
  };
}

export function immutableAssets(): Plugin {
  return {
    name: 'ntm-immutable-assets',
    config: () => ({ preview: { cors: false } }),
    configurePreviewServer(server) {
      server.middlewares.use(immutableAssetHeaders());
    },
  };
}
