/**
 * Vite plugin (dev and preview servers): serve the boundary archives (*.pmtiles) as a static host should,
 * uncompressed and with a content type. Vite's servers send them with an empty Content-Type, so
 * `vite preview`'s compression middleware treats them as text and gzips every answer, 206 Range answers
 * included; Chromium's HTTP cache then rebuilt cut-short archives from those slices, which the service
 * worker cached (issue 14). The README's Deploy section says the same for real hosts.
 *
 * The preview server also serves them as a static host would (a 10-minute max-age, a strong ETag), so the
 * browser keeps the Range answers of the map's prefetch; the dev server keeps `no-cache`, so a rebuilt
 * archive is used at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { beforeWriteHead } from './before-write-head.ts';

export const PMTILES_CONTENT_TYPE = 'application/vnd.pmtiles';

const isArchive = (url: string | undefined) => /\.pmtiles$/i.test((url ?? '').split(/[?#]/)[0]!);

/**
 * Middleware placed before Vite's own: for an archive it removes the request's Accept-Encoding (so no
 * compression middleware encodes the answer) and forces the Content-Type, which the file server would
 * otherwise write as an empty string through writeHead().
 */
export function archiveHeaders(cache?: { maxAgeSeconds: number }): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    if (!isArchive(req.url)) return next();
    delete req.headers['accept-encoding'];
    const drop = cache ? /^(content-type|cache-control|etag)$/i : /^content-type$/i;
    beforeWriteHead(res, drop, (response, dropped) => {
      response.setHeader('Content-Type', PMTILES_CONTENT_TYPE);
      if (!cache) return;
      // As a static host (nginx, GitHub Pages): a short max-age and a strong validator, so the browser
      // may keep the Range answers and serve later ones from its cache (the map's prefetch relies on it).
      response.setHeader('Cache-Control', `public, max-age=${cache.maxAgeSeconds}`);
      // sirv's weak tag is size and mtime, as nginx's strong one: strong, so ranges may be cached.
      const etag = dropped.etag ?? response.getHeader('ETag');
      if (typeof etag === 'string') response.setHeader('ETag', etag.replace(/^W\//, ''));
    });
    next();
  };
}

export function serveArchives(): Plugin {
  return {
    name: 'ntm-serve-archives',
    // Returning nothing: the middleware runs before Vite's (compression, static files).
    configureServer(server) {
      server.middlewares.use(archiveHeaders());
    },
    configurePreviewServer(server) {
      server.middlewares.use(archiveHeaders({ maxAgeSeconds: 600 }));
    },
  };
}
