// Starts ONE embedded PostgreSQL 15 for the whole db suite (free port, data in a temp folder), builds
// the project database from the shim + migrations + seed, and hands the connection settings to the
// tests with `provide`. Tests write only inside transactions they roll back.
import type { TestProject } from 'vitest/node';
import {
  createProjectDatabase,
  startEmbeddedPostgres,
  type PgSettings,
  type RunningPostgres,
} from '../../supabase/tools/embedded-db';

let server: RunningPostgres | undefined;

export default async function setup(project: TestProject) {
  server = await startEmbeddedPostgres();
  const db = await createProjectDatabase(server.admin, 'laichau');
  project.provide('pgAdmin', server.admin);
  project.provide('pgDb', db);
  return async () => {
    await server?.stop();
    server = undefined;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser settings for the maintenance database (to create scratch databases). */
    pgAdmin: PgSettings;
    /** Superuser settings for the migrated and seeded project database. */
    pgDb: PgSettings;
  }
}
