/**
 * Settings read when the page starts, not when it is built: `${BASE_URL}config.json` (optional).
 * A deployer can point one build at another Supabase project or basemap by editing public/config.json
 * (shipped as {} = keep the build's values; served next to index.html), and the browser tests point the
 * built app at a fake Supabase the same way.
 *
 * config.json: { "supabaseUrl": "https://xyz.supabase.co", "supabaseAnonKey": "…", "basemapStyleUrl": "…" }
 * Every key is optional; a missing key keeps the build-time value (VITE_SUPABASE_URL,
 * VITE_SUPABASE_ANON_KEY, VITE_BASEMAP_STYLE_URL); null switches the setting off (e.g. snapshot only).
 * No file (404), an HTML page (an SPA fallback) or unreadable JSON: the build-time values, and a warning
 * in the console — the page never fails because of this file.
 *
 * The Content-Security-Policy (index.html) lets the page connect to 'self' and https://*.supabase.co
 * only: a project on another host needs that host added to connect-src.
 */

import { globalFetch, type FetchFn } from '../data/http';

export interface RuntimeConfig {
  supabaseUrl: string | null;
  supabaseAnonKey: string | null;
  basemapStyleUrl: string | null;
  /** Where the values came from: 'file' when config.json was read, else 'build'. */
  origin: 'file' | 'build';
  /** Why config.json (or a key of it) was ignored, in English, for the console. */
  warnings: string[];
}

export interface BuildEnv {
  VITE_SUPABASE_URL?: string;
  VITE_SUPABASE_ANON_KEY?: string;
  VITE_BASEMAP_STYLE_URL?: string;
}

const KEYS = ['supabaseUrl', 'supabaseAnonKey', 'basemapStyleUrl'] as const;
type Key = (typeof KEYS)[number];

/** The build-time values (import.meta.env), empty strings as null. */
export function fromBuildEnv(env: BuildEnv): Omit<RuntimeConfig, 'origin' | 'warnings'> {
  const clean = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
  return {
    supabaseUrl: clean(env.VITE_SUPABASE_URL),
    supabaseAnonKey: clean(env.VITE_SUPABASE_ANON_KEY),
    basemapStyleUrl: clean(env.VITE_BASEMAP_STYLE_URL),
  };
}

/** Applies a parsed config.json over the build-time values; pure, for tests. */
export function mergeRuntimeConfig(defaults: Omit<RuntimeConfig, 'origin' | 'warnings'>, raw: unknown) {
  const warnings: string[] = [];
  const out = { ...defaults };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    warnings.push('config.json is not a JSON object: ignored');
    return { config: out, warnings, used: false };
  }
  const record = raw as Record<string, unknown>;
  for (const key of KEYS) {
    if (!(key in record)) continue;
    const value = record[key];
    if (value === null) out[key] = null;
    else if (typeof value === 'string' && value.trim() !== '') out[key as Key] = value.trim();
    else warnings.push(`config.json: "${key}" must be a non-empty string or null: ignored`);
  }
  for (const key of Object.keys(record)) {
    if (!(KEYS as readonly string[]).includes(key))
      warnings.push(`config.json: unknown key "${key}" ignored`);
  }
  return { config: out, warnings, used: true };
}

export async function loadRuntimeConfig(
  options: { base?: string; env?: BuildEnv; fetchFn?: FetchFn; timeoutMs?: number } = {},
): Promise<RuntimeConfig> {
  const base = options.base ?? import.meta.env.BASE_URL;
  const defaults = fromBuildEnv(options.env ?? (import.meta.env as BuildEnv));
  const fetchFn: FetchFn = options.fetchFn ?? globalFetch;
  let response: Response;
  try {
    // no-cache: revalidate with the server, so a changed config.json applies on the next visit.
    response = await fetchFn(`${base}config.json`, {
      cache: 'no-cache',
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...defaults, origin: 'build', warnings: [`config.json not loaded (${why})`] };
  }
  if (response.status === 404) return { ...defaults, origin: 'build', warnings: [] };
  if (!response.ok) {
    return { ...defaults, origin: 'build', warnings: [`config.json: HTTP ${response.status}`] };
  }
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/html')) {
    // A static host answering every path with index.html: there is no config.json.
    return { ...defaults, origin: 'build', warnings: [] };
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    return { ...defaults, origin: 'build', warnings: ['config.json is not valid JSON: ignored'] };
  }
  const merged = mergeRuntimeConfig(defaults, raw);
  return { ...merged.config, origin: merged.used ? 'file' : 'build', warnings: merged.warnings };
}
