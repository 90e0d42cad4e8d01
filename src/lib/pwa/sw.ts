/**
 * The service worker (built to /sw.js by build/pwa-plugin.ts, which fills in MANIFEST): after one visit
 * the app, the data snapshot and the boundary archives the visit used work offline.
 *
 * - install: precache the first view (index.html, the entry chunk, its CSS and fonts) and the small JSON
 *   files (runtime config, data snapshot, tile indexes, static maps, attribution), listed at build time.
 *   What the previous version had cached at run time is fetched again, so a user offline after an
 *   update still has the archives and the interactive map they had.
 * - the lazy chunks (MapLibre and its worker, the targets view, the editors' screens): cache-first,
 *   cached when a visit first uses them — a phone that never opens the interactive map never downloads
 *   MapLibre for the cache.
 * - navigations: the cached index.html (the app shell), whatever the query string (the view state).
 * - /tiles/*.pmtiles: cache-first with Range support. The Cache API cannot store 206 answers, so the
 *   whole archive is cached (fetched in the background on the first Range request, which goes to the
 *   network meanwhile) and Range requests are answered with 206 slices of it (range.ts). Every archive is
 *   checked against its true length before it is stored and before it is served (archive-check.ts): a
 *   cut-short copy (a gzipping server, a broken download) is dropped and the network answers instead.
 * - other files under /data/ and /tiles/, and the precached files: cache-first.
 * - config.json (runtime settings): network first, cache when offline.
 * - everything else (Supabase on another host, POSTs): not touched.
 * The page can ask it to cache URLs it fetched before the worker took control ({ type: 'warm', urls }).
 *
 * Caches are named with the build's version (a hash of the shell and of public/data and public/tiles),
 * so new data or code means new caches, and the old ones are deleted on activation.
 */
import { archiveProblem, contentRangeTotal } from './archive-check';
import { keptHeaders, sliceRange } from './range';

// Minimal service-worker types: the project's TypeScript lib is the DOM's, not WebWorker's.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', l: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', l: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', l: (e: ExtendableMessageEvent) => void): void;
}

interface Manifest {
  version: string;
  /** Paths relative to the scope: the first view (index.html, assets/…) and the small data files. */
  precache: string[];
  /** Hashed files loaded on demand (assets/…): cached on first use. */
  lazy: string[];
}

// Replaced at build time by the plugin with the JSON of the build's Manifest.
const MANIFEST = JSON.parse('__NTM_SW_MANIFEST__') as Manifest;

const sw = self as unknown as WorkerScope;
const SCOPE = new URL(sw.registration.scope);
const SHELL_CACHE = `ntm-shell-${MANIFEST.version}`;
const DATA_CACHE = `ntm-data-${MANIFEST.version}`;
const INDEX_URL = new URL('index.html', SCOPE).href;
const CONFIG_URL = new URL('config.json', SCOPE).href;
const PRECACHED = new Set(MANIFEST.precache.map((p) => new URL(p, SCOPE).href));
const LAZY = new Set(MANIFEST.lazy.map((p) => new URL(p, SCOPE).href));

const inScope = (url: URL, dir: string) => url.href.startsWith(new URL(dir, SCOPE).href);
const isArchive = (url: URL) => inScope(url, 'tiles/') && url.pathname.endsWith('.pmtiles');
const isDataFile = (url: URL) => inScope(url, 'tiles/') || inScope(url, 'data/');
const bare = (url: URL) => url.href.split('#')[0]!.split('?')[0]!;

/**
 * True lengths of archives, from the Content-Range totals of the network's 206 answers this worker
 * relayed: a stored copy must have exactly that many bytes.
 */
const trueLength = new Map<string, number>();

/** The archive's bytes when whole; null (and a console note saying why) when not. */
function wholeArchive(href: string, bytes: ArrayBuffer): ArrayBuffer | null {
  const problem = archiveProblem(bytes, trueLength.get(href) ?? null);
  if (problem) console.warn(`Service worker: ${href} is not whole (${problem}); fetching it again`);
  return problem ? null : bytes;
}

/**
 * Fetches the whole file (no Range) and stores it; resolves false when that was not possible. An archive
 * is stored only when whole, and fetched past the browser's HTTP cache: that cache can hold gzipped Range
 * answers, from which Chromium has rebuilt a cut-short archive (the worker's cache is the archive's cache).
 */
async function storeWhole(cache: Cache, href: string): Promise<boolean> {
  const archive = isArchive(new URL(href));
  try {
    const response = await fetch(href, { cache: archive ? 'no-store' : 'no-cache' });
    if (response.status !== 200) return false;
    if (!archive) {
      await cache.put(href, response);
      return true;
    }
    const bytes = wholeArchive(href, await response.arrayBuffer());
    if (bytes) await cache.put(href, new Response(bytes, { headers: keptHeaders(response.headers) }));
    return bytes !== null;
  } catch {
    return false;
  }
}

/** The cached archive's bytes and headers when it is cached and whole; a cut-short copy is deleted. */
async function cachedArchive(href: string): Promise<{ bytes: ArrayBuffer; headers: Headers } | null> {
  const cached = await caches.match(href);
  if (!cached) return null;
  const bytes = wholeArchive(href, await cached.arrayBuffer());
  if (bytes) return { bytes, headers: cached.headers };
  for (const name of await caches.keys()) {
    if (name.startsWith('ntm-')) await (await caches.open(name)).delete(href);
  }
  return null;
}

/** What earlier versions cached at run time and this version still serves, to carry over. */
async function previousDataUrls(): Promise<string[]> {
  const urls: string[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith('ntm-data-') || name === DATA_CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const url = new URL(request.url);
      if (isDataFile(url) || LAZY.has(url.href)) urls.push(url.href);
    }
  }
  return [...new Set(urls)];
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll([...PRECACHED]);
      const data = await caches.open(DATA_CACHE);
      await Promise.all((await previousDataUrls()).map((href) => storeWhole(data, href)));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, DATA_CACHE]);
      for (const name of await caches.keys()) {
        if (name.startsWith('ntm-') && !keep.has(name)) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

async function fromCacheFirst(request: Request, href: string): Promise<Response> {
  const cached = (await caches.match(href)) ?? undefined;
  if (cached) return cached;
  const response = await fetch(request);
  if (response.status === 200 && response.type === 'basic') {
    const copy = response.clone();
    void caches.open(DATA_CACHE).then((c) => c.put(href, copy));
  }
  return response;
}

/** Whole-archive downloads in flight: pmtiles fires many Range requests at once, download once. */
const storing = new Map<string, Promise<boolean>>();

function storeOnce(href: string): Promise<boolean> {
  let p = storing.get(href);
  if (!p) {
    p = caches
      .open(DATA_CACHE)
      .then((c) => storeWhole(c, href))
      .finally(() => storing.delete(href));
    storing.set(href, p);
  }
  return p;
}

async function archive(event: FetchEvent, href: string): Promise<Response> {
  const range = event.request.headers.get('range');
  const cached = await cachedArchive(href);
  if (cached) return sliceRange(cached.bytes, cached.headers, range);
  // Not cached (or the copy was not whole): answer this request from the network at once (past the HTTP
  // cache, as storeWhole), and cache the whole archive behind it.
  event.waitUntil(storeOnce(href));
  const response = await fetch(new Request(event.request, { cache: 'no-store' }));
  const total = contentRangeTotal(response.headers.get('content-range'));
  if (total !== null) trueLength.set(href, total);
  return response;
}

async function networkFirst(request: Request, href: string): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.status === 200) {
      const copy = response.clone();
      void caches.open(DATA_CACHE).then((c) => c.put(href, copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(href);
    if (cached) return cached;
    throw error;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  const href = bare(url);
  if (request.mode === 'navigate' && (href === SCOPE.href || href === INDEX_URL)) {
    event.respondWith(caches.match(INDEX_URL).then((r) => r ?? fetch(request)));
  } else if (href === CONFIG_URL) {
    event.respondWith(networkFirst(request, href));
  } else if (isArchive(url)) {
    event.respondWith(archive(event, href));
  } else if (PRECACHED.has(href) || LAZY.has(href) || isDataFile(url)) {
    event.respondWith(fromCacheFirst(request, href));
  }
});

sw.addEventListener('message', (event) => {
  const message = event.data as { type?: string; urls?: unknown } | null;
  if (message?.type !== 'warm' || !Array.isArray(message.urls)) return;
  const urls = message.urls
    .filter((u): u is string => typeof u === 'string')
    .map((u) => new URL(u, SCOPE))
    .filter((u) => u.origin === SCOPE.origin && (isDataFile(u) || LAZY.has(bare(u))))
    .map(bare);
  event.waitUntil(
    (async () => {
      const cache = await caches.open(DATA_CACHE);
      let stored = 0;
      for (const href of new Set(urls)) {
        const archive = isArchive(new URL(href));
        const have = archive
          ? (await cachedArchive(href)) !== null
          : (await caches.match(href)) !== undefined;
        if (have || (await (archive ? storeOnce(href) : storeWhole(cache, href)))) stored++;
      }
      event.ports[0]?.postMessage({ type: 'warmed', stored, version: MANIFEST.version });
    })(),
  );
});
