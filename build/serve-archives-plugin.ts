/**
 * Vite plugin (dev and preview servers): serve the boundary archives (*.pmtiles) as a static host should,
 * uncompressed and with a content type. Vite's servers send them with an empty Content-Type, so
 * `vite preview`'s compression middleware treats them as text and gzips every answer, 206 Range answers
 * included; Chromium's HTTP cache then rebuilt cut-short archives from those slices, which the service
 * worker cached (issue 14). The README's Deploy section says the same for real hosts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';

export const PMTILES_CONTENT_TYPE = 'application/vnd.pmtiles';

const isArchive = (url: string | undefined) => /\.pmtiles$/i.test((url ?? '').split(/[?#]/)[0]!);

/**
 * Middleware placed before Vite's own: for an archive it removes the request's Accept-Encoding (so no
 * compression middleware encodes the answer) and forces the Content-Type, which the file server would
 * otherwise write as an empty string through writeHead().
 */
export function archiveHeaders(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    if (!isArchive(req.url)) return next();
    delete req.headers['accept-encoding'];
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      // writeHead(status, [reason], [headers]): headers given here win over setHeader(), so fix them too.
      for (const arg of args.slice(1)) {
        if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
          for (const name of Object.keys(arg)) {
            if (name.toLowerCase() === 'content-type') delete (arg as Record<string, unknown>)[name];
          }
        }
      }
      this.setHeader('Content-Type', PMTILES_CONTENT_TYPE);
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
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
      server.middlewares.use(archiveHeaders());
    },
  };
}
