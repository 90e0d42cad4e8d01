/**
 * Numbered sources for the printed report: every distinct source of the figures in the table gets a
 * number [1], [2]…, listed once at the foot of the page; each row cites its numbers, and says
 * "minh họa" when some of its figures are illustrative.
 */
import type { SourceLine, TargetRow } from './targets-report';

export interface NumberedSource {
  no: number;
  source: string;
  source_url: string | null;
  source_date: string | null;
}

export interface SourceIndex {
  sources: NumberedSource[];
  /** Per target id: the numbers of its sources, and whether some of its figures are illustrative. */
  cites: Map<string, { numbers: number[]; illustrative: boolean }>;
}

const keyOf = (l: SourceLine) => JSON.stringify([l.source, l.source_url, l.source_date]);

export function indexSources(rows: readonly TargetRow[]): SourceIndex {
  const byKey = new Map<string, NumberedSource>();
  const cites = new Map<string, { numbers: number[]; illustrative: boolean }>();
  for (const row of rows) {
    const numbers: number[] = [];
    let illustrative = false;
    for (const line of row.sources) {
      if (line.illustrative) illustrative = true;
      if (!line.source) continue;
      const key = keyOf(line);
      let entry = byKey.get(key);
      if (!entry) {
        entry = {
          no: byKey.size + 1,
          source: line.source,
          source_url: line.source_url,
          source_date: line.source_date,
        };
        byKey.set(key, entry);
      }
      if (!numbers.includes(entry.no)) numbers.push(entry.no);
    }
    cites.set(row.target.id, { numbers, illustrative });
  }
  return { sources: [...byKey.values()], cites };
}
