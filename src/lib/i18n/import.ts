/**
 * The import's section of the catalogue (see define.ts): the report summary and its plain-text form (the
 * CLI's output), the years of a boundary vintage, and a refused write. Shared by the editor's lazy
 * chunk and the command-line scripts; never by the first paint.
 */
import { defineMessages } from './define';

export const ti = defineMessages(
  {
    'summary.where': 'năm {year}, bộ tiêu chí {framework}, địa giới {vintage}',
    'summary.noYear': 'chưa xác định được năm',
    'summary.valid':
      'Hợp lệ ({where}): {rows} dòng có số liệu, {errors} lỗi, {warnings} cảnh báo, {notes} ghi chú.',
    'summary.refused':
      'Không nhập được ({where}): {rows} dòng hợp lệ, {errors} lỗi, {warnings} cảnh báo, {notes} ghi chú.',
    'line.row': 'dòng {row}',
    'line.column': 'cột {column}',
    'line.value': 'giá trị',
    'severity.error': 'LỖI',
    'severity.warning': 'Cảnh báo',
    'severity.note': 'Ghi chú',
    'vintage.from2026': 'từ 2026',
    'write.failed':
      'Không ghi được: {reason}. Không có dòng nào được ghi (nhập theo nguyên tắc tất cả hoặc không gì cả).',
  },
  {
    'summary.where': 'year {year}, framework {framework}, vintage {vintage}',
    'summary.noYear': 'year unknown',
    'summary.valid':
      'Valid ({where}): {rows} rows with data, {errors} errors, {warnings} warnings, {notes} notes.',
    'summary.refused':
      'Refused ({where}): {rows} valid rows, {errors} errors, {warnings} warnings, {notes} notes.',
    'line.row': 'row {row}',
    'line.column': 'column {column}',
    'line.value': 'value',
    'severity.error': 'ERROR',
    'severity.warning': 'Warning',
    'severity.note': 'Note',
    'vintage.from2026': 'from 2026',
    'write.failed': 'Import failed: {reason}. Nothing was written (all or nothing).',
  },
);
