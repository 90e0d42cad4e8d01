import { pick, type Lang } from '../i18n/define';
import { ti } from '../i18n/import';
import type { ImportReport } from './validate';

/**
 * The import report as plain text (CLI, logs): a summary line, then one line per problem with its row,
 * column, value and message. Values are shown quoted, never interpreted.
 */

export function reportSummary(report: ImportReport, lang: Lang = 'vi'): string {
  const { error, warning, note } = report.counts;
  const where =
    report.year !== null
      ? ti(lang, 'summary.where', {
          year: report.year,
          framework: report.framework ?? '',
          vintage: report.vintage ?? '',
        })
      : ti(lang, 'summary.noYear');
  return ti(lang, report.ok ? 'summary.valid' : 'summary.refused', {
    where,
    rows: report.rows.length,
    errors: error,
    warnings: warning,
    notes: note,
  });
}

export function formatReportText(report: ImportReport, lang: Lang = 'vi'): string {
  const lines = [reportSummary(report, lang)];
  for (const p of report.problems) {
    const at = [
      p.row !== null ? ti(lang, 'line.row', { row: p.row }) : null,
      p.column !== null ? ti(lang, 'line.column', { column: p.column }) : null,
      p.header !== null ? `"${p.header}"` : null,
    ]
      .filter(Boolean)
      .join(', ');
    const value = p.value !== null ? ` [${ti(lang, 'line.value')}: "${p.value}"]` : '';
    lines.push(
      `  ${ti(lang, `severity.${p.severity}`)}${at ? ` (${at})` : ''}${value}: ${pick(lang, p, 'message')}`,
    );
  }
  return lines.join('\n');
}
