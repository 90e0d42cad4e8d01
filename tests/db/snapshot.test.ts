import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_DIR, runSnapshot, type SnapshotFiles } from '../../scripts/snapshot';

let outDir = '';
let files: SnapshotFiles;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'laichau-snapshot-'));
  // Exactly what `npm run snapshot` does: fresh embedded PostgreSQL, shim + migrations + seed, read as anon.
  files = await runSnapshot({ outDir });
});
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function listFiles(dir: string): Promise<string[]> {
  const top = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  const years = (await readdir(join(dir, 'years')))
    .filter((n) => n.endsWith('.json'))
    .map((n) => `years/${n}`);
  return [...top, ...years].sort();
}

// Field lists of src/lib/domain/types.ts, in the order the views return them.
const UNIT_YEAR_FIELDS = [
  'year',
  'vintage',
  'framework',
  'code',
  'name',
  'kind',
  'district_code',
  'district_name',
  'criteria_met',
  'criteria_missing',
  'criteria_count',
  'criteria_total',
  'tier',
  'urban_status',
  'decision_no',
  'decision_date',
  'source',
  'source_url',
  'source_date',
  'illustrative',
];
const AREA_SUMMARY_FIELDS = [
  'year',
  'vintage',
  'framework',
  'district_code',
  'district_name',
  'xa_total',
  'xa_assessed',
  'xa_ntm',
  'xa_ntm_pct',
  'avg_criteria_xa',
  'xa_below_threshold',
  'urban_total',
  'urban_civilised',
  'urban_civilised_pct',
  'districts_total',
  'districts_ntm',
  'illustrative',
];

describe('snapshot', () => {
  it('committed files equal a fresh `npm run snapshot` from migrations + seed, file by file', async () => {
    const committed = await listFiles(SNAPSHOT_DIR);
    expect(await listFiles(outDir)).toEqual(committed);
    expect(committed).toEqual([...files.keys()].sort());
    for (const name of committed) {
      const fresh = await readFile(join(outDir, name), 'utf8');
      expect(await readFile(join(SNAPSHOT_DIR, name), 'utf8'), `${name} is stale: run npm run snapshot`).toBe(
        fresh,
      );
    }
  });

  it('has the documented shape: numbers as numbers, dates as YYYY-MM-DD, exact field names', async () => {
    const meta = JSON.parse(files.get('meta.json') ?? 'null');
    expect(Object.keys(meta)).toEqual([
      'as_of',
      'source',
      'illustrative',
      'note_vi',
      'note_en',
      'years',
      'frameworks',
      'criteria',
      'units',
      'crosswalk',
      'targets',
    ]);
    expect(meta).toMatchObject({ as_of: '2026-06-30', source: 'snapshot', illustrative: true });
    expect(meta.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(meta.units).toHaveLength(108 + 106 + 38);
    expect(meta.targets.find((t: { id: string }) => t.id === 'T6c').target_value).toBe(13.45);

    const summaries = JSON.parse(files.get('summaries.json') ?? 'null');
    expect(Object.keys(summaries)).toEqual(['province', 'district', 'districts', 'indicators', 'statistics']);
    for (const row of [...summaries.province, ...summaries.district])
      expect(Object.keys(row)).toEqual(AREA_SUMMARY_FIELDS);
    const p2022 = summaries.province.find((r: { year: number }) => r.year === 2022);
    expect(p2022).toMatchObject({ xa_ntm: 39, xa_ntm_pct: 41.5, avg_criteria_xa: expect.any(Number) });
    for (const v of summaries.indicators) expect(typeof v.value).toBe('number');

    for (const year of meta.years as number[]) {
      const rows = JSON.parse(files.get(`years/${year}.json`) ?? 'null');
      expect(rows.length).toBe(year < 2020 ? 108 : year < 2026 ? 106 : 38);
      for (const row of rows) {
        expect(Object.keys(row)).toEqual(UNIT_YEAR_FIELDS);
        if (row.decision_date !== null) expect(row.decision_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (row.source_date !== null) expect(row.source_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const codes = rows.map((r: { code: string }) => r.code);
      expect(codes).toEqual([...codes].sort());
    }
  });

  it('holds what anon may see only: drafts appear as no data', () => {
    const rows = JSON.parse(files.get('years/2026.json') ?? '[]') as { tier: string | null; kind: string }[];
    const noData = rows.filter((r) => r.kind === 'xa' && r.tier === null);
    expect(noData).toHaveLength(4); // 2 never assessed + 2 unpublished drafts
    const summaries = JSON.parse(files.get('summaries.json') ?? '{}');
    expect(
      summaries.indicators.filter(
        (v: { target_id: string; year: number }) => v.target_id === 'T4a' && v.year === 2025,
      ),
    ).toEqual([]);
  });
});
