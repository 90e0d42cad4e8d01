// The one-line notice that says what the app changed in the view the user asked for: values of a link that
// do not apply to its year, and a selected unit carried across a boundary change. Kept as data (not text)
// so it follows a language switch. Pure.
import type { Lang } from '../i18n/define';
import { tn, type NoticeKey } from '../i18n/notice';
import type { CarriedUnit } from './carry-unit';
import type { Dropped } from './sanitize-view';

export interface ViewNoticeData {
  year: number;
  dropped: Dropped[];
  carried: CarriedUnit | null;
}

const FIELD_KEY: Partial<Record<Dropped['field'], NoticeKey>> = {
  district: 'notice.field.district',
  unit: 'notice.field.unit',
  criterion: 'notice.field.criterion',
  missing: 'notice.field.missing',
  below: 'notice.field.below',
};

function carriedText(lang: Lang, c: CarriedUnit): string {
  const params = { from: c.fromName, to: c.toName, fromYear: c.fromYear, toYear: c.toYear, n: c.among };
  if (c.toYear > c.fromYear) return tn(lang, 'notice.carried', params);
  return tn(lang, c.among > 1 ? 'notice.carriedBackMany' : 'notice.carriedBack', params);
}

/** The notice's sentences, or '' when there is nothing to say. */
export function noticeText(lang: Lang, n: ViewNoticeData | null): string {
  if (!n) return '';
  const parts: string[] = [];
  if (n.carried && !n.carried.unchanged) parts.push(carriedText(lang, n.carried));
  if (n.dropped.length > 0) {
    const items = n.dropped
      .map((d) => tn(lang, FIELD_KEY[d.field] ?? 'notice.field.other', { field: d.field, value: d.value }))
      .join(', ');
    parts.push(tn(lang, 'notice.dropped', { year: n.year, items }));
  }
  return parts.join(' ');
}
