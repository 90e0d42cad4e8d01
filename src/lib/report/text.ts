/**
 * The sentences of the targets view and the printed report, in Vietnamese and English: the status and
 * the period result said in words (and a mark for black-and-white print), never by colour alone.
 */
import { formatDate, type Lang } from '../domain/format';
import { TARGET_STATUS_LABELS, type TargetStatus } from '../domain/targets';
import type { Target } from '../domain/types';
import { tt } from '../i18n/targets';
import type { PeriodResult, PeriodVerdict } from './period-result';
import { COMPUTED_SOURCE } from './series';
import type { SourceLine } from './targets-report';
import { formatGap, formatSignedGap, formatValue } from './units';

/** Marks that survive a black-and-white printer (the status is also written out in words). */
export const STATUS_MARK: Record<TargetStatus, string> = {
  met: '✔',
  on_track: '↗',
  at_risk: '▲',
  missed: '✖',
  no_data: '○',
  no_target: '–',
};

export const VERDICT_MARK: Record<PeriodVerdict, string> = {
  met: '✔',
  not_met: '✖',
  pending: '…',
  no_data: '○',
  no_target: '–',
};

export function verdictLabel(verdict: PeriodVerdict, lang: Lang): string {
  return tt(lang, `verdict.${verdict}`);
}

export function statusLabel(status: TargetStatus, lang: Lang): string {
  return TARGET_STATUS_LABELS[status][lang];
}

type Rule = Pick<Target, 'direction' | 'strict' | 'unit' | 'target_value'>;

/** How far from the target, in words: 'vượt 1 điểm %', 'còn thiếu 19 xã', 'lệch +0,2‰ (cho phép ±0,67‰)'. */
export function marginText(rule: Rule, result: PeriodResult, lang: Lang): string {
  const m = result.margin;
  if (m === null) return '';
  if (rule.direction === 'target') {
    const dev = formatSignedGap(result.deviation ?? 0, rule.unit, lang);
    const tol = `±${formatGap(result.tolerance ?? 0, rule.unit, lang)}`;
    return tt(lang, 'margin.offBy', { dev, tol });
  }
  const gap = formatGap(m, rule.unit, lang);
  if (Math.abs(m) < 1e-9) {
    if (!rule.strict) return tt(lang, 'margin.exactly');
    return tt(lang, rule.direction === 'higher' ? 'margin.equalMustExceed' : 'margin.equalMustUndercut');
  }
  if (rule.direction === 'higher') return tt(lang, m > 0 ? 'margin.exceeded' : 'margin.short', { gap });
  return tt(lang, m > 0 ? 'margin.below' : 'margin.above', { gap });
}

/** The period result in one sentence: 'Đạt, vượt 1 điểm %', 'Chưa kết luận (đúng tiến độ): chưa có số liệu năm 2025 (năm 2024: còn thiếu 2 xã)'. */
export function resultText(
  rule: Rule | null | undefined,
  result: PeriodResult,
  lang: Lang,
  finalYear = 2025,
): string {
  const label = verdictLabel(result.verdict, lang);
  if (!rule || result.verdict === 'no_data' || result.verdict === 'no_target' || !result.point) return label;
  const margin = marginText(rule, result, lang);
  const year = result.point.year;
  if (result.verdict === 'pending') {
    // Mid-sentence: "Chưa kết luận (đúng tiến độ): …".
    const status = result.status
      ? statusLabel(result.status, lang).replace(/^./, (c) => c.toLowerCase())
      : '';
    return tt(lang, 'result.pending', { label, status, final: finalYear, year, margin });
  }
  const when = result.final ? '' : tt(lang, 'result.notFinal', { year });
  return `${label}, ${margin}${when}`;
}

/** 'Theo lộ trình, năm 2023 cần ≥ 46,86%' — the straight-path value the status compares with. */
export function pathText(rule: Rule, year: number, expected: number | null, lang: Lang): string {
  if (expected === null || rule.direction === 'target') return '';
  const sign = rule.direction === 'higher' ? '≥' : '≤';
  const v = formatValue(expected, rule.unit, lang);
  return tt(lang, 'path.needs', { year, sign, value: v });
}

/** Years as short ranges: [2020, 2021, 2023, 2024, 2025] → '2020–2021, 2023–2025'. */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const y of [...sorted, Number.NaN]) {
    if (start !== undefined && prev !== undefined && y === prev + 1) {
      prev = y;
      continue;
    }
    if (start !== undefined && prev !== undefined)
      parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return parts.join(', ');
}

/**
 * A source as the reader's language says it. The fixed note the database view gives the figures it computes
 * (COMPUTED_SOURCE, compared as stored) is translated. Other sources are citations of Vietnamese articles
 * and documents, stored as written: translating a title would cite something that does not exist, so an
 * English reader sees the citation as it is, marked "(in Vietnamese)" (issue 19).
 */
export function sourceName(source: string, lang: Lang): string {
  return source === COMPUTED_SOURCE ? tt(lang, 'source.computed') : tt(lang, 'source.stored', { source });
}

/** A source line in words: '2022: [S31] VOV … (29/09/2023)' or '2020–2025: số liệu minh họa'. */
export function sourceText(line: SourceLine, lang: Lang): string {
  const years = yearRanges(line.years);
  if (!line.source) return `${years}: ${tt(lang, 'source.illustrativeOnly')}`;
  const date = line.source_date ? ` (${formatDate(line.source_date, lang)})` : '';
  const flag = line.illustrative ? tt(lang, 'source.illustrativeFlag') : '';
  return `${years}: ${sourceName(line.source, lang)}${date}${flag}`;
}
