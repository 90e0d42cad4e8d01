import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file's location (supabase/tools/). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MIGRATIONS_DIR = join(REPO_ROOT, 'supabase', 'migrations');
export const SEED_FILE = join(REPO_ROOT, 'supabase', 'seed.sql');
export const SHIM_FILE = join(REPO_ROOT, 'tests', 'db', 'supabase-shim.sql');
/** The migration generated from data/reference by supabase/generate-reference.ts. */
export const REFERENCE_MIGRATION = join(MIGRATIONS_DIR, '20260115000400_reference_data.sql');
