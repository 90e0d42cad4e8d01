/**
 * Sets response headers over those of a file server (Vite's sirv): it passes some headers in writeHead's own
 * argument, and those win over any setHeader() made before. So the named headers are taken out of that
 * argument, handed to `fix` (lower-case names), and `fix` sets the response's headers just before the head
 * is written.
 */
import type { ServerResponse } from 'node:http';

export function beforeWriteHead(
  res: ServerResponse,
  drop: RegExp,
  fix: (res: ServerResponse, dropped: Record<string, unknown>) => void,
): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // writeHead(status, [reason], [headers])
    const dropped: Record<string, unknown> = {};
    for (const arg of args.slice(1)) {
      if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
        const headers = arg as Record<string, unknown>;
        for (const name of Object.keys(headers)) {
          if (!drop.test(name)) continue;
          dropped[name.toLowerCase()] = headers[name];
          delete headers[name];
        }
      }
    }
    fix(this, dropped);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}
