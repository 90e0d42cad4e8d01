/** The first view's HTML from the public folder's snapshot and static map (used by the build plugin). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPosterInput } from './poster-input';
import { escapeHtml, posterHtml } from './poster';
import { documentTitle } from '../i18n/messages';

/** A `fetch` over the public folder (paths as the app requests them, from the site root). */
export function publicFetch(publicDir: string) {
  const root = path.resolve(publicDir);
  return async (input: string): Promise<Response> => {
    const rel = decodeURIComponent(new URL(input, 'http://site/').pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return new Response(null, { status: 404 });
    try {
      return new Response(await readFile(file), { headers: { 'content-type': 'application/json' } });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

export async function buildPosterHtml(publicDir: string): Promise<string> {
  return posterHtml(await loadPosterInput(publicFetch(publicDir)));
}

/** The page's title in its default language, as HTML text (the app sets it again in the reader's language). */
export const pageTitleHtml = (): string => escapeHtml(documentTitle('vi'));
