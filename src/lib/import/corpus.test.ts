import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceCatalog } from '../../../tests/fixtures/import/catalog';
import { CORPUS_DIR, makeCorpus, type CorpusCase } from '../../../tests/fixtures/import/make-corpus';
import { readImportFile } from './import-file';
import { MAX_FILE_BYTES } from './limits';

/**
 * Every file of the committed corpus through the full reader (no database: tests/db/import-corpus.test.ts
 * repeats this against PostgreSQL and checks that nothing is written).
 */
const manifest = JSON.parse(await readFile(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as CorpusCase[];
const catalog = referenceCatalog();

describe('import corpus (pure)', () => {
  it('has at least 20 bad files and some good ones', () => {
    expect(manifest.filter((c) => c.expect === 'rejected').length).toBeGreaterThanOrEqual(20);
    expect(manifest.filter((c) => c.expect === 'ok').length).toBeGreaterThanOrEqual(3);
  });

  it.each(manifest.map((c) => [c.file, c] as const))('%s', async (file, c) => {
    const bytes = new Uint8Array(await readFile(join(CORPUS_DIR, file)));
    const started = performance.now();
    const report = await readImportFile(bytes, catalog, { fileName: file, year: c.year });
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(5000);
    expect(report.ok).toBe(c.expect === 'ok');
    for (const want of c.problems) {
      const found = report.problems.find(
        (p) =>
          p.code === want.code &&
          p.severity === want.severity &&
          (want.row === undefined || p.row === want.row) &&
          (want.column === undefined || p.column === want.column),
      );
      expect(found, `${want.code} at row ${want.row} col ${want.column}`).toBeDefined();
      expect(found!.message_vi).toContain(want.message);
    }
    // No other kind of error than the expected ones.
    const errorCodes = new Set(report.problems.filter((p) => p.severity === 'error').map((p) => p.code));
    expect([...errorCodes].sort()).toEqual(
      [...new Set(c.problems.filter((p) => p.severity === 'error').map((p) => p.code))].sort(),
    );
    if (c.expect === 'rejected') expect(report.rows.length === 0 || !report.ok).toBe(true);
  });

  it('is exactly what make-corpus.ts generates (deterministic, committed up to date)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    try {
      await makeCorpus(dir);
      const names = (await readdir(dir)).sort();
      expect(names).toEqual((await readdir(CORPUS_DIR)).sort());
      for (const name of names) {
        const [fresh, committed] = await Promise.all([
          readFile(join(dir, name)),
          readFile(join(CORPUS_DIR, name)),
        ]);
        expect(fresh.equals(committed), name).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41);
    const started = performance.now();
    const report = await readImportFile(big, catalog, { fileName: 'big.csv' });
    expect(performance.now() - started).toBeLessThan(100);
    expect(report.problems[0]).toMatchObject({ code: 'file_too_large' });
    expect(report.problems[0]?.message_vi).toContain('vượt quá giới hạn 5.0 MB');
  });
});
