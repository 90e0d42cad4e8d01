/**
 * The eight target groups of Kết luận 98-KL/TU, section 2.1 (data/reference/targets-2021-2025.md): their
 * short titles for headings live in the leaders' section of the catalogue (i18n/targets.ts).
 */
import type { Lang } from '../i18n/define';
import { keyIn } from '../i18n/lookup';
import { tt } from '../i18n/targets';

export function groupTitle(no: number, lang: Lang): string {
  const key = keyIn(tt, `group.${no}`);
  return key ? tt(lang, key) : tt(lang, 'group.other', { no });
}
