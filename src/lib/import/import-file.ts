import type { ImportCatalog } from './catalog';
import { MAX_FILE_BYTES } from './limits';
import { countBySeverity, fileProblem, type ImportProblem } from './problems';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { fileReport, validateGrid, type ImportReport, type ValidateOptions } from './validate';
import { isZip } from './zip';

/**
 * The whole check of an uploaded file, in the order that keeps it cheap: size, then format sniffing,
 * then reading (CSV or XLSX), then validation against the catalogue. The same function serves the CLI
 * and the editor dialog. Never throws for bad input; nothing here writes anything.
 */
export async function readImportFile(
  bytes: Uint8Array,
  catalog: ImportCatalog,
  opts: ValidateOptions & { fileName?: string } = {},
): Promise<ImportReport> {
  if (bytes.length === 0) {
    return fileReport([fileProblem('file_empty', 'Tệp rỗng (0 byte).', 'The file is empty (0 bytes).')]);
  }
  const tooLarge = sizeReport(bytes.length);
  if (tooLarge) return tooLarge;
  // Old binary Excel (.xls, OLE2 compound file): exceljs cannot read it.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fileReport([
      fileProblem(
        'legacy_xls',
        'Tệp Excel định dạng cũ (.xls) không được hỗ trợ. Hãy mở bằng Excel và lưu lại dạng "Excel Workbook (.xlsx)".',
        'Old Excel files (.xls) are not supported. Save it as "Excel Workbook (.xlsx)".',
      ),
    ]);
  }
  const named = opts.fileName?.toLowerCase() ?? '';
  if (isZip(bytes)) {
    const read = await readXlsx(bytes);
    if (!read.ok) return fileReport(read.problems, { format: 'xlsx' });
    return withReadProblems(read.problems, validateGrid(read.grid, catalog, opts));
  }
  if (named.endsWith('.xlsx')) {
    return fileReport(
      [
        fileProblem(
          'bad_xlsx',
          'Tệp có đuôi .xlsx nhưng nội dung không phải tệp Excel. Hãy mở bằng Excel và lưu lại.',
          'The file is named .xlsx but is not an Excel workbook. Open it in Excel and save it again.',
        ),
      ],
      { format: 'xlsx' },
    );
  }
  const read = readCsv(bytes);
  if (!read.ok) return fileReport(read.problems, { format: 'csv' });
  return withReadProblems(read.problems, validateGrid(read.grid, catalog, opts));
}

/** The reader's own findings (e.g. the encoding note) ahead of the validator's. */
function withReadProblems(problems: ImportProblem[], report: ImportReport): ImportReport {
  if (problems.length === 0) return report;
  const all = [...problems, ...report.problems];
  const counts = countBySeverity(all);
  return { ...report, problems: all, counts, ok: report.ok && counts.error === 0 };
}

/** The report for a file over MAX_FILE_BYTES, or null: callers holding a File check before reading it. */
export function sizeReport(size: number): ImportReport | null {
  if (size <= MAX_FILE_BYTES) return null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return fileReport([
    fileProblem(
      'file_too_large',
      `Tệp lớn ${mb(size)} MB, vượt quá giới hạn ${mb(MAX_FILE_BYTES)} MB. Mỗi tệp chỉ gồm các đơn vị của một năm; tệp mẫu chỉ khoảng vài chục KB.`,
      `The file is ${mb(size)} MB, more than the ${mb(MAX_FILE_BYTES)} MB limit. One file holds one year; a template is a few tens of KB.`,
    ),
  ]);
}
