/**
 * Where the app's Total Blocking Time goes: one Lighthouse run (mobile preset) on the built app, then
 * the main-thread tasks of its trace over 10 ms, each with the render stages marked inside it
 * (App.svelte, `ntm:<stage>`), its time by kind and what it adds to TBT under the 4× CPU simulation.
 *
 * Not part of `npm run bench` (one run says where the time goes, not how much there is: use
 * scripts/bench/lighthouse.ts for the figures). Runnable alone: `npx tsx scripts/bench/lighthouse-tasks.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProduction, lighthouseOnce, serve } from './lighthouse';
import { firstContentfulPaintMs, formatTasks, mainThreadTasks, type TraceEvent } from './trace-tasks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'laichau-bench-tasks-'));
  const appDir = path.join(work, 'app');
  try {
    await buildProduction({ root: ROOT, build: { outDir: appDir, emptyOutDir: true } });
    const app = await serve({ root: ROOT, build: { outDir: appDir } });
    try {
      const out = path.join(work, 'app.json');
      const figures = await lighthouseOnce(app.url, out, ['--save-assets']);
      console.log(`lighthouse: ${JSON.stringify(figures)}`);
      const trace = JSON.parse(readFileSync(path.join(work, 'app-0.trace.json'), 'utf8')) as {
        traceEvents: TraceEvent[];
      };
      const rows = mainThreadTasks(trace.traceEvents);
      // Lighthouse counts blocking from its simulated first paint on: tasks before it add nothing.
      console.log(`first contentful paint in this trace: ${firstContentfulPaintMs(trace.traceEvents)} ms`);
      console.log('   start  duration  TBT share (4×) [stages] (parts, ms)');
      console.log(formatTasks(rows));
      console.log(`tasks over 12.5 ms: ${rows.filter((r) => r.blocking_ms > 0).length}`);
    } finally {
      await new Promise<void>((resolve) => app.server.httpServer.close(() => resolve()));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
