import { z } from 'zod/mini';
import type { NtmTier, UnitKind, UrbanStatus } from '../domain/types';

/**
 * One validated row of an import: the assessment of one unit for the import's year, ready to be
 * written. `criteria_met` and `criteria_missing` follow UnitYear: a criterion in neither list has no data.
 */
export interface ImportRow {
  /** Spreadsheet row it came from (for messages from the database). */
  row: number;
  code: string;
  kind: UnitKind;
  criteria_met: number[];
  criteria_missing: number[];
  /** NTM tier of a xã; null for wards and towns, or when left blank. */
  tier: NtmTier | null;
  /** Civilised-urban status of a phường / thị trấn; null for xã, or when left blank. */
  urban_status: UrbanStatus | null;
  decision_no: string | null;
  decision_date: string | null;
}

const criterionList = z.array(z.int().check(z.minimum(1), z.maximum(99)));

/** The last gate before anything is written: every row sent to the database passes this schema. */
export const importRowSchema = z
  .object({
    row: z.int().check(z.minimum(2)),
    code: z.string().check(z.regex(/^\d{5}$/)),
    kind: z.enum(['xa', 'phuong', 'thi_tran']),
    criteria_met: criterionList,
    criteria_missing: criterionList,
    tier: z.nullable(z.enum(['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'])),
    urban_status: z.nullable(z.enum(['chua_dat', 'dat_chuan'])),
    decision_no: z.nullable(z.string().check(z.maxLength(100))),
    decision_date: z.nullable(z.iso.date()),
  })
  .check(
    z.refine((r) => !r.criteria_met.some((n) => r.criteria_missing.includes(n)), {
      message: 'a criterion is both met and missing',
    }),
    z.refine((r) => (r.kind === 'xa' ? r.urban_status === null : r.tier === null), {
      message: 'tier is for xã, urban_status for phường / thị trấn',
    }),
  );

/** The JSON array handed to the SQL function import_assessments(p_year, p_rows). */
export type ImportPayloadRow = Omit<ImportRow, 'row' | 'kind'> & { row: number };

export function toPayload(rows: readonly ImportRow[]): ImportPayloadRow[] {
  return rows.map((r) => {
    const checked = importRowSchema.parse(r);
    return {
      row: checked.row,
      code: checked.code,
      criteria_met: [...checked.criteria_met].sort((a, b) => a - b),
      criteria_missing: [...checked.criteria_missing].sort((a, b) => a - b),
      tier: checked.tier,
      urban_status: checked.urban_status,
      decision_no: checked.decision_no,
      decision_date: checked.decision_date,
    };
  });
}
