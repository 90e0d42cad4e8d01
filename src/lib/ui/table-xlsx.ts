import { loadExcel } from '../import/excel';
import type { TableSheet } from '../view/planner-table';

/**
 * The planners' sheet as an XLSX workbook, the layout of the CSV (view/planner-table.ts tableSheet) with
 * what a CSV cannot carry: the unit codes are text cells ("01234" stays "01234" in Excel and LibreOffice,
 * whatever the locale), the header row is frozen with the unit's name beside it, and every column has a
 * filter. exceljs loads only when a planner asks for the file (import/excel.ts): never on first paint.
 */
export async function tableXlsx(sheet: TableSheet, sheetName: string): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'ntm-progress-map';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  ws.addRow(sheet.headers);
  for (const line of sheet.lines) ws.addRow(line.map((v) => (v === null || v === undefined ? '' : v)));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.headers.length } };
  const criteria = new Set(sheet.criteriaColumns);
  const wide = new Set(sheet.wideColumns);
  sheet.headers.forEach((_, i) => {
    ws.getColumn(i + 1).width = wide.has(i) ? 32 : criteria.has(i) ? 12 : 14;
  });
  const code = ws.getColumn(sheet.codeColumn + 1);
  code.numFmt = '@';
  code.eachCell((cell) => {
    cell.value = String(cell.value ?? '');
  });
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
