import { findFixedColumn, HEADERS } from './columns';
import type { CellValue, Grid, GridCell } from './grid';
import { MAX_COLUMNS, MAX_DATA_ROWS, MAX_XLSX_UNCOMPRESSED_BYTES } from './limits';
import { fileProblem, tooManyRows, type ImportProblem } from './problems';
import { listZipEntries, scanXmlRows } from './zip';
import { loadExcel } from './excel';

/**
 * XLSX reader on exceljs (loaded on demand: it is large, and only editors ever need it). The zip
 * directory is checked first, so an oversized workbook is refused before exceljs inflates it.
 * Formula cells keep their formula text (the validator refuses them); error cells keep their error.
 */

export type XlsxResult =
  { ok: true; grid: Grid; problems: ImportProblem[] } | { ok: false; problems: ImportProblem[] };

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

function broken(): ImportProblem {
  return fileProblem(
    'bad_xlsx',
    'Tệp .xlsx bị hỏng hoặc không phải tệp Excel. Hãy mở bằng Excel và lưu lại dạng "Excel Workbook (.xlsx)".',
    'The .xlsx file is damaged or not an Excel workbook. Open it in Excel and save it as .xlsx.',
  );
}

/** exceljs cell value → grid cell. */
export function toGridCell(value: unknown): GridCell {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.formula === 'string' || typeof v.sharedFormula === 'string') {
      const result = v.result;
      const shown: CellValue =
        typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean'
          ? result
          : null;
      return { value: shown, formula: String(v.formula ?? v.sharedFormula) };
    }
    if (typeof v.error === 'string') return { value: null, error: v.error };
    if (Array.isArray(v.richText)) {
      return { value: v.richText.map((r: { text?: unknown }) => String(r?.text ?? '')).join('') };
    }
    // A hyperlink cell: keep its visible text; the link target is not data.
    if (typeof v.text === 'string') return { value: v.text };
  }
  return { value: String(value) };
}

export async function readXlsx(bytes: Uint8Array): Promise<XlsxResult> {
  const entries = listZipEntries(bytes);
  if (!entries) return { ok: false, problems: [broken()] };
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    const ods = entries.some((e) => e.name === 'content.xml');
    return {
      ok: false,
      problems: [
        ods
          ? fileProblem(
              'bad_xlsx',
              'Đây là tệp OpenDocument (.ods), không phải .xlsx. Hãy lưu lại dạng "Excel 2007-365 (.xlsx)".',
              'This is an OpenDocument (.ods) file, not .xlsx. Save it as .xlsx.',
            )
          : broken(),
      ],
    };
  }
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES) {
    return {
      ok: false,
      problems: [
        fileProblem(
          'file_too_large',
          `Tệp Excel khi giải nén lớn ${mb(total)} MB, vượt quá giới hạn ${mb(MAX_XLSX_UNCOMPRESSED_BYTES)} MB (quá nhiều dòng hoặc ô). Mỗi tệp chỉ gồm các đơn vị của một năm (tối đa ${MAX_DATA_ROWS.toLocaleString('vi-VN')} dòng).`,
          `The workbook expands to ${mb(total)} MB, more than the ${mb(MAX_XLSX_UNCOMPRESSED_BYTES)} MB limit (too many rows or cells). One file holds one year (${MAX_DATA_ROWS} rows at most).`,
        ),
      ],
    };
  }

  // Count each worksheet's rows from its XML before exceljs builds a model of it (exceljs needs seconds
  // and hundreds of megabytes for 200 000 rows; this scan needs milliseconds and no memory).
  for (const e of entries.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/.test(x.name))) {
    const scan = await scanXmlRows(bytes, e, MAX_XLSX_UNCOMPRESSED_BYTES);
    if (!scan.readable) return { ok: false, problems: [broken()] };
    if (scan.truncated) {
      return {
        ok: false,
        problems: [
          fileProblem(
            'file_too_large',
            `Tệp Excel khi giải nén lớn hơn ${mb(MAX_XLSX_UNCOMPRESSED_BYTES)} MB (quá nhiều dòng hoặc ô). Mỗi tệp chỉ gồm các đơn vị của một năm.`,
            `The workbook expands to more than ${mb(MAX_XLSX_UNCOMPRESSED_BYTES)} MB (too many rows or cells). One file holds one year.`,
          ),
        ],
      };
    }
    if (scan.rows - 1 > MAX_DATA_ROWS) return { ok: false, problems: [tooManyRows(scan.rows - 1)] };
  }

  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    // exceljs wants an ArrayBuffer-like; pass exactly the file's bytes.
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return { ok: false, problems: [broken()] };
  }
  const sheets = wb.worksheets;
  const ws = sheets.find((s) => {
    const first = s.getRow(1);
    const cells: GridCell[] = [];
    for (let c = 1; c <= Math.min(s.columnCount, MAX_COLUMNS); c++)
      cells.push(toGridCell(first.getCell(c).value));
    return findFixedColumn(cells, 'code') >= 0;
  });
  if (!ws) {
    const names = sheets.map((s) => `"${s.name}"`).join(', ') || '(không có)';
    return {
      ok: false,
      problems: [
        fileProblem(
          'no_data_sheet',
          `Không tìm thấy trang tính dữ liệu: cần một trang có dòng 1 là tiêu đề, gồm cột "${HEADERS.code}". Các trang trong tệp: ${names}.`,
          `No data sheet found: one sheet must have the header on row 1 with a "${HEADERS.code}" column. Sheets in the file: ${names}.`,
        ),
      ],
    };
  }
  if (ws.actualRowCount - 1 > MAX_DATA_ROWS)
    return { ok: false, problems: [tooManyRows(ws.actualRowCount - 1)] };
  if (ws.actualColumnCount > MAX_COLUMNS) {
    return {
      ok: false,
      problems: [
        fileProblem(
          'too_many_columns',
          `Trang "${ws.name}" có ${ws.actualColumnCount} cột, vượt quá giới hạn ${MAX_COLUMNS} cột.`,
          `Sheet "${ws.name}" has ${ws.actualColumnCount} columns, more than the limit of ${MAX_COLUMNS}.`,
        ),
      ],
    };
  }
  const rows: GridCell[][] = [];
  const width = Math.min(ws.columnCount, MAX_COLUMNS);
  const height = Math.min(ws.rowCount, MAX_DATA_ROWS + 1 + 1000);
  for (let r = 1; r <= height; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(toGridCell(row.getCell(c).value));
    rows.push(cells);
  }
  // Trailing blank rows (formatting only) are not data.
  while (rows.length > 1 && rows[rows.length - 1]!.every((c) => c.value === null && !c.formula && !c.error))
    rows.pop();
  if (rows.length - 1 > MAX_DATA_ROWS) return { ok: false, problems: [tooManyRows(rows.length - 1)] };
  return { ok: true, grid: { format: 'xlsx', sheet: ws.name, rows }, problems: [] };
}
