import type ExcelJSTypes from 'exceljs';
import { loadExcel } from './excel';
import { guideRows, type TemplateModel } from './template';
import { MET_LABEL, NOT_MET_LABEL, TIER_LABELS } from './vocab';
import { withFixedZipTimestamps } from './zip';

/**
 * The template as an XLSX workbook: sheet "Dữ liệu" (header + one row per unit, drop-down lists on the
 * criterion and tier cells, codes stored as text so Excel keeps the leading zero) and sheet "Hướng dẫn"
 * (allowed values, the framework's criteria). Bytes are reproducible: fixed document dates and zip
 * timestamps, so regenerating a committed fixture changes nothing.
 */

export const DATA_SHEET = 'Dữ liệu';
export const GUIDE_SHEET = 'Hướng dẫn';

/** Fixed document timestamp (generated files must not depend on the clock). */
const STAMP = new Date(Date.UTC(2020, 0, 1));

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

export async function templateXlsx(model: TemplateModel): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'laichau-ntm-map';
  wb.lastModifiedBy = 'laichau-ntm-map';
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  ws.columns = model.columns.map((c) => ({
    header: c.header,
    key: String(c.key === 'criterion' ? `c${c.number}` : c.key),
    width: c.width,
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 45;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });

  const n = model.ctx.criteria.length;
  const criterionList: ExcelJSTypes.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${MET_LABEL},${NOT_MET_LABEL},1,0"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: `Chỉ ghi "${MET_LABEL}", "${NOT_MET_LABEL}", 1, 0 hoặc để trống.`,
  };
  const tierXa: ExcelJSTypes.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${Object.values(TIER_LABELS).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Mức không hợp lệ',
    error: `Từ "${TIER_LABELS.dat_chuan}" trở lên cần đạt đủ ${n}/${n} tiêu chí.`,
  };
  const tierUrban: ExcelJSTypes.DataValidation = {
    ...tierXa,
    formulae: [`"${TIER_LABELS.chua_dat},${TIER_LABELS.dat_chuan}"`],
    error: `Phường, thị trấn: "${TIER_LABELS.chua_dat}" hoặc "${TIER_LABELS.dat_chuan}" (văn minh đô thị).`,
  };

  model.rows.forEach((values, i) => {
    const row = ws.getRow(i + 2);
    const unit = model.ctx.units[i];
    const urban = unit?.kind === 'phuong' || unit?.kind === 'thi_tran';
    model.columns.forEach((col, j) => {
      const cell = row.getCell(j + 1);
      const v = values[j] ?? null;
      if (col.key === 'decision_date') {
        // ISO dates become real date cells; anything else (only in tests' broken files) stays text.
        cell.value = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? isoToDate(v) : v;
        cell.numFmt = 'dd/mm/yyyy';
      } else cell.value = v;
      if (col.key === 'code' || col.key === 'decision_no') cell.numFmt = '@';
      if (col.key === 'criterion' && !urban) cell.dataValidation = criterionList;
      if (col.key === 'tier') cell.dataValidation = urban ? tierUrban : tierXa;
      if (col.key === 'criterion' && urban) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
      }
    });
  });

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 22 }, { width: 90 }, { width: 40 }];
  for (const r of guideRows(model.ctx)) guide.addRow(r);
  guide.getRow(1).font = { bold: true, size: 14 };
  guide.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const out = await wb.xlsx.writeBuffer();
  return withFixedZipTimestamps(new Uint8Array(out as ArrayBuffer), STAMP);
}
