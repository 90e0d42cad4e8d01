/**
 * Fetching JSON for the data sources, the tile indexes and the data worker: one place that turns a
 * network failure, an HTTP error or broken JSON into a DataError with bilingual messages. Zod-free, so
 * the page's entry chunk can use it without loading any parser.
 */
import { DataError } from './data-error';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** The global fetch, looked up at each call (so tests can stub it) and never called as a method. */
export const globalFetch: FetchFn = (input, init) => fetch(input, init);

/** Base URL with exactly one trailing slash ('' → './'). */
export function normaliseBase(baseUrl: string): string {
  if (baseUrl === '') return './';
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/** The host of a URL, for labels and messages (the URL itself, cut short, when it cannot be parsed). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 60);
  }
}

/** GET a JSON file; network failure, HTTP error and invalid JSON become DataErrors. */
export async function fetchJson(
  fetchFn: FetchFn,
  url: string,
  resource: string,
  signal?: AbortSignal,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, { signal, headers: { Accept: 'application/json' } });
  } catch (cause) {
    const name = (cause as { name?: string } | null)?.name;
    throw new DataError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', resource, {
      cause,
    });
  }
  if (!res.ok) throw new DataError('http', resource, { status: res.status });
  let body: string;
  try {
    body = await res.text();
  } catch (cause) {
    throw new DataError('network', resource, { cause });
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (cause) {
    throw new DataError('json', resource, { cause });
  }
}
