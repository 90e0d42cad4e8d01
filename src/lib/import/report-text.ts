import type { ImportReport } from './validate';
import type { Severity } from './problems';

/**
 * The import report as plain text (CLI, logs): a summary line, then one line per problem with its row,
 * column, value and message. Values are shown quoted, never interpreted.
 */

const SEVERITY: Record<'vi' | 'en', Record<Severity, string>> = {
  vi: { error: 'LỖI', warning: 'Cảnh báo', note: 'Ghi chú' },
  en: { error: 'ERROR', warning: 'Warning', note: 'Note' },
};

export function reportSummary(report: ImportReport, lang: 'vi' | 'en' = 'vi'): string {
  const { error, warning, note } = report.counts;
  const where =
    report.year !== null
      ? lang === 'vi'
        ? `năm ${report.year}, bộ tiêu chí ${report.framework}, địa giới ${report.vintage}`
        : `year ${report.year}, framework ${report.framework}, vintage ${report.vintage}`
      : lang === 'vi'
        ? 'chưa xác định được năm'
        : 'year unknown';
  if (lang === 'en') {
    return `${report.ok ? 'Valid' : 'Refused'} (${where}): ${report.rows.length} ${report.ok ? 'rows with data' : 'valid rows'}, ${error} errors, ${warning} warnings, ${note} notes.`;
  }
  return `${report.ok ? 'Hợp lệ' : 'Không nhập được'} (${where}): ${report.rows.length} ${report.ok ? 'dòng có số liệu' : 'dòng hợp lệ'}, ${error} lỗi, ${warning} cảnh báo, ${note} ghi chú.`;
}

export function formatReportText(report: ImportReport, lang: 'vi' | 'en' = 'vi'): string {
  const lines = [reportSummary(report, lang)];
  for (const p of report.problems) {
    const at = [
      p.row !== null ? (lang === 'vi' ? `dòng ${p.row}` : `row ${p.row}`) : null,
      p.column !== null ? (lang === 'vi' ? `cột ${p.column}` : `column ${p.column}`) : null,
      p.header !== null ? `"${p.header}"` : null,
    ]
      .filter(Boolean)
      .join(', ');
    const value = p.value !== null ? ` [${lang === 'vi' ? 'giá trị' : 'value'}: "${p.value}"]` : '';
    lines.push(
      `  ${SEVERITY[lang][p.severity]}${at ? ` (${at})` : ''}${value}: ${lang === 'vi' ? p.message_vi : p.message_en}`,
    );
  }
  return lines.join('\n');
}
