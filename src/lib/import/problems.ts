/**
 * The import report: every problem found in a file, with where it is (row, column) and what it holds,
 * explained in Vietnamese (shown to planners) and English. Problems never throw: the reader collects
 * them all so one pass shows everything to fix.
 */

import { MAX_DATA_ROWS } from './limits';

/** error: the file is refused. warning: written, but check it. note: changed silently (e.g. NFC). */
export type Severity = 'error' | 'warning' | 'note';

export type ProblemCode =
  | 'file_empty'
  | 'file_too_large'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'legacy_xls'
  | 'not_utf8'
  | 'windows_1258'
  | 'bad_csv'
  | 'bad_xlsx'
  | 'row_invalid'
  | 'no_data_sheet'
  | 'missing_column'
  | 'duplicate_column'
  | 'unknown_column'
  | 'criterion_outside_framework'
  | 'criterion_name_mismatch'
  | 'no_rows'
  | 'year_missing'
  | 'year_invalid'
  | 'year_outside_framework'
  | 'year_mismatch'
  | 'code_missing'
  | 'code_invalid'
  | 'code_padded'
  | 'unknown_unit'
  | 'other_vintage_unit'
  | 'duplicate_unit'
  | 'criterion_value'
  | 'tier_value'
  | 'tier_kind'
  | 'tier_contradiction'
  | 'tier_missing'
  | 'tier_inferred'
  | 'urban_criteria'
  | 'decision_without_tier'
  | 'date_invalid'
  | 'date_out_of_range'
  | 'control_char'
  | 'cell_beyond_header'
  | 'row_short'
  | 'name_mismatch'
  | 'not_nfc'
  | 'formula'
  | 'formula_text'
  | 'cell_error'
  | 'cell_too_long'
  | 'units_not_in_file';

export interface ImportProblem {
  severity: Severity;
  code: ProblemCode;
  /** Spreadsheet row number as the user sees it (header = 1); null for a file-level problem. */
  row: number | null;
  /** Column letter as the user sees it (A, B, …, AA); null when not about one column. */
  column: string | null;
  /** Header text of that column, when known. */
  header: string | null;
  /** The offending value as plain text, shortened; null when there is none. */
  value: string | null;
  message_vi: string;
  message_en: string;
}

/** Spreadsheet column letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const SHOWN_CHARS = 60;

/**
 * A value as it may be shown in a report: always plain text (a hostile string stays text; the UI renders
 * it as text, never HTML), control characters made visible, and long values shortened with "…".
 */
export function showValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let s: string;
  if (value instanceof Date)
    s = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10);
  else if (typeof value === 'object') {
    try {
      s = JSON.stringify(value);
    } catch {
      s = String(value);
    }
  } else s = String(value);
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const chars = Array.from(s);
  return chars.length > SHOWN_CHARS ? chars.slice(0, SHOWN_CHARS).join('') + '…' : s;
}

export function countBySeverity(problems: readonly ImportProblem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const p of problems) counts[p.severity] += 1;
  return counts;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Report order: file-level problems first, then by row, column, severity. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const colIndex = (c: string | null) =>
    c === null ? -1 : Array.from(c).reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
  return [...problems].sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      colIndex(a.column) - colIndex(b.column) ||
      ORDER[a.severity] - ORDER[b.severity],
  );
}

/** A file-level problem (no row, no column). */
export function fileProblem(
  code: ImportProblem['code'],
  message_vi: string,
  message_en: string,
  severity: Severity = 'error',
): ImportProblem {
  return { severity, code, row: null, column: null, header: null, value: null, message_vi, message_en };
}

export function tooManyRows(n: number): ImportProblem {
  return fileProblem(
    'too_many_rows',
    `Tệp có ${n.toLocaleString('vi-VN')} dòng dữ liệu, vượt quá giới hạn ${MAX_DATA_ROWS.toLocaleString('vi-VN')} dòng. Mỗi tệp chỉ gồm các đơn vị của một năm (tối đa 108 đơn vị).`,
    `The file has ${n.toLocaleString('en-US')} data rows, more than the limit of ${MAX_DATA_ROWS.toLocaleString('en-US')}. One file holds the units of one year (108 at most).`,
  );
}
