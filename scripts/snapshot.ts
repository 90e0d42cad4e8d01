/**
 * `npm run snapshot`: the app's embedded default data, read AS ANON from the Supabase schema.
 *
 * Without DATABASE_URL it starts a throw-away embedded PostgreSQL, applies the Supabase-like test setup
 * (tests/db/supabase-shim.sql), every migration and supabase/seed.sql. With DATABASE_URL it only reads
 * that database. Writes, deterministically (sorted rows, stable formatting, the date from the data):
 *   public/data/snapshot/meta.json        { as_of, source, illustrative, note_vi, note_en, years, frameworks,
 *                                           criteria, units, crosswalk, targets }
 *   public/data/snapshot/summaries.json   { province, district, districts, indicators, statistics }
 *   public/data/snapshot/years/<year>.json UnitYear[]
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createProjectDatabase, startEmbeddedPostgres, type PgSettings } from '../supabase/tools/embedded-db';
import { REPO_ROOT } from '../supabase/tools/paths';
import { appTypes } from '../supabase/tools/pg-types';
import { loadProvince, provinceDir } from './province/load';
import { formatSnapshotJson } from './snapshot/format';
import { readSnapshot } from './snapshot/read';

export const SNAPSHOT_DIR = join(REPO_ROOT, 'public', 'data', 'snapshot');

/** Relative file name → content, in a fixed order. */
export type SnapshotFiles = Map<string, string>;

/**
 * The province the app's snapshot is of: the app serves one province until it is switched over to the
 * province folders (issue 21, item 2); its code is read from the folder, not written here.
 */
export const SNAPSHOT_PROVINCE_SLUG = 'lai-chau';

export function snapshotProvinceCode(): string {
  return loadProvince(provinceDir(SNAPSHOT_PROVINCE_SLUG)).config.code;
}

export async function snapshotFromDatabase(
  connection: PgSettings | string,
  province: string = snapshotProvinceCode(),
): Promise<SnapshotFiles> {
  const client = new pg.Client(
    typeof connection === 'string'
      ? { connectionString: connection, types: appTypes }
      : { ...connection, types: appTypes },
  );
  await client.connect();
  try {
    const data = await readSnapshot(client, province);
    const files: SnapshotFiles = new Map();
    files.set('meta.json', formatSnapshotJson(data.meta));
    files.set('summaries.json', formatSnapshotJson(data.summaries));
    for (const [year, rows] of data.years) files.set(`years/${year}.json`, formatSnapshotJson(rows));
    return files;
  } finally {
    await client.end();
  }
}

/** Writes the files into `outDir` and removes year files that are no longer part of the snapshot. */
export async function writeSnapshotFiles(files: SnapshotFiles, outDir: string): Promise<void> {
  await mkdir(join(outDir, 'years'), { recursive: true });
  for (const name of await readdir(join(outDir, 'years'))) {
    if (name.endsWith('.json') && !files.has(`years/${name}`)) await rm(join(outDir, 'years', name));
  }
  for (const [name, content] of files) await writeFile(join(outDir, name), content);
}

export interface SnapshotOptions {
  outDir?: string;
  /** Read this database instead of building a fresh embedded one (read only). */
  databaseUrl?: string;
}

/** Builds the snapshot (from migrations + seed in a fresh embedded PostgreSQL, or DATABASE_URL). */
export async function runSnapshot(options: SnapshotOptions = {}): Promise<SnapshotFiles> {
  const outDir = options.outDir ?? SNAPSHOT_DIR;
  let files: SnapshotFiles;
  if (options.databaseUrl) {
    files = await snapshotFromDatabase(options.databaseUrl);
  } else {
    const server = await startEmbeddedPostgres();
    try {
      const db = await createProjectDatabase(server.admin, 'laichau_snapshot');
      files = await snapshotFromDatabase(db);
    } finally {
      await server.stop();
    }
  }
  await writeSnapshotFiles(files, outDir);
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const files = await runSnapshot({ databaseUrl });
  let total = 0;
  for (const [name, content] of files) {
    const bytes = Buffer.byteLength(content);
    total += bytes;
    console.log(`${String(bytes).padStart(8)}  public/data/snapshot/${name}`);
  }
  console.log(
    `${String(total).padStart(8)}  total (${databaseUrl ? 'from DATABASE_URL' : 'migrations + seed'})`,
  );
}
