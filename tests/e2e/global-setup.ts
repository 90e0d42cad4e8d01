// Builds the app once and serves it with `vite preview` in-process (killing an npx wrapper would leave
// the server holding the port), then hands the URL to the browser tests.
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  // Under vitest NODE_ENV is 'test', which would compile Svelte in dev mode: test the production build.
  process.env.NODE_ENV = 'production';
  // Each run builds into its own folder, so two runs at once (or `npm run preview` beside a test) never
  // serve each other's half-written files.
  const outDir = mkdtempSync(path.join(tmpdir(), 'laichau-e2e-'));
  await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  server = await preview({
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
