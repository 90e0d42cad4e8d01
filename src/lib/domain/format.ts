/**
 * Number, percent and date formatting for both languages. Missing values print as an em dash, never as
 * "0", "NaN" or "null", so a reader cannot mistake "no data" for a value.
 */
export type Lang = 'vi' | 'en';

/** Shown for null, undefined, NaN and infinite values. */
export const MISSING = '—';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang] ?? LOCALES.vi, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, f);
  }
  return f;
}

function clampDigits(digits: number): number {
  return Number.isInteger(digits) ? Math.min(6, Math.max(0, digits)) : 0;
}

/**
 * A number with exactly `digits` decimals: 17.3 → '17,3' (vi) / '17.3' (en); 1234.5 → '1.234,5' / '1,234.5'.
 * Negative zero after rounding prints as '0'.
 */
export function formatNumber(x: number | null | undefined, lang: Lang, digits = 0): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return MISSING;
  const d = clampDigits(digits);
  const s = numberFormat(lang, d).format(x);
  // Intl keeps the sign of -0.04 rounded to '-0,0'; a reader should see '0,0'.
  return /^-0([.,]0*)?$/.test(s) ? s.slice(1) : s;
}

/** A value already in percent (41.5 → '41,5%' / '41.5%'), as the summaries store it. */
export function formatPercent(x: number | null | undefined, lang: Lang, digits = 1): string {
  const n = formatNumber(x, lang, digits);
  return n === MISSING ? MISSING : `${n}%`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO date 'YYYY-MM-DD' (a longer ISO timestamp is cut to its date): '08/03/2022' in vi,
 * '8 Mar 2022' in en (unambiguous for every English reader). Parsed by hand, not with Date, so no time
 * zone can shift the day. A string that is not a valid date is returned unchanged (it stays visible).
 */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (typeof iso !== 'string' || iso.trim() === '') return MISSING;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso.trim());
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth) return iso;
  if (lang === 'en') return `${d} ${MONTHS_EN[mo - 1]} ${y}`;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** '17/19' — criteria met out of the framework total; '—' when not assessed. */
export function formatCriteria(count: number | null | undefined, total: number | null | undefined): string {
  if (
    typeof count !== 'number' ||
    typeof total !== 'number' ||
    !Number.isFinite(count) ||
    !Number.isFinite(total)
  )
    return MISSING;
  return `${count}/${total}`;
}
