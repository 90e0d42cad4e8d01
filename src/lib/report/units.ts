/**
 * How the targets' figures read: the unit of each indicator in both languages (i18n/units.ts), the unit of a gap
 * ("percentage points" for a share in %), and numbers with as many decimals as they carry (17.3 → '17,3',
 * 16.85 → '16,85', 33 → '33'), never more than two. Pure: no Svelte, no MapLibre.
 */
import { formatNumber, MISSING, type Lang } from '../domain/format';
import type { Target } from '../domain/types';
import { keyIn } from '../i18n/lookup';
import { tu } from '../i18n/units';

/** Units written right after the number, without a space ("41,5%", "13,2‰", "1.42×"). */
const TIGHT = new Set(['%', '‰', '×']);

/** Most decimals a figure of the targets is shown with. */
export const MAX_DIGITS = 2;

/** Decimals a value actually carries (after rounding to MAX_DIGITS): 17.3 → 1, 16.85 → 2, 33 → 0. */
export function naturalDigits(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const rounded = Math.round(x * 10 ** MAX_DIGITS);
  for (let d = 0; d < MAX_DIGITS; d++) if (rounded % 10 ** (MAX_DIGITS - d) === 0) return d;
  return MAX_DIGITS;
}

/** A number with its natural decimals: '17,3' (vi), '17.3' (en); '—' when missing. */
export function formatFigure(x: number | null | undefined, lang: Lang): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return MISSING;
  return formatNumber(x, lang, naturalDigits(x));
}

/**
 * The unit as the language writes it after `count` (when given): the catalogue's `.one` form where the
 * language's plural rules say "one" ("1 district"), else the usual form ("2 districts", "1,5 huyện").
 */
export function unitLabel(unit: string, lang: Lang, count?: number): string {
  const one =
    count !== undefined && plural(lang).select(shown(count)) === 'one' ? keyIn(tu, `${unit}.one`) : null;
  if (one) return tu(lang, one);
  // A unit the catalogue does not know is shown as stored.
  const key = keyIn(tu, unit);
  return key ? tu(lang, key) : unit;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
const plural = (lang: Lang) => {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
};
/** The number as shown (at most MAX_DIGITS decimals, no sign): 1.004 reads "1", so "1 district". */
const shown = (x: number) => Math.round(Math.abs(x) * 10 ** MAX_DIGITS) / 10 ** MAX_DIGITS;

function attach(number: string, unit: string): string {
  if (!unit) return number;
  return TIGHT.has(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

/** A value with its unit: '41,5%', '17,1 tiêu chí/xã', '25.8 billion VND'; '—' when missing. */
export function formatValue(x: number | null | undefined, unit: string, lang: Lang): string {
  const n = formatFigure(x, lang);
  return n === MISSING ? MISSING : attach(n, unitLabel(unit, lang, x as number));
}

/** A gap between two shares in % is in percentage points ('gap.%'); other units stay as they are. */
function gapUnit(unit: string, lang: Lang, gap: number): string {
  const key = keyIn(tu, `gap.${unit}`);
  return key ? tu(lang, key) : unitLabel(unit, lang, gap);
}

/** A difference in the indicator's unit: '1,2 điểm %', '3 xã', '0.3‰'. Always positive (the words say which way). */
export function formatGap(x: number, unit: string, lang: Lang): string {
  return attach(formatFigure(Math.abs(x), lang), gapUnit(unit, lang, x));
}

/** A signed difference: '+0,2‰', '−1,5 điểm %', '0 xã'. */
export function formatSignedGap(x: number, unit: string, lang: Lang): string {
  const sign =
    x > 0 && formatFigure(x, lang) !== formatFigure(0, lang)
      ? '+'
      : x < 0 && formatFigure(-x, lang) !== formatFigure(0, lang)
        ? '−'
        : '';
  return `${sign}${formatGap(x, unit, lang)}`;
}

/**
 * The 2025 target as the conclusion states it: '> 60%' (strict), '≥ 57,5%', '< 15%', '≤ 20%',
 * '0 xã' (nothing above zero is allowed), '13,45‰' for a target value.
 */
export function formatTargetValue(
  target: Pick<Target, 'target_value' | 'direction' | 'strict' | 'unit'>,
  lang: Lang,
): string {
  const v = formatValue(target.target_value, target.unit, lang);
  if (target.direction === 'target') return v;
  if (target.direction === 'lower' && !target.strict && target.target_value === 0) return v;
  const sign = target.direction === 'higher' ? (target.strict ? '>' : '≥') : target.strict ? '<' : '≤';
  return `${sign} ${v}`;
}
