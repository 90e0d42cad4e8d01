import type { Criterion } from '../../domain/types';
import { formatDate } from '../../domain/format';
import type { Lang } from '../../i18n/define';
import { te } from '../../i18n/editor';
import { TIER_LABELS, TIER_LABELS_EN } from '../../import/vocab';

/**
 * One audited write of a unit assessment (view public.unit_change), told as a short list of what
 * changed: "TC3: Không đạt → Đạt", "Mức: Chưa đạt → Đạt chuẩn". Pure: the history component renders it.
 */
export interface ChangeRow {
  id: number;
  changed_at: string;
  actor_email: string | null;
  /** Who wrote, never empty: the editor's email, the CLI's --actor, or the database user (issue 13). */
  actor?: string;
  actor_role: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  old_row: Record<string, unknown> | null;
  new_row: Record<string, unknown> | null;
}

function criterionState(row: Record<string, unknown> | null, n: number): 'met' | 'not_met' | 'no_data' {
  if (!row) return 'no_data';
  if (Array.isArray(row.criteria_met) && row.criteria_met.includes(n)) return 'met';
  if (Array.isArray(row.criteria_missing) && row.criteria_missing.includes(n)) return 'not_met';
  return 'no_data';
}

/** The tiers' words are the import vocabulary's (the template's cells), so history and files agree. */
const TIERS: Record<Lang, Readonly<Record<string, string>>> = { vi: TIER_LABELS, en: TIER_LABELS_EN };

function tierText(v: unknown, lang: Lang): string {
  if (typeof v !== 'string') return '—';
  return TIERS[lang][v] ?? v;
}

function plain(v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return te(lang, v ? 'change.yes' : 'change.no');
  return String(v);
}

/** The audited columns told in the history, besides the criteria (each has a 'field.*' label). */
type Field =
  'tier' | 'urban_status' | 'decision_no' | 'decision_date' | 'source' | 'published' | 'illustrative';

export function describeChange(change: ChangeRow, criteria: readonly Criterion[], lang: Lang): string[] {
  const { old_row: before, new_row: after } = change;
  if (change.operation === 'DELETE') return [te(lang, 'change.deleted')];
  const lines: string[] = [];
  if (change.operation === 'INSERT') {
    // A new assessment: the count, not nineteen "no data → met" lines.
    lines.push(te(lang, 'change.new'));
    const met = criteria.filter((c) => criterionState(after, c.number) === 'met').length;
    const missing = criteria.filter((c) => criterionState(after, c.number) === 'not_met').length;
    if (met + missing > 0) {
      lines.push(te(lang, 'change.criteria', { met, total: criteria.length, missing }));
    }
  }
  for (const c of change.operation === 'INSERT' ? [] : criteria) {
    const a = criterionState(before, c.number);
    const b = criterionState(after, c.number);
    if (a !== b) lines.push(`TC${c.number}: ${te(lang, `change.${a}`)} → ${te(lang, `change.${b}`)}`);
  }
  const fields: [Field, (v: unknown) => string][] = [
    ['tier', (v) => tierText(v, lang)],
    ['urban_status', (v) => tierText(v, lang)],
    ['decision_no', (v) => plain(v, lang)],
    ['decision_date', (v) => (typeof v === 'string' ? formatDate(v, lang) : '—')],
    ['source', (v) => plain(v, lang)],
    ['published', (v) => plain(v, lang)],
    ['illustrative', (v) => plain(v, lang)],
  ];
  for (const [key, fmt] of fields) {
    if (change.operation === 'INSERT' && (after?.[key] ?? null) === null) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b))
      lines.push(`${te(lang, `field.${key}`)}: ${fmt(a)} → ${fmt(b)}`);
  }
  return lines;
}
