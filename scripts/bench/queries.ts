/**
 * Query benchmark: the app's reads AS ANON UNDER RLS, from 50 concurrent clients.
 *
 * Starts a throw-away embedded PostgreSQL 15 with the shim, the migrations and the seed, then 50 pooled
 * connections (as the shim's `authenticator`, like PostgREST) run, each in its own transaction with
 * `set local role anon` and anonymous JWT claims:
 *   province_summary   all years (the app's first paint)
 *   district_summary   one year
 *   unit_year          one year (the map's colours)
 * A bounded number of iterations (ITERATIONS_PER_KIND per kind, shuffled deterministically), timed per
 * transaction; returns p50 and p95 in ms per kind, plus the p50 of the same queries run one at a time
 * (what one visitor waits when nobody else queries). Run alone: npx tsx scripts/bench/queries.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { apiSettings, createProjectDatabase, startEmbeddedPostgres } from '../../supabase/tools/embedded-db';
import { appTypes } from '../../supabase/tools/pg-types';

const CLIENTS = 50;
const ITERATIONS_PER_KIND = 120;
const SINGLE_CLIENT_ITERATIONS = 60;
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

interface Job {
  kind: 'province_summary' | 'district_summary' | 'unit_year';
  sql: string;
  params: unknown[];
}

function jobs(): Job[] {
  const list: Job[] = [];
  for (let i = 0; i < ITERATIONS_PER_KIND; i++) {
    const year = YEARS[i % YEARS.length];
    list.push({
      kind: 'province_summary',
      sql: 'select * from public.province_summary order by year',
      params: [],
    });
    list.push({
      kind: 'district_summary',
      sql: 'select * from public.district_summary where year = $1 order by district_code',
      params: [year],
    });
    list.push({
      kind: 'unit_year',
      sql: 'select * from public.unit_year where year = $1 order by code',
      params: [year],
    });
  }
  // Deterministic interleaving (no Math.random): a fixed stride permutation of the job list.
  const n = list.length;
  const stride = 7; // coprime with 3 · ITERATIONS_PER_KIND
  return list.map((_, i) => list[(i * stride) % n] as Job);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function runAsAnon(pool: pg.Pool, job: Job): Promise<{ ms: number; rows: number }> {
  const client = await pool.connect();
  try {
    const t0 = performance.now();
    await client.query('begin read only');
    // As PostgREST does: role and claims for this transaction only, in one statement.
    await client.query(
      `select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true)`,
    );
    const result = await client.query(job.sql, job.params);
    await client.query('commit');
    return { ms: performance.now() - t0, rows: result.rowCount ?? 0 };
  } finally {
    client.release();
  }
}

export async function benchQueries(): Promise<Record<string, number | string>> {
  const server = await startEmbeddedPostgres();
  try {
    const db = await createProjectDatabase(server.admin, 'laichau_bench');
    const pool = new pg.Pool({ ...apiSettings(db), max: CLIENTS, types: appTypes });
    // An idle connection closed by the server shutdown must not crash the process.
    pool.on('error', () => undefined);
    try {
      // Open all 50 connections and warm the plans before timing.
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => runAsAnon(pool, jobs()[i % 3] as Job)));
      const queue = jobs();
      const timings: Record<Job['kind'], number[]> = {
        province_summary: [],
        district_summary: [],
        unit_year: [],
      };
      const rowCounts: Record<Job['kind'], number> = {
        province_summary: 0,
        district_summary: 0,
        unit_year: 0,
      };
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (;;) {
            const job = queue[next++];
            if (!job) return;
            const { ms, rows } = await runAsAnon(pool, job);
            timings[job.kind].push(ms);
            rowCounts[job.kind] = Math.max(rowCounts[job.kind], rows);
          }
        }),
      );
      const wallMs = performance.now() - t0;
      // The same queries one at a time (no queueing behind our own clients), for comparison.
      const single: Record<Job['kind'], number[]> = {
        province_summary: [],
        district_summary: [],
        unit_year: [],
      };
      for (const job of queue.slice(0, SINGLE_CLIENT_ITERATIONS))
        single[job.kind].push((await runAsAnon(pool, job)).ms);
      const version = (await pool.query('show server_version')).rows[0]?.server_version as string;

      const result: Record<string, number | string> = {
        'queries.postgres': version,
        'queries.clients': CLIENTS,
        'queries.iterations': queue.length,
        'queries.wall_ms': round2(wallMs),
        'queries.per_second': round2((queue.length / wallMs) * 1000),
      };
      for (const kind of Object.keys(timings) as Job['kind'][]) {
        const sorted = [...timings[kind]].sort((a, b) => a - b);
        result[`queries.${kind}.p50_ms`] = round2(percentile(sorted, 50));
        result[`queries.${kind}.p95_ms`] = round2(percentile(sorted, 95));
        const alone = [...single[kind]].sort((a, b) => a - b);
        result[`queries.${kind}.single_client_p50_ms`] = round2(percentile(alone, 50));
        result[`queries.${kind}.max_rows`] = rowCounts[kind];
      }
      return result;
    } finally {
      await pool.end();
    }
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchQueries();
  for (const [key, value] of Object.entries(result)) console.log(`${key.padEnd(48)} ${value}`);
}
