// Serves public/ like `vite preview` does, from the disk (a missing file fails loudly: 404), so the data
// layer can read the committed snapshot in unit tests.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));

export async function diskFetch(url: string): Promise<Response> {
  try {
    return new Response(await readFile(PUBLIC + url.replace(/^\//, '')), { status: 200 });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
