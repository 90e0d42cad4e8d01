import { isBlankCell, type Grid, type GridCell } from './grid';
import { columnLetter, showValue, type ImportProblem } from './problems';

/**
 * A data row against the header's width, before its cells are read. A filled cell right of the header
 * is an error: nothing can say what it is, and it usually means a cell was inserted and the rest of the
 * row slid one column to the right, so every later value is in the wrong column (the row is therefore not
 * read further). A CSV row with fewer cells than the header is only a warning: trailing empty cells may
 * legally be left out, but it is also what a cut-off line looks like.
 */

/** Columns of the header: up to its last non-blank cell. */
export function headerWidth(header: readonly GridCell[]): number {
  let width = header.length;
  while (width > 0 && isBlankCell(header[width - 1])) width -= 1;
  return width;
}

export function rowShapeProblem(
  cells: readonly GridCell[],
  rowNo: number,
  width: number,
  format: Grid['format'],
): ImportProblem | null {
  const beyond = cells.findIndex((c, i) => i >= width && !isBlankCell(c));
  if (beyond >= 0) {
    const cell = cells[beyond]!;
    const value = showValue(cell.formula !== undefined ? `=${cell.formula}` : (cell.error ?? cell.value));
    return {
      severity: 'error',
      code: 'cell_beyond_header',
      row: rowNo,
      column: columnLetter(beyond),
      header: null,
      value,
      message_vi: `Ô ${columnLetter(beyond)}${rowNo} ("${value}") nằm ngoài các cột của tiêu đề (tiêu đề dừng ở cột ${columnLetter(width - 1)}). Có thể một ô đã bị chèn làm lệch cả dòng sang phải: hãy xóa ô thừa để các giá trị về đúng cột. Dòng này chưa được kiểm tra tiếp.`,
      message_en: `Cell ${columnLetter(beyond)}${rowNo} ("${value}") is outside the header's columns (the header ends at column ${columnLetter(width - 1)}). A cell may have been inserted, shifting the row right: delete it so the values are back in their columns. The rest of this row was not checked.`,
    };
  }
  if (format === 'csv' && cells.length < width && !cells.every((c) => isBlankCell(c))) {
    return {
      severity: 'warning',
      code: 'row_short',
      row: rowNo,
      column: columnLetter(cells.length),
      header: null,
      value: null,
      message_vi: `Dòng ${rowNo} chỉ có ${cells.length} ô, ít hơn ${width} cột của tiêu đề: các cột từ ${columnLetter(cells.length)} trở đi được coi là để trống. Nếu dòng bị cắt mất, hãy bổ sung trước khi nhập (dòng có số liệu thay thế toàn bộ đánh giá của đơn vị).`,
      message_en: `Row ${rowNo} has only ${cells.length} cells, fewer than the header's ${width} columns: columns from ${columnLetter(cells.length)} on are read as blank. If the line was cut off, complete it first (a row with data replaces the unit's whole assessment).`,
    };
  }
  return null;
}
