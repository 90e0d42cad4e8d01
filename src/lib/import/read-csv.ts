import { decodeCsvText, windows1258Note } from './decode-text';
import type { Grid, GridCell } from './grid';
import { MAX_COLUMNS, MAX_DATA_ROWS } from './limits';
import { fileProblem, tooManyRows, type ImportProblem } from './problems';

/**
 * CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF / LF / CR line ends) for UTF-8 files with
 * or without BOM, and Windows-1258 as Excel on Vietnamese Windows saves it (decode-text.ts). The separator is detected from the header line: "," by default, ";" as saved by Excel
 * with Vietnamese regional settings, or tab. Never throws; problems are returned instead.
 */

export type CsvResult =
  { ok: true; grid: Grid; problems: ImportProblem[] } | { ok: false; problems: ImportProblem[] };

/** Counts separators in the first line, outside quotes. */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/**
 * Splits CSV text into rows of strings. Rows past `maxRows` are counted but not kept, so a huge file
 * costs one linear scan and no memory. Returns the open-quote line on an unterminated quote.
 */
export function splitCsv(
  text: string,
  sep: string,
  maxRows = Number.POSITIVE_INFINITY,
): { rows: string[][]; total: number; unterminatedAt: number | null } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let total = 0;
  let line = 1;
  let quoteLine = 0;
  let i = 0;
  const n = text.length;
  let quoted = false;
  let rowHasContent = false;
  const endRow = () => {
    row.push(field);
    total += 1;
    if (rows.length < maxRows) rows.push(row);
    row = [];
    field = '';
    rowHasContent = false;
  };
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      rowHasContent = true;
      i += 1;
      continue;
    }
    if (ch === sep) {
      row.push(field);
      field = '';
      rowHasContent = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      line += 1;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    rowHasContent = true;
    i += 1;
  }
  if (quoted) return { rows, total, unterminatedAt: quoteLine };
  if (rowHasContent || field !== '') endRow();
  return { rows, total, unterminatedAt: null };
}

export function readCsv(bytes: Uint8Array): CsvResult {
  const decoded = decodeCsvText(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const text = decoded.text;
  const notes = decoded.encoding === 'windows-1258' ? [windows1258Note()] : [];
  if (text.trim() === '') {
    return {
      ok: false,
      problems: [fileProblem('file_empty', 'Tệp rỗng: không có dữ liệu nào.', 'The file is empty.')],
    };
  }
  const sep = detectSeparator(text);
  const { rows, total, unterminatedAt } = splitCsv(text, sep, MAX_DATA_ROWS + 1);
  if (total - 1 > MAX_DATA_ROWS) return { ok: false, problems: [tooManyRows(total - 1)] };
  if (unterminatedAt !== null) {
    return {
      ok: false,
      problems: [
        fileProblem(
          'bad_csv',
          `Tệp CSV hỏng: dấu ngoặc kép mở ở dòng ${unterminatedAt} không được đóng.`,
          `Broken CSV: the quote opened on line ${unterminatedAt} is never closed.`,
        ),
      ],
    };
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width > MAX_COLUMNS) {
    return {
      ok: false,
      problems: [
        fileProblem(
          'too_many_columns',
          `Tệp có ${width} cột, vượt quá giới hạn ${MAX_COLUMNS} cột.`,
          `The file has ${width} columns, more than the limit of ${MAX_COLUMNS}.`,
        ),
      ],
    };
  }
  const grid: Grid = {
    format: 'csv',
    sheet: null,
    rows: rows.map((r) => r.map((s): GridCell => ({ value: s === '' ? null : s }))),
  };
  return { ok: true, grid, problems: notes };
}
