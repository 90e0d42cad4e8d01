import type { NtmTier, UnitYear } from '../../domain/types';
import { yearContext, type ImportCatalog } from '../../import/catalog';
import { templateColumns } from '../../import/columns';
import type { CellValue, Grid } from '../../import/grid';
import { validateGrid, type ImportReport } from '../../import/validate';
import { KIND_LABELS, MET_LABEL, NOT_MET_LABEL, TIER_LABELS } from '../../import/vocab';

/**
 * The criteria editor's form for one unit-year, and its check. The form is turned into a one-row
 * template and validated by the same code as an imported file, so the editor and the import can never
 * disagree on what is allowed (tier against criteria, wards without criteria, dates).
 */
export type CriterionChoice = 'met' | 'not_met' | 'no_data';

export interface UnitForm {
  criteria: Record<number, CriterionChoice>;
  /** Tier of a xã, or civilised-urban status of a ward/town ('chua_dat' | 'dat_chuan'); '' = not set. */
  tier: NtmTier | '';
  decision_no: string;
  /** ISO yyyy-mm-dd from <input type="date">, or ''. */
  decision_date: string;
}

export function formFromRow(row: UnitYear | null | undefined, criteriaNumbers: readonly number[]): UnitForm {
  const criteria: Record<number, CriterionChoice> = {};
  for (const n of criteriaNumbers) {
    criteria[n] = row?.criteria_met.includes(n)
      ? 'met'
      : row?.criteria_missing.includes(n)
        ? 'not_met'
        : 'no_data';
  }
  return {
    criteria,
    tier: (row?.tier ?? row?.urban_status ?? '') as NtmTier | '',
    decision_no: row?.decision_no ?? '',
    decision_date: row?.decision_date ?? '',
  };
}

/** Validates the form as a one-row file; the report's rows hold the payload row when ok. */
export function checkForm(catalog: ImportCatalog, year: number, code: string, form: UnitForm): ImportReport {
  const ctx = yearContext(catalog, year);
  const unit = ctx.unitByCode.get(code);
  const columns = templateColumns(ctx);
  const row = columns.map((col): CellValue => {
    switch (col.key) {
      case 'year':
        return String(year);
      case 'code':
        return code;
      case 'name':
        return unit?.name ?? null;
      case 'kind':
        return unit ? KIND_LABELS[unit.kind] : null;
      case 'district':
        return unit?.district_name ?? null;
      case 'criterion': {
        const c = form.criteria[col.number];
        return c === 'met' ? MET_LABEL : c === 'not_met' ? NOT_MET_LABEL : null;
      }
      case 'tier':
        return form.tier ? TIER_LABELS[form.tier] : null;
      case 'decision_no':
        return form.decision_no.trim() || null;
      case 'decision_date':
        return form.decision_date || null;
    }
  });
  const grid: Grid = {
    format: 'csv',
    sheet: null,
    rows: [columns.map((c) => ({ value: c.header })), row.map((value) => ({ value }))],
  };
  const report = validateGrid(grid, catalog, { year });
  // "N units not in the file" is about files, not about editing one unit.
  return { ...report, problems: report.problems.filter((p) => p.code !== 'units_not_in_file') };
}
