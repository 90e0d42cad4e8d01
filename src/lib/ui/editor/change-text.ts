import type { Criterion } from '../../domain/types';
import { formatDate } from '../../domain/format';
import { TIER_LABELS, TIER_LABELS_EN } from '../../import/vocab';

/**
 * One audited write of a unit assessment (view public.unit_change), told as a short list of what
 * changed: "TC3: Không đạt → Đạt", "Mức: Chưa đạt → Đạt chuẩn". Pure: the history component renders it.
 */
export interface ChangeRow {
  id: number;
  changed_at: string;
  actor_email: string | null;
  actor_role: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  old_row: Record<string, unknown> | null;
  new_row: Record<string, unknown> | null;
}

import type { Lang } from '../../i18n/define';

function criterionState(row: Record<string, unknown> | null, n: number): 'met' | 'not_met' | 'no_data' {
  if (!row) return 'no_data';
  if (Array.isArray(row.criteria_met) && row.criteria_met.includes(n)) return 'met';
  if (Array.isArray(row.criteria_missing) && row.criteria_missing.includes(n)) return 'not_met';
  return 'no_data';
}

const STATE: Record<Lang, Record<'met' | 'not_met' | 'no_data', string>> = {
  vi: { met: 'Đạt', not_met: 'Không đạt', no_data: 'chưa có số liệu' },
  en: { met: 'met', not_met: 'not met', no_data: 'no data' },
};

function tierText(v: unknown, lang: Lang): string {
  if (typeof v !== 'string') return '—';
  const labels = lang === 'vi' ? TIER_LABELS : TIER_LABELS_EN;
  return (labels as Record<string, string>)[v] ?? v;
}

function plain(v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no';
  return String(v);
}

export function describeChange(change: ChangeRow, criteria: readonly Criterion[], lang: Lang): string[] {
  const { old_row: before, new_row: after } = change;
  if (change.operation === 'DELETE')
    return [lang === 'vi' ? 'Xóa đánh giá của năm này' : 'Assessment deleted'];
  const lines: string[] = [];
  if (change.operation === 'INSERT') {
    // A new assessment: the count, not nineteen "no data → met" lines.
    lines.push(lang === 'vi' ? 'Nhập mới' : 'New assessment');
    const met = criteria.filter((c) => criterionState(after, c.number) === 'met').length;
    const missing = criteria.filter((c) => criterionState(after, c.number) === 'not_met').length;
    if (met + missing > 0) {
      lines.push(
        lang === 'vi'
          ? `Tiêu chí: ${met}/${criteria.length} đạt, ${missing} không đạt`
          : `Criteria: ${met}/${criteria.length} met, ${missing} not met`,
      );
    }
  }
  for (const c of change.operation === 'INSERT' ? [] : criteria) {
    const a = criterionState(before, c.number);
    const b = criterionState(after, c.number);
    if (a !== b) lines.push(`TC${c.number}: ${STATE[lang][a]} → ${STATE[lang][b]}`);
  }
  const fields: [string, string, string, (v: unknown) => string][] = [
    ['tier', 'Mức', 'Tier', (v) => tierText(v, lang)],
    ['urban_status', 'Văn minh đô thị', 'Civilised urban', (v) => tierText(v, lang)],
    ['decision_no', 'Số quyết định', 'Decision', (v) => plain(v, lang)],
    [
      'decision_date',
      'Ngày quyết định',
      'Decision date',
      (v) => (typeof v === 'string' ? formatDate(v, lang) : '—'),
    ],
    ['source', 'Nguồn', 'Source', (v) => plain(v, lang)],
    ['published', 'Công bố', 'Published', (v) => plain(v, lang)],
    ['illustrative', 'Minh họa', 'Illustrative', (v) => plain(v, lang)],
  ];
  for (const [key, vi, en, fmt] of fields) {
    if (change.operation === 'INSERT' && (after?.[key] ?? null) === null) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b))
      lines.push(`${lang === 'vi' ? vi : en}: ${fmt(a)} → ${fmt(b)}`);
  }
  return lines;
}
