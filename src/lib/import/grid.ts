/**
 * A sheet as read from CSV or XLSX, before any interpretation: rows of cells, row 0 = the header.
 * Keeping formulas and error values visible here lets the validator refuse them with a clear message
 * instead of silently taking a cached result.
 */
export type CellValue = string | number | boolean | Date | null;

export interface GridCell {
  value: CellValue;
  /** The formula text when the cell holds a formula (XLSX only). */
  formula?: string;
  /** An Excel error value such as "#N/A" or "#REF!". */
  error?: string;
}

export interface Grid {
  format: 'csv' | 'xlsx';
  /** Sheet name (XLSX) or null (CSV). */
  sheet: string | null;
  rows: GridCell[][];
}

export function isBlankCell(cell: GridCell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.error !== undefined) return false;
  const v = cell.value;
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function isBlankRow(row: readonly GridCell[] | undefined): boolean {
  return !row || row.every((c) => isBlankCell(c));
}
