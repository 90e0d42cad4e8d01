/**
 * Gathers the poster's input through the same validated loading path as the app (createSnapshotSource),
 * from any `fetch`: the build passes one that reads the public folder.
 */
import { createSnapshotSource } from '../data/snapshot-source';
import type { FetchFn } from '../data/http';
import { defaultYear, frameworkForYear, vintageForYear } from '../domain/periods';
import { isStaticMap, staticMapUrl } from '../data/static-map';
import type { PosterInput } from './poster';

export async function loadPosterInput(fetchFn: FetchFn): Promise<PosterInput> {
  const source = createSnapshotSource('/', fetchFn);
  const meta = await source.loadMeta();
  const year = defaultYear(meta.data.years);
  const vintage = vintageForYear(year);
  const [summaries, rows, mapResponse] = await Promise.all([
    source.loadSummaries(),
    source.loadYear(year),
    fetchFn(staticMapUrl('/', vintage)),
  ]);
  const problems = [...meta.problems, ...summaries.problems, ...rows.problems];
  if (problems.length > 0)
    throw new Error(`the snapshot has invalid rows: ${problems.map((p) => p.message_en).join(' ')}`);
  const map: unknown = await mapResponse.json();
  if (!isStaticMap(map)) throw new Error(`tiles/laichau-${vintage}.static.json is not a static map`);
  const framework = meta.data.frameworks.find((f) => f.id === frameworkForYear(year));
  return {
    asOf: meta.data.as_of,
    illustrative: meta.data.illustrative,
    year,
    summary: summaries.data.province.find((p) => p.year === year),
    framework: framework ?? { criteria_total: 19, below_threshold: 15 },
    units: meta.data.units.filter((u) => u.vintage === vintage),
    rows: rows.data,
    map,
  };
}
