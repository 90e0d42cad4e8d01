// A fake Supabase project for the browser tests, served by Playwright request interception: the built
// app is pointed at it through the runtime config (config.json, intercepted too), without a rebuild.
// Healthy mode answers the PostgREST views the app reads with the committed snapshot's rows, so a test
// can tell "served by Supabase" from "fell back to the snapshot"; the other modes misbehave on purpose.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Route } from 'playwright-core';

export const FAKE_SUPABASE_URL = 'https://fake-ntm.supabase.co';
export const FAKE_ANON_KEY = 'test-anon-key';

export type SupabaseMode = 'healthy' | 'slow' | 'failing' | 'garbage';

const snapshot = (file: string): unknown =>
  JSON.parse(readFileSync(`public/data/snapshot/${file}`, 'utf8')) as unknown;

/** View name → rows, from the snapshot (the views have the snapshot's field names). */
function viewRows(view: string, year: string | null): unknown[] | undefined {
  const meta = snapshot('meta.json') as Record<string, unknown[]> & Record<string, unknown>;
  const summaries = snapshot('summaries.json') as Record<string, unknown[] | undefined>;
  switch (view) {
    case 'dataset':
      return [
        {
          id: 1,
          as_of: meta.as_of,
          illustrative: meta.illustrative,
          note_vi: meta.note_vi,
          note_en: meta.note_en,
        },
      ];
    case 'framework':
      return meta.frameworks;
    case 'criterion':
      return meta.criteria;
    case 'unit':
      return meta.units;
    case 'crosswalk':
      return meta.crosswalk;
    case 'target':
      return meta.targets;
    case 'province_summary':
      return summaries.province;
    case 'district_summary':
      return summaries.district;
    case 'district_year':
      return summaries.districts;
    case 'indicator_value':
      return summaries.indicators;
    case 'statistic_value':
      return summaries.statistics ?? [];
    case 'unit_year':
      return year ? (snapshot(`years/${year}.json`) as unknown[]) : [];
    default:
      return undefined;
  }
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
};

/** Requests the fake received (method and path + query), for assertions. */
export interface FakeSupabase {
  requests: string[];
  /** Lets the 'slow' mode's pending answers go (call before closing the page). */
  release(): void;
}

export async function routeRuntimeConfig(target: Page | BrowserContext, config: Record<string, unknown>) {
  await target.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }),
  );
}

/** Points the app at the fake project (config.json) and answers it in the given mode. */
export async function fakeSupabase(target: Page | BrowserContext, mode: SupabaseMode): Promise<FakeSupabase> {
  const requests: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await routeRuntimeConfig(target, { supabaseUrl: FAKE_SUPABASE_URL, supabaseAnonKey: FAKE_ANON_KEY });
  await target.route(`${FAKE_SUPABASE_URL}/**`, async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    requests.push(`${request.method()} ${url.pathname}${url.search}`);
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    if (mode === 'slow') {
      // Never answers within the app's 5 s deadline; answered (late) when the test releases it.
      await released;
      return route
        .fulfill({ status: 200, headers: CORS, contentType: 'application/json', body: '[]' })
        .catch(() => {});
    }
    if (mode === 'failing') {
      return route.fulfill({
        status: 503,
        headers: CORS,
        contentType: 'application/json',
        body: JSON.stringify({ message: 'upstream unavailable' }),
      });
    }
    if (mode === 'garbage') {
      const body = url.pathname.endsWith('/dataset') ? '{"not":"a list"}' : '[{"what":"ever"},42,null]';
      return route.fulfill({ status: 200, headers: CORS, contentType: 'application/json', body });
    }
    const view = url.pathname.replace(/^\/rest\/v1\//, '');
    const year = url.searchParams.get('year')?.replace(/^eq\./, '') ?? null;
    const rows = viewRows(view, year);
    if (!rows) {
      return route.fulfill({
        status: 404,
        headers: CORS,
        contentType: 'application/json',
        body: '{"message":"no such view"}',
      });
    }
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? rows.length);
    return route.fulfill({
      status: 200,
      headers: CORS,
      contentType: 'application/json',
      body: JSON.stringify(rows.slice(offset, offset + limit)),
    });
  });
  return { requests, release };
}
