import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FRAMEWORKS } from '../../src/lib/domain/frameworks.ts';
import { codeOf, readFeatures } from '../../tiles/build/features.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';
import {
  districtsOf,
  parseSimpleCsv,
  readReferenceUnits,
  type ReferenceUnit,
} from '../../tiles/build/reference-units.ts';
import {
  provinceSchema,
  targetsSchema,
  type PeriodConfig,
  type ProvinceConfig,
  type TargetConfig,
  type TargetsDocument,
} from './schema.ts';

/**
 * Reads a province folder (provinces/<slug>/), checks it against the schema and across its files, and
 * returns it with every path resolved. Pure apart from reading files: the tile build and any script use
 * it, and a bad folder stops them with every problem found, each naming its file and its field or row.
 */

/** Where the province folders are. */
export const PROVINCES_DIR = path.join(REPO_ROOT, 'provinces');
export const PROVINCE_FILE = 'province.json';

export class ProvinceError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${display(dir)}: ${problems.length} problem(s) in the province folder\n- ${problems.join('\n- ')}`,
    );
    this.name = 'ProvinceError';
  }
}

export interface LoadedPeriod extends PeriodConfig {
  /** The unit list, read and sorted by code. */
  unitList: ReferenceUnit[];
}

/** A target with the document's defaults filled in. */
export interface ResolvedTarget extends Omit<TargetConfig, 'baseline_year' | 'period' | 'source'> {
  baseline_year: number;
  period: { from: number; to: number };
  source: string;
}

export interface LoadedProvince {
  /** Absolute path of the folder. */
  dir: string;
  config: ProvinceConfig;
  /** In year order. */
  periods: LoadedPeriod[];
  /** The targets document, or null when the province has none (its figures are shown, not judged). */
  targets: { document: TargetsDocument['document']; targets: ResolvedTarget[] } | null;
  /** An absolute path for a path written in the folder's files. */
  resolve(relative: string): string;
}

/** A path for messages: relative to the repository when inside it. */
function display(file: string): string {
  const rel = path.relative(REPO_ROOT, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

function fieldOf(issuePath: readonly PropertyKey[]): string {
  return issuePath.length > 0 ? issuePath.map(String).join('.') : '(top level)';
}

function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const got = 'input' in issue && issue.input !== undefined ? ` (got ${JSON.stringify(issue.input)})` : '';
    return `${display(file)}: ${fieldOf(issue.path)}: ${issue.message}${got}`;
  });
}

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    problems.push(`${display(file)}: cannot be read as JSON: ${(e as Error).message}`);
    return undefined;
  }
}

const overlaps = (a: { from: number; to: number | null }, b: { from: number; to: number | null }) =>
  a.from <= (b.to ?? Infinity) && b.from <= (a.to ?? Infinity);

/** Years: each period's range is valid, ranges are contiguous and do not overlap; only the last is open. */
function checkYears(file: string, periods: readonly PeriodConfig[], problems: string[]): void {
  periods.forEach((p, i) => {
    if (p.years.to !== null && p.years.to < p.years.from)
      problems.push(`${file}: periods.${i}.years: ends (${p.years.to}) before it starts (${p.years.from})`);
  });
  const ordered = periods.map((p, i) => ({ p, i })).sort((a, b) => a.p.years.from - b.p.years.from);
  ordered.forEach(({ p, i }, k) => {
    if (k !== i) problems.push(`${file}: periods.${i}: periods must be listed in year order`);
    const next = ordered[k + 1];
    if (!next) return;
    if (overlaps(p.years, next.p.years))
      problems.push(
        `${file}: periods.${next.i}.years: ${next.p.years.from}– overlaps period ${p.id} (${p.years.from}–${p.years.to ?? ''})`,
      );
    else if (p.years.to === null || next.p.years.from !== p.years.to + 1)
      problems.push(
        `${file}: periods.${next.i}.years.from: ${next.p.years.from} does not follow period ${p.id}, which ends in ${p.years.to ?? '(open)'}`,
      );
  });
  const ids = periods.map((p) => p.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`${file}: periods.${i}.id: "${id}" is used twice`);
  });
}

/** The codes of a boundary file's features, against the expected codes, both ways. */
function checkBoundaryCodes(
  boundaryFile: string,
  property: string,
  digits: number,
  expected: readonly string[],
  listFile: string,
  field: string,
  problems: string[],
): void {
  let codes: Set<string>;
  try {
    codes = new Set(
      readFeatures(boundaryFile).map((f) => codeOf(f, property, digits, display(boundaryFile))),
    );
  } catch (e) {
    problems.push(`${field}: ${(e as Error).message}`);
    return;
  }
  const want = new Set(expected);
  const missing = expected.filter((c) => !codes.has(c));
  const extra = [...codes].filter((c) => !want.has(c)).sort();
  const parts = [
    missing.length ? `units without a boundary: ${missing.join(', ')}` : '',
    extra.length ? `codes not in the unit list: ${extra.join(', ')}` : '',
  ].filter(Boolean);
  if (parts.length)
    problems.push(
      `${display(boundaryFile)} (${field}): its "${property}" codes do not match ${display(listFile)}: ${parts.join('; ')}`,
    );
}

function checkPeriodFiles(
  province: string,
  dir: string,
  p: PeriodConfig,
  i: number,
  problems: string[],
): ReferenceUnit[] | null {
  const at = (rel: string) => path.resolve(dir, rel);
  const field = (f: string) => `${province}: periods.${i}.${f}`;
  const exists = (rel: string, f: string) => {
    if (existsSync(at(rel))) return true;
    problems.push(`${field(f)}: file ${display(at(rel))} does not exist`);
    return false;
  };
  p.sources.forEach((s, k) => exists(s, `sources.${k}`));
  if (!exists(p.units, 'units')) return null;
  let units: ReferenceUnit[];
  try {
    units = readReferenceUnits(at(p.units));
  } catch (e) {
    problems.push(`${field('units')}: ${(e as Error).message}`);
    return null;
  }
  const { communes, districts, province: outline } = p.boundaries;
  if (exists(communes.file, 'boundaries.communes.file'))
    checkBoundaryCodes(
      at(communes.file),
      communes.code_property,
      5,
      units.map((u) => u.code),
      at(p.units),
      field('boundaries.communes'),
      problems,
    );
  const withDistrict = units.filter((u) => u.district_code !== null).length;
  if (districts === null && withDistrict > 0)
    problems.push(`${field('boundaries.districts')}: null, but ${display(at(p.units))} names districts`);
  if (districts !== null && withDistrict !== units.length)
    problems.push(
      `${field('boundaries.districts')}: the period has districts, but ${units.length - withDistrict} unit(s) of ${display(at(p.units))} have no district_code`,
    );
  if (districts !== null && 'file' in districts && exists(districts.file, 'boundaries.districts.file'))
    checkBoundaryCodes(
      at(districts.file),
      districts.code_property,
      3,
      districtsOf(units).map((d) => d.code),
      at(p.units),
      field('boundaries.districts'),
      problems,
    );
  if ('file' in outline) exists(outline.file, 'boundaries.province.file');
  return units;
}

function checkCrosswalks(
  province: string,
  dir: string,
  config: ProvinceConfig,
  unitsOf: Map<string, Set<string>>,
  problems: string[],
): void {
  const byId = new Map(config.periods.map((p) => [p.id, p]));
  config.crosswalks.forEach((c, i) => {
    const field = `${province}: crosswalks.${i}`;
    const from = byId.get(c.from);
    const to = byId.get(c.to);
    if (!from) problems.push(`${field}.from: "${c.from}" is not a period of this province`);
    if (!to) problems.push(`${field}.to: "${c.to}" is not a period of this province`);
    if (!from || !to) return;
    if (to.years.from <= from.years.from)
      problems.push(`${field}.to: period ${c.to} does not come after period ${c.from}`);
    const file = path.resolve(dir, c.file);
    if (!existsSync(file)) {
      problems.push(`${field}.file: file ${display(file)} does not exist`);
      return;
    }
    let rows: Record<string, string>[];
    try {
      rows = parseSimpleCsv(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${display(file)}: ${(e as Error).message}`);
      return;
    }
    for (const [column, key] of [
      [c.from_column, 'from_column'],
      [c.to_column, 'to_column'],
    ] as const)
      if (rows[0] && !(column in rows[0]))
        problems.push(`${field}.${key}: ${display(file)} has no column "${column}"`);
    const fromUnits = unitsOf.get(c.from);
    const toUnits = unitsOf.get(c.to);
    if (!fromUnits || !toUnits) return;
    const seenFrom = new Set<string>();
    const seenTo = new Set<string>();
    rows.forEach((r, k) => {
      const row = `${display(file)}: row ${k + 2}`;
      const a = r[c.from_column] ?? '';
      const b = r[c.to_column] ?? '';
      if (!fromUnits.has(a))
        problems.push(`${row}: ${c.from_column} "${a}" is not a unit of period ${c.from}`);
      if (!toUnits.has(b)) problems.push(`${row}: ${c.to_column} "${b}" is not a unit of period ${c.to}`);
      seenFrom.add(a);
      seenTo.add(b);
    });
    const unlinkedFrom = [...fromUnits].filter((u) => !seenFrom.has(u));
    const unlinkedTo = [...toUnits].filter((u) => !seenTo.has(u));
    if (unlinkedFrom.length)
      problems.push(`${display(file)}: no row for unit(s) ${unlinkedFrom.join(', ')} of period ${c.from}`);
    if (unlinkedTo.length)
      problems.push(`${display(file)}: unit(s) ${unlinkedTo.join(', ')} of period ${c.to} come from no row`);
  });
  const ordered = [...config.periods].sort((a, b) => a.years.from - b.years.from);
  for (let k = 1; k < ordered.length; k++) {
    const [a, b] = [ordered[k - 1]!, ordered[k]!];
    if (!config.crosswalks.some((c) => c.from === a.id && c.to === b.id))
      problems.push(`${province}: crosswalks: none links period ${a.id} to period ${b.id}`);
  }
}

/** The frameworks whose years meet [from, to]. */
function frameworksDuring(from: number, to: number) {
  return FRAMEWORKS.filter((f) => f.first_year <= to && from <= f.last_year);
}

function loadTargets(
  dir: string,
  rel: string,
  province: string,
  problems: string[],
): LoadedProvince['targets'] {
  const file = path.resolve(dir, rel);
  if (!existsSync(file)) {
    problems.push(`${province}: targets: file ${display(file)} does not exist`);
    return null;
  }
  const raw = readJson(file, problems);
  if (raw === undefined) return null;
  const parsed = targetsSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error));
    return null;
  }
  const doc = parsed.data;
  const name = display(file);
  if (!existsSync(path.resolve(dir, doc.document.transcription)))
    problems.push(`${name}: document.transcription: file ${doc.document.transcription} does not exist`);
  const targets = doc.targets.map((t): ResolvedTarget => ({
    ...t,
    baseline_year: t.baseline_year ?? doc.baseline_year,
    period: t.period ?? doc.period,
    source: t.source ?? doc.source,
  }));
  targets.forEach((t, i) => {
    const field = `${name}: targets.${i}`;
    if (targets.findIndex((x) => x.id === t.id) !== i) problems.push(`${field}.id: "${t.id}" is used twice`);
    if (t.period.to < t.period.from) problems.push(`${field}.period: ends before it starts`);
    if (t.baseline_year >= t.period.from)
      problems.push(`${field}.baseline_year: ${t.baseline_year} is not before the period (${t.period.from})`);
    if (t.measure === 'communes_below_threshold') {
      if (t.threshold === undefined) {
        problems.push(`${field}.threshold: required by measure communes_below_threshold`);
        return;
      }
      // The threshold is the national framework's warning line: a document cannot move it.
      for (const f of frameworksDuring(t.period.from, t.period.to))
        if (f.below_threshold !== t.threshold)
          problems.push(
            `${field}.threshold: ${t.threshold}, but the framework ${f.decision} (${f.first_year}–${f.last_year}) warns below ${f.below_threshold ?? 'nothing'}`,
          );
    } else if (t.threshold !== undefined)
      problems.push(`${field}.threshold: only measure communes_below_threshold has a threshold`);
  });
  return { document: doc.document, targets };
}

/** Reads and checks the province folder `dir`; throws a ProvinceError listing every problem. */
export function loadProvince(dir: string): LoadedProvince {
  const abs = path.resolve(dir);
  const file = path.join(abs, PROVINCE_FILE);
  const province = display(file);
  const problems: string[] = [];
  if (!existsSync(file)) throw new ProvinceError(abs, [`${province}: file does not exist`]);
  const raw = readJson(file, problems);
  const parsed = raw === undefined ? null : provinceSchema.safeParse(raw, { reportInput: true });
  if (!parsed?.success) {
    if (parsed) problems.push(...zodProblems(file, parsed.error));
    throw new ProvinceError(abs, problems);
  }
  const config = parsed.data;
  const resolve = (rel: string) => path.resolve(abs, rel);

  if (config.slug !== path.basename(abs))
    problems.push(`${province}: slug: "${config.slug}" is not the folder's name "${path.basename(abs)}"`);
  checkYears(province, config.periods, problems);
  const first = Math.min(...config.periods.map((p) => p.years.from));
  const last = Math.max(...config.periods.map((p) => p.years.to ?? Infinity));
  if (config.default_year < first || config.default_year > last)
    problems.push(`${province}: default_year: ${config.default_year} is in no boundary period`);

  const keys = (list: readonly string[], field: string) =>
    list.forEach((key, k) => {
      if (!(key in config.attributions))
        problems.push(`${province}: ${field}.${k}: unknown attribution key "${key}"`);
    });
  config.periods.forEach((p, i) => keys(p.attribution, `periods.${i}.attribution`));
  if (config.tiles.context) {
    keys(config.tiles.context.attribution, 'tiles.context.attribution');
    if (!existsSync(resolve(config.tiles.context.file)))
      problems.push(`${province}: tiles.context.file: file ${config.tiles.context.file} does not exist`);
  }

  const periods: LoadedPeriod[] = [];
  const unitsOf = new Map<string, Set<string>>();
  config.periods.forEach((p, i) => {
    const units = checkPeriodFiles(province, abs, p, i, problems);
    if (units) {
      periods.push({ ...p, unitList: units });
      unitsOf.set(p.id, new Set(units.map((u) => u.code)));
    }
  });
  checkCrosswalks(province, abs, config, unitsOf, problems);
  const targets = config.targets === null ? null : loadTargets(abs, config.targets, province, problems);

  if (problems.length > 0) throw new ProvinceError(abs, problems);
  periods.sort((a, b) => a.years.from - b.years.from);
  return { dir: abs, config, periods, targets, resolve };
}

/** The configured provinces: every folder of provinces/ with a province.json, by slug. */
export function listProvinceDirs(root = PROVINCES_DIR): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, PROVINCE_FILE)))
    .map((d) => path.join(root, d.name))
    .sort();
}

/** The folder of the province `slug` (e.g. "dien-bien"). */
export function provinceDir(slug: string, root = PROVINCES_DIR): string {
  const dir = path.join(root, slug);
  if (!existsSync(path.join(dir, PROVINCE_FILE))) {
    const known = listProvinceDirs(root).map((d) => path.basename(d));
    throw new Error(`no province "${slug}" in ${display(root)} (configured: ${known.join(', ') || 'none'})`);
  }
  return dir;
}
