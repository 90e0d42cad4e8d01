/**
 * The targets report on the committed snapshot (public/data/snapshot), read through the app's data layer:
 * the figures the leaders see are the database's, with their sources.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSnapshotSource } from '../data/snapshot-source';
import type { Meta, Summaries } from '../data/source';
import { buildTargetsReport, type TargetsReport } from './targets-report';
import { indexSources } from './source-index';

const PUBLIC = fileURLToPath(new URL('../../../public/', import.meta.url));
const REFERENCE = fileURLToPath(new URL('../../../data/reference/targets-2021-2025.md', import.meta.url));

async function diskFetch(url: string): Promise<Response> {
  try {
    return new Response(await readFile(PUBLIC + url.replace(/^\//, '')), { status: 200 });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

let meta: Meta;
let summaries: Summaries;
let report: TargetsReport;
let referenceIds: string[];

beforeAll(async () => {
  const src = createSnapshotSource('/', diskFetch);
  const m = await src.loadMeta();
  const s = await src.loadSummaries();
  expect(m.problems).toEqual([]);
  expect(s.problems).toEqual([]);
  meta = m.data;
  summaries = s.data;
  report = buildTargetsReport(meta.targets, summaries, { year: 2025 });
  const md = await readFile(REFERENCE, 'utf8');
  referenceIds = [...md.matchAll(/^\| (T\d[a-z]?) \|/gm)].map((x) => x[1]!);
});

const row = (id: string) => report.rows.find((r) => r.target.id === id)!;

describe('targets report on the committed snapshot', () => {
  it('covers every target of the reference table, T1a–T8, in its order', () => {
    expect(referenceIds).toHaveLength(22);
    expect(report.rows.map((r) => r.target.id)).toEqual(referenceIds);
  });

  it('reads T1a–T1e from the province summary rows', () => {
    const p2025 = summaries.province.find((p) => p.year === 2025)!;
    const p2020 = summaries.province.find((p) => p.year === 2020)!;
    expect(row('T1a').latest?.value).toBe(p2025.urban_civilised_pct);
    expect(row('T1b').latest?.value).toBe(p2025.xa_ntm_pct);
    expect(row('T1c').latest?.value).toBe(p2025.districts_ntm! - p2020.districts_ntm!);
    expect(row('T1d').latest?.value).toBe(p2025.avg_criteria_xa);
    expect(row('T1e').latest?.value).toBe(p2025.xa_below_threshold);
  });

  it('agrees with the database view for the computed T1 indicators (indicator_value)', () => {
    for (const id of ['T1a', 'T1b', 'T1c', 'T1d', 'T1e']) {
      for (const p of row(id).series) {
        const stored = summaries.indicators.find(
          (i) => i.target_id === id && i.year === p.year && i.district_code === null,
        );
        if (stored) expect(p.value, `${id} ${p.year}`).toBeCloseTo(stored.value, 9);
      }
    }
  });

  it('keeps the sourced figures: 39/94 xã at the end of 2022 (VOV, S31) and the poverty reduction (S46, S49)', () => {
    const t1b2022 = row('T1b').series.find((p) => p.year === 2022)!;
    expect(t1b2022.illustrative).toBe(false);
    expect(t1b2022.source).toContain('[S31]');
    const t3a = row('T3a').series;
    expect(t3a.find((p) => p.year === 2020)).toMatchObject({ value: 4.78, illustrative: false });
    expect(t3a.find((p) => p.year === 2023)).toMatchObject({ value: 3.4, illustrative: false });
    const numbered = indexSources(report.rows).sources.map((s) => s.source);
    expect(numbered.some((s) => s.includes('[S31]'))).toBe(true);
    expect(numbered.some((s) => s.includes('[S46]'))).toBe(true);
  });

  it('every shown figure has a source or the illustrative flag', () => {
    for (const r of report.rows)
      for (const p of r.series)
        expect(p.illustrative || (p.source ?? '').length > 0, `${r.target.id} ${p.year}`).toBe(true);
    expect(report.illustrative).toBe(
      meta.illustrative || report.rows.some((r) => r.series.some((p) => p.illustrative)),
    );
  });

  it('breaks down the per-district indicators over the eight districts of 2020–2025', () => {
    expect(row('T1b').breakdown.map((c) => c.code)).toEqual([
      '105',
      '106',
      '107',
      '108',
      '109',
      '110',
      '111',
      '112',
    ]);
    expect(row('T3a').breakdown.length).toBe(8);
    expect(row('T2').breakdown).toEqual([]);
  });

  it('judges the period on 2025 and tallies all 22 targets', () => {
    const t = report.tally;
    expect(t.total).toBe(22);
    expect(t.met + t.not_met + t.pending + t.no_data + t.no_target).toBe(22);
    for (const r of report.rows) {
      if (r.result.point?.year === 2025) expect(['met', 'not_met']).toContain(r.result.verdict);
    }
  });
});
