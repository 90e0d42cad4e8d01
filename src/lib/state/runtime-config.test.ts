import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, mergeRuntimeConfig } from './runtime-config';

const env = {
  VITE_SUPABASE_URL: 'https://built.supabase.co',
  VITE_SUPABASE_ANON_KEY: 'built-key',
  VITE_BASEMAP_STYLE_URL: '',
};

/** A fetch that answers config.json with the given body, status and content type; records the URL. */
function serving(body: string, status = 200, type = 'application/json') {
  const calls: string[] = [];
  const fetchFn = async (input: string) => {
    calls.push(input);
    return new Response(status === 404 ? 'not found' : body, { status, headers: { 'content-type': type } });
  };
  return { fetchFn, calls };
}

describe('runtime config (config.json over the build-time values)', () => {
  it('reads config.json under the base URL and overrides the build values key by key', async () => {
    const { fetchFn, calls } = serving(JSON.stringify({ supabaseUrl: 'https://fake.supabase.co' }));
    const c = await loadRuntimeConfig({ base: '/ntm/', env, fetchFn });
    expect(calls).toEqual(['/ntm/config.json']);
    expect(c).toMatchObject({
      supabaseUrl: 'https://fake.supabase.co',
      supabaseAnonKey: 'built-key',
      basemapStyleUrl: null,
      origin: 'file',
      warnings: [],
    });
  });

  it('null switches a setting off (snapshot only)', async () => {
    const { fetchFn } = serving(
      JSON.stringify({ supabaseUrl: null, basemapStyleUrl: 'https://b/style.json' }),
    );
    const c = await loadRuntimeConfig({ base: '/', env, fetchFn });
    expect(c.supabaseUrl).toBeNull();
    expect(c.basemapStyleUrl).toBe('https://b/style.json');
  });

  it('keeps the build values when the file is absent, an HTML fallback page, or not JSON', async () => {
    for (const [body, status, type] of [
      ['', 404, 'text/plain'],
      ['<!doctype html><title>app</title>', 200, 'text/html'],
      ['{ not json', 200, 'application/json'],
      ['[1,2]', 200, 'application/json'],
    ] as const) {
      const c = await loadRuntimeConfig({ base: '/', env, fetchFn: serving(body, status, type).fetchFn });
      expect(c).toMatchObject({ supabaseUrl: 'https://built.supabase.co', supabaseAnonKey: 'built-key' });
      expect(c.origin).toBe('build');
    }
  });

  it('survives a network error and a server error, saying why', async () => {
    const offline = await loadRuntimeConfig({
      base: '/',
      env,
      fetchFn: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(offline).toMatchObject({ supabaseUrl: 'https://built.supabase.co', origin: 'build' });
    expect(offline.warnings[0]).toMatch(/Failed to fetch/);
    const broken = await loadRuntimeConfig({
      base: '/',
      env,
      fetchFn: serving('oops', 500, 'text/plain').fetchFn,
    });
    expect(broken.warnings).toEqual(['config.json: HTTP 500']);
  });

  it('ignores keys of the wrong type and unknown keys, with a warning each', () => {
    const r = mergeRuntimeConfig(
      { supabaseUrl: 'a', supabaseAnonKey: 'b', basemapStyleUrl: null },
      { supabaseUrl: 42, supabaseAnonKey: '  ', extra: true },
    );
    expect(r.config).toEqual({ supabaseUrl: 'a', supabaseAnonKey: 'b', basemapStyleUrl: null });
    expect(r.warnings).toHaveLength(3);
  });
});
