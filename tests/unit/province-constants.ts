/**
 * Where Lai Châu is written into the project outside its own folder (provinces/lai-chau/) and the tests:
 * its province code 12, its unit and district codes, its name, the `laichau` prefix and its targets
 * document 98-KL/TU. Used by province-constants.test.ts against the committed list of places that remain
 * (province-constants.remaining.json), the to-do list of "a province is configuration".
 *
 * Print the current places (to update the list after removing some):
 *   npx tsx tests/unit/province-constants.ts > tests/unit/province-constants.remaining.json
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProvince, provinceDir } from '../../scripts/province/load.ts';
import { districtsOf } from '../../tiles/build/reference-units.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';

/** Never scanned, with the reason. Paths relative to the repository, '/'-separated; a trailing '/' is a folder. */
export const EXEMPT: readonly { path: string; why: string }[] = [
  { path: 'provinces/lai-chau/', why: "Lai Châu's own folder: the one place its constants belong" },
  { path: 'tests/', why: 'tests name the province they test' },
  { path: 'public/tiles/', why: 'build output of npm run tiles, from the scanned sources and config' },
  { path: 'public/data/', why: 'build output of npm run snapshot, from the database and seed' },
  { path: 'supabase/seed.sql', why: 'build output of npm run seed, from supabase/tools (scanned)' },
  { path: 'tiles/out/', why: 'build output of npm run tiles (not committed)' },
  {
    path: 'tiles/national-2025/',
    why: 'the national layer names every province, Lai Châu among them: data, not code',
  },
];

/** A neighbour's outline names its province: geography, not a constant of the code. */
const CONTEXT_FILE = /^provinces\/[^/]+\/context\.geojson$/;

/**
 * Migrations are never rewritten once written: they keep what they say. Those up to this one come from
 * before the province was configuration, up to the migrations that move Lai Châu's existing rows into the
 * per-province shape (issue 21: backfill '12', the legacy province of editors without one) and the attacks
 * their comments quote. Any later migration is scanned: a new one takes the province from its rows.
 */
export const LAST_APPLIED_MIGRATION = '20261204190000';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'test-results', '.tmp']);
/** Code, configuration and data; prose (*.md: provenance, history, the README) is not scanned. */
const SCANNED = /\.(ts|js|mjs|cjs|svelte|html|sql|json|csv|geojson|toml|sh|ya?ml|css)$/;

function isExempt(rel: string): boolean {
  if (EXEMPT.some((e) => (e.path.endsWith('/') ? rel.startsWith(e.path) : rel === e.path))) return true;
  // *.cases.json: test cases shared by a unit test and a database test (one table, two implementations).
  if (/\.(test\.ts|cases\.json)$/.test(rel) || CONTEXT_FILE.test(rel)) return true;
  const migration = /^supabase\/migrations\/(\d{14})_/.exec(rel);
  return migration !== null && (migration[1] ?? '') <= LAST_APPLIED_MIGRATION;
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), out);
    } else if (entry.isFile() && SCANNED.test(entry.name)) out.push(path.join(dir, entry.name));
  }
}

/** The patterns of Lai Châu's constants; unit and district codes come from its own unit lists. */
export function laiChauPatterns(): { name: string; count: (text: string) => number }[] {
  const lai = loadProvince(provinceDir('lai-chau'));
  const units = new Set(lai.periods.flatMap((p) => p.unitList.map((u) => u.code)));
  const districts = new Set(lai.periods.flatMap((p) => districtsOf(p.unitList).map((d) => d.code)));
  const matches = (re: RegExp) => (text: string) => text.match(re)?.length ?? 0;
  const inSet = (re: RegExp, set: Set<string>) => (text: string) =>
    [...text.matchAll(re)].filter((m) => set.has(m[2] ?? m[1] ?? '')).length;
  return [
    { name: 'name', count: matches(/Lai[ \u00a0]Ch(?:âu|au)/giu) },
    { name: 'prefix', count: matches(/laichau/gi) },
    { name: 'targets document', count: matches(/98-KL\/TU/g) },
    // The province code as a string or an outline id: "12", '12', VN-12-.
    { name: 'province code', count: matches(/(["'])12\1|VN-12-/g) },
    { name: 'unit code', count: inSet(/(?<![\d.])(\d{5})(?![\d.])/g, units) },
    { name: 'district code', count: inSet(/(["'])(\d{3})\1/g, districts) },
  ];
}

/** file (relative, '/'-separated) → number of Lai Châu constants in it; files with none are left out. */
export function scanLaiChauConstants(root = REPO_ROOT): Record<string, number> {
  const patterns = laiChauPatterns();
  const files: string[] = [];
  walk(root, files);
  const found: Record<string, number> = {};
  for (const file of files.sort()) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (isExempt(rel)) continue;
    const text = readFileSync(file, 'utf8').normalize('NFC');
    const n = patterns.reduce((sum, p) => sum + p.count(text), 0);
    if (n > 0) found[rel] = n;
  }
  return found;
}

export const REMAINING_COMMENT =
  "Where Lai Châu's constants remain outside provinces/lai-chau/ and the tests (file → count): the to-do list of issue #21. It only shrinks: tests/unit/province-constants.test.ts fails on a new place or a larger count, and asks to lower a count that went down. Regenerate with: npx tsx tests/unit/province-constants.ts > tests/unit/province-constants.remaining.json";

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const places = scanLaiChauConstants();
  process.stdout.write(`${JSON.stringify({ $comment: REMAINING_COMMENT, places }, null, 2)}\n`);
}
