/**
 * Number, percent and date formatting for both languages. Missing values print as an em dash, never as
 * "0", "NaN" or "null", so a reader cannot mistake "no data" for a value.
 */
import type { Lang } from '../i18n/define';

export type { Lang };

/** Shown for null, undefined, NaN and infinite values. */
export const MISSING = '—';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
/** Decimal and grouping separators: the ones Intl.NumberFormat uses for vi-VN and en-GB. */
const SEPARATORS: Record<Lang, { decimal: string; group: string }> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

function clampDigits(digits: number): number {
  return Number.isInteger(digits) ? Math.min(6, Math.max(0, digits)) : 0;
}

/**
 * |x| as a plain decimal string with exactly `d` decimals, rounded half away from zero on the shortest
 * decimal form of x (what Intl.NumberFormat does: 1.005 → '1.01', where toFixed gives '1.00').
 * Null for magnitudes String() writes with an exponent.
 */
function fixedDigits(x: number, d: number): string | null {
  const shortest = String(Math.abs(x));
  if (shortest.includes('e')) return null;
  const [int = '0', frac = ''] = shortest.split('.');
  if (frac.length <= d) return d === 0 ? int : `${int}.${frac.padEnd(d, '0')}`;
  let digits = BigInt(int + frac.slice(0, d));
  if ((frac[d] as string) >= '5') digits += 1n;
  const text = digits.toString().padStart(d + 1, '0');
  return d === 0 ? text : `${text.slice(0, -d)}.${text.slice(-d)}`;
}

/**
 * A number with exactly `digits` decimals: 17.3 → '17,3' (vi) / '17.3' (en); 1234.5 → '1.234,5' / '1,234.5'.
 * Negative zero after rounding prints as '0'.
 * Written out rather than with Intl.NumberFormat: the first Intl formatter of a page loads the locale's
 * ICU data, ~50 ms of main thread on a fast machine and four times that on a mid-range phone, at the
 * moment the first view renders. Unit tests hold it equal to Intl.NumberFormat.
 */
export function formatNumber(x: number | null | undefined, lang: Lang, digits = 0): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return MISSING;
  const d = clampDigits(digits);
  const fixed = fixedDigits(x, d);
  if (fixed === null) return intlFormat(x, lang, d);
  const { decimal, group } = SEPARATORS[lang] ?? SEPARATORS.vi;
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, group);
  const body = frac === undefined ? grouped : `${grouped}${decimal}${frac}`;
  // A value that rounds to zero prints without a sign: a reader should see '0,0', not '-0,0'.
  return x < 0 && /[1-9]/.test(fixed) ? `-${body}` : body;
}

/** Magnitudes beyond plain decimal notation (≥ 1e21 or < 1e-6): rare, so Intl's start-up cost is fine. */
function intlFormat(x: number, lang: Lang, d: number): string {
  const s = new Intl.NumberFormat(LOCALES[lang] ?? LOCALES.vi, {
    minimumFractionDigits: d,
    maximumFractionDigits: d,
  }).format(x);
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
