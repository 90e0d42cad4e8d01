/**
 * The one CSV writer: the table view's "Tải CSV" and the import template / export ("Xuất CSV có số
 * liệu", `npm run template -- --format csv`) both go through it, for Excel and LibreOffice users:
 * - UTF-8 with a byte-order mark, so Excel on Windows shows Vietnamese correctly;
 * - CRLF line ends and RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted, quotes doubled);
 * - CSV-injection neutralised: a text cell that a spreadsheet would read as a formula (first character
 *   = + - @ TAB CR, also after leading spaces) gets a leading apostrophe, so it is shown as text and
 *   never evaluated (OWASP "CSV Injection"). Numbers are written as numbers, so -3 stays a number.
 *   The importer (src/lib/import/cells.ts) takes the apostrophe off again before its own formula check.
 * Dates are written as ISO yyyy-mm-dd (callers wanting dd/mm/yyyy pass the text).
 */

export type CsvCell = string | number | boolean | Date | null | undefined;

const BOM = '\uFEFF';
/** Text a spreadsheet would read as a formula: = + - @ TAB CR first, also after leading spaces. */
export const FORMULA_START = /^[ ]*[=+\-@\t\r]/;

/** Text of one cell, neutralised and quoted as needed. */
export function csvCell(value: CsvCell): string {
  let s: string;
  if (value === null || value === undefined) s = '';
  else if (typeof value === 'number') s = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') s = value ? 'true' : 'false';
  else if (value instanceof Date) s = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  else {
    s = String(value);
    if (FORMULA_START.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Whole CSV document: BOM, header line, one line per row, each line ended by CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n');
  return BOM + lines.join('');
}
