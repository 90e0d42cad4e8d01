/**
 * The one CSV writer: the table view's "Tải CSV" and the import template / export ("Xuất CSV có số
 * liệu", `npm run template -- --format csv`) both go through it, for Excel and LibreOffice users:
 * - UTF-8 with a byte-order mark, so Excel on Windows shows Vietnamese correctly;
 * - CRLF line ends and RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted, quotes doubled),
 *   also fields with a semicolon: LibreOffice's CSV import splits on , ; and TAB by default;
 * - CSV-injection neutralised with the free-text rule (domain/free-text.ts), the database's too: every
 *   invisible character (controls, format characters such as RLO or a zero-width space, U+2028) but the
 *   line feed becomes U+FFFD, and a text a spreadsheet would read as a formula (= + - @ | in any width,
 *   also after leading whitespace) gets a leading apostrophe, so it is shown as text and never evaluated
 *   (OWASP "CSV Injection"). So the writer changes exactly the text the rule refuses: what the database
 *   accepts is written as it is. Numbers are written as numbers, so -3 stays a number.
 *   The importer (src/lib/import/cells.ts) takes the apostrophe off again before its own formula check.
 * Dates are written as ISO yyyy-mm-dd (callers wanting dd/mm/yyyy pass the text).
 */

import { isFormulaLike, replaceInvisible } from './free-text';

export type CsvCell = string | number | boolean | Date | null | undefined;

const BOM = '\uFEFF';

/** A text cell as the writer escapes it (before quoting): the free-text rule's refusals made harmless. */
export function csvText(text: string): string {
  const visible = replaceInvisible(text);
  return isFormulaLike(visible) ? `'${visible}` : visible;
}

/** A text cell read back: the apostrophe the writer put before formula-like text taken off. */
export function unguardCsvText(text: string): string {
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}

/** Text of one cell, neutralised and quoted as needed. */
export function csvCell(value: CsvCell): string {
  let s: string;
  if (value === null || value === undefined) s = '';
  else if (typeof value === 'number') s = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') s = value ? 'true' : 'false';
  else if (value instanceof Date) s = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  else {
    s = csvText(String(value));
  }
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Whole CSV document: BOM, header line, one line per row, each line ended by CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n');
  return BOM + lines.join('');
}
