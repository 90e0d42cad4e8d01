/**
 * The import CLI end to end on real PostgreSQL: every file of the corpus (tests/fixtures/import/corpus)
 * through `npm run import` against a scratch copy of the project database (migrations + seed), which
 * these tests commit to. Bad files: the expected message, exit code 1 and nothing written. Good files:
 * written in one call, audited, and exported back byte for byte (template → fill → import → export).
 */
import { readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runImport, type Io } from '../../scripts/import';
import { runTemplate } from '../../scripts/template';
import { createProjectDatabase } from '../../supabase/tools/embedded-db';
import { referenceCatalog } from '../fixtures/import/catalog';
import { sampleAssessments } from '../fixtures/import/fill';
import { CORPUS_DIR, type CorpusCase } from '../fixtures/import/make-corpus';

const manifest = JSON.parse(await readFile(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as CorpusCase[];
const SOURCE = ['--source', 'Báo cáo kiểm thử 02/BC-UBND ngày 20/12/2024'];

let url = '';
let client: pg.Client;
let work = '';

beforeAll(async () => {
  const db = await createProjectDatabase(inject('pgAdmin'), 'import_corpus');
  url = `postgres://${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}@${db.host}:${db.port}/${db.database}`;
  client = new pg.Client({ connectionString: url });
  await client.connect();
  work = await mkdtemp(join(tmpdir(), 'import-corpus-'));
});

afterAll(async () => {
  await client?.end();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Runs the CLI in-process and captures what it prints. */
async function cli(run: (argv: string[], io: Io, env: NodeJS.ProcessEnv) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Everything an import could change: the assessments (digest) and the audit log (count). */
async function state() {
  const r = await client.query<{ n: number; digest: string; audits: number }>(
    `select (select count(*)::int from public.unit_assessment) as n,
            (select md5(string_agg(t::text, '|' order by vintage, unit_code, year)) from public.unit_assessment t) as digest,
            (select count(*)::int from public.audit_log) as audits`,
  );
  return r.rows[0]!;
}

describe('the reference catalogue used by the pure tests', () => {
  it('agrees with the migrated database (units, frameworks, criteria numbers and names)', async () => {
    const ref = referenceCatalog();
    const units = await client.query(
      `select vintage, code, name, kind, district_code, district_name from public.unit
       where province = '12' order by vintage, code`,
    );
    const key = (u: { vintage: string; code: string }) => `${u.vintage}/${u.code}`;
    expect(units.rows).toEqual([...ref.units].sort((a, b) => key(a).localeCompare(key(b))));
    const criteria = await client.query(
      'select framework, number, name_vi from public.criterion order by 1, 2',
    );
    expect(criteria.rows).toEqual(
      ref.criteria.map((c) => ({ framework: c.framework, number: c.number, name_vi: c.name_vi })),
    );
    const fw = await client.query(
      'select id, first_year, last_year, criteria_total from public.framework order by id',
    );
    expect(fw.rows).toEqual(
      ref.frameworks.map((f) => ({
        id: f.id,
        first_year: f.first_year,
        last_year: f.last_year,
        criteria_total: f.criteria_total,
      })),
    );
  });
});

describe('bad files: the expected message, exit code 1, nothing written', () => {
  const bad = manifest.filter((c) => c.expect === 'rejected');

  it('the corpus has at least 20 of them', () => {
    expect(bad.length).toBeGreaterThanOrEqual(20);
  });

  it.each(bad.map((c) => [c.file, c] as const))('%s', async (file, c) => {
    const before = await state();
    const argv = [
      join(CORPUS_DIR, file),
      '--db',
      url,
      ...SOURCE,
      ...(c.year ? ['--year', String(c.year)] : []),
    ];
    const r = await cli(runImport, argv);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Tệp có lỗi: không ghi gì.');
    for (const p of c.problems.filter((x) => x.severity === 'error')) {
      expect(r.out).toContain(p.message);
      if (p.row) expect(r.out).toContain(`dòng ${p.row}`);
      if (p.column) expect(r.out).toContain(`cột ${p.column}`);
    }
    expect(await state()).toEqual(before);
  });
});

describe('good files: written once, audited, exported back identically', () => {
  const YEAR = 2024;
  const expectedRows = sampleAssessments(referenceCatalog(), YEAR);

  it('imports good-2024.xlsx into a year cleared beforehand: one INSERT and one audit row per unit with data', async () => {
    await client.query('delete from public.unit_assessment where year = $1', [YEAR]);
    const before = await state();
    const r = await cli(runImport, [
      join(CORPUS_DIR, 'good-2024.xlsx'),
      '--db',
      url,
      ...SOURCE,
      '--publish',
      '--actor',
      'Nguyễn Thị Kiểm Tra',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `Đã ghi năm 2024 vào PostgreSQL: ${expectedRows.length} đơn vị (thêm ${expectedRows.length}, sửa 0`,
    );
    const after = await state();
    expect(after.n - before.n).toBe(expectedRows.length);
    expect(after.audits - before.audits).toBe(expectedRows.length);
    const audit = await client.query(
      `select operation, actor_role, actor, new_row from public.audit_log where id > (select max(id) - $1 from public.audit_log) order by id`,
      [expectedRows.length],
    );
    // --actor names the person behind the database login in every audit row of the import.
    expect(
      audit.rows.every(
        (a) => a.operation === 'INSERT' && a.actor_role === 'postgres' && a.actor === 'Nguyễn Thị Kiểm Tra',
      ),
    ).toBe(true);
    expect(audit.rows.map((a) => a.new_row.unit_code)).toEqual(expectedRows.map((e) => e.code));
    const stored = await client.query(
      `select unit_code, published, illustrative, source from public.unit_assessment where year = $1 order by unit_code`,
      [YEAR],
    );
    expect(stored.rows.every((s) => s.published && !s.illustrative && s.source === SOURCE[1])).toBe(true);
  });

  it.each(['xlsx', 'csv'] as const)(
    'exports the year back as %s, byte for byte the file that was imported',
    async (format) => {
      const out = join(work, `export-${YEAR}.${format}`);
      const r = await cli(runTemplate, [
        '--year',
        String(YEAR),
        '--format',
        format,
        '--export',
        '--db',
        url,
        '--out',
        out,
      ]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`${expectedRows.length} đơn vị có số liệu (từ PostgreSQL)`);
      const exported = await readFile(out);
      const original = await readFile(join(CORPUS_DIR, `good-2024.${format}`));
      expect(exported.equals(original)).toBe(true);
    },
  );

  it.each([
    'good-2024.csv',
    'good-2024-semicolon-nobom.csv',
    'good-2024-cp1258.csv',
    'note-nfd.csv',
    'warn-name-mismatch.xlsx',
  ])('%s holds the same data: every row unchanged, no audit row', async (file) => {
    const before = await state();
    const r = await cli(runImport, [join(CORPUS_DIR, file), '--db', url, '--year', String(YEAR), ...SOURCE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`(thêm 0, sửa 0, không đổi ${expectedRows.length})`);
    expect(await state()).toEqual(before);
  });

  it('imports good-2026.xlsx (38 units, 10 criteria) over the sample data and reads it back', async () => {
    const r = await cli(runImport, [join(CORPUS_DIR, 'good-2026.xlsx'), '--db', url, ...SOURCE, '--draft']);
    expect(r.code).toBe(0);
    const rows2026 = sampleAssessments(referenceCatalog(), 2026);
    const stored = await client.query(
      `select unit_code, criteria_met, tier, published from public.unit_assessment where year = 2026 and unit_code = any($1)
       order by unit_code`,
      [rows2026.map((x) => x.code)],
    );
    expect(stored.rows.map((s) => [s.unit_code, s.criteria_met, s.tier, s.published])).toEqual(
      rows2026.map((x) => [x.code, x.criteria_met, x.tier ?? null, false]),
    );
  });

  it('--dry-run validates against the database and writes nothing', async () => {
    await client.query('delete from public.unit_assessment where year = 2023');
    const before = await state();
    const r = await cli(runImport, [
      join(CORPUS_DIR, 'good-2024.csv'),
      '--db',
      url,
      '--year',
      '2024',
      '--dry-run',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Chỉ kiểm tra (--dry-run): không ghi gì.');
    expect(await state()).toEqual(before);
  });

  it('refuses an --actor the audit would refuse (issue 20), and a deceptive --source-url, before touching the database', async () => {
    const before = await state();
    const actor = await cli(runImport, [
      join(CORPUS_DIR, 'good-2024.csv'),
      '--db',
      url,
      ...SOURCE,
      '--actor',
      'Lò Văn\u202e Minh',
    ]);
    expect(actor.code).toBe(2);
    expect(actor.err).toContain('--actor');
    const link = await cli(runImport, [
      join(CORPUS_DIR, 'good-2024.csv'),
      '--db',
      url,
      ...SOURCE,
      '--source-url',
      'https://laichau.gov.vn@evil.example/x',
    ]);
    expect(link.code).toBe(2);
    expect(link.err).toContain('Đường dẫn nguồn phải là địa chỉ http(s) không có tên người dùng');
    expect(await state()).toEqual(before);
  });

  it('refuses to write without a source, before touching the database', async () => {
    const before = await state();
    const r = await cli(runImport, [join(CORPUS_DIR, 'good-2024.csv'), '--db', url]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Cần ghi nguồn số liệu');
    expect(await state()).toEqual(before);
  });
});

describe('an import that fails part-way', () => {
  it('a constraint violation at row N: exit 2, the row named, and the database exactly as before', async () => {
    await client.query('delete from public.unit_assessment where year = 2024');
    // The 40th unit with data is refused by a test-only constraint the validator knows nothing about,
    // so the function has already written 39 rows (and their audit rows) when it fails.
    const victim = sampleAssessments(referenceCatalog(), 2024)[39]!;
    const units = referenceCatalog()
      .units.filter((u) => u.vintage === '2020')
      .map((u) => u.code)
      .sort();
    const rowN = units.indexOf(victim.code) + 2;
    await client.query(
      `alter table public.unit_assessment add constraint test_only_refuse_one check (not (year = 2024 and unit_code = '${victim.code}'))`,
    );
    try {
      const before = await state();
      const r = await cli(runImport, [join(CORPUS_DIR, 'good-2024.xlsx'), '--db', url, ...SOURCE]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Không ghi được: Dòng ${rowN} (mã ${victim.code}):`);
      expect(r.err).toContain('Không có dòng nào được ghi');
      expect(await state()).toEqual(before);
      const n2024 = await client.query(
        'select count(*)::int as n from public.unit_assessment where year = 2024',
      );
      expect(n2024.rows[0]).toEqual({ n: 0 });
    } finally {
      await client.query('alter table public.unit_assessment drop constraint test_only_refuse_one');
    }
  });
});
