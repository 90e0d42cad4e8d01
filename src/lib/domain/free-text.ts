/**
 * Free text (decision numbers, sources, notes, the audit's actor): what may be stored, one rule for the
 * browser's checks, the CSV writer and the database (issue 20, item 5).
 *
 * - Invisible characters are refused anywhere: Unicode categories Cc (controls: NUL, BEL, ESC, tab, CR…),
 *   Cf (format: soft hyphen, zero-width space, RLO and the other bidirectional overrides, BOM…) and the
 *   line and paragraph separators U+2028 / U+2029. A note may hold a line feed (U+000A), nothing else.
 * - A formula starter (= + - @ |, in ASCII, full width ＝ ＋ － ＠ ｜ or small form ﹦ ﹢ ﹣ ﹫) is refused as
 *   the first character after any leading whitespace, invisible characters or apostrophes: a
 *   spreadsheet opening an export would run it.
 *
 * The character classes are listed as code point ranges, not as \p{…} classes: PostgreSQL 15 has no
 * Unicode property classes, and a browser's Unicode version may differ from Node's. The database
 * mirrors these lists (supabase/migrations/20261204000500_free_text.sql); tests check that the lists
 * equal Node's Unicode data and that the database's lists equal these.
 */

/** Inclusive code point ranges. */
export type CodeRange = readonly [number, number];

/** Cc, Cf, Zl and Zp, as in Unicode 17 (Node 22's data). */
export const INVISIBLE_RANGES: readonly CodeRange[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x0600, 0x0605],
  [0x061c, 0x061c],
  [0x06dd, 0x06dd],
  [0x070f, 0x070f],
  [0x0890, 0x0891],
  [0x08e2, 0x08e2],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
  [0x110bd, 0x110bd],
  [0x110cd, 0x110cd],
  [0x13430, 0x1343f],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0001, 0xe0001],
  [0xe0020, 0xe007f],
];

/** Unicode White_Space: what may precede a formula starter and still leave it a formula. */
export const WHITESPACE_RANGES: readonly CodeRange[] = [
  [0x0009, 0x000d],
  [0x0020, 0x0020],
  [0x0085, 0x0085],
  [0x00a0, 0x00a0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

/** Characters a spreadsheet reads as the start of a formula, in every width. */
export const FORMULA_STARTERS = '=+-@|＝＋－＠｜﹦﹢﹣﹫';

/** The line break a note may hold. */
export const LINE_FEED = 0x000a;

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const esc = (n: number) => `\\u{${hex(n)}}`;
const classOf = (ranges: readonly CodeRange[]) =>
  ranges.map(([a, b]) => (a === b ? esc(a) : `${esc(a)}-${esc(b)}`)).join('');

/** The ranges without one code point (the line feed a note may hold). */
export function rangesWithout(ranges: readonly CodeRange[], cp: number): CodeRange[] {
  return ranges.flatMap(([a, b]): CodeRange[] => {
    if (cp < a || cp > b) return [[a, b]];
    const out: CodeRange[] = [];
    if (a < cp) out.push([a, cp - 1]);
    if (cp < b) out.push([cp + 1, b]);
    return out;
  });
}

const INVISIBLE = new RegExp(`[${classOf(INVISIBLE_RANGES)}]`, 'u');
const INVISIBLE_BUT_LF = new RegExp(`[${classOf(rangesWithout(INVISIBLE_RANGES, LINE_FEED))}]`, 'u');
const INVISIBLE_BUT_LF_ALL = new RegExp(INVISIBLE_BUT_LF.source, 'gu');
const starters = [...FORMULA_STARTERS].map((c) => esc(c.codePointAt(0)!)).join('');
/**
 * Leading whitespace, invisible characters or apostrophes, then a formula starter. The apostrophe is
 * the spreadsheet's "this is text" mark, which the CSV writer adds and the importer takes off: "'=1"
 * would come back from a round trip as "=1".
 */
export const FORMULA_LIKE = new RegExp(
  `^[${classOf(WHITESPACE_RANGES)}${classOf(INVISIBLE_RANGES)}']*[${starters}]`,
  'u',
);

export type FreeTextProblem = 'invisible' | 'formula';

export interface FreeTextOptions {
  /** A note: line feeds allowed. */
  multiline?: boolean;
}

/** The first invisible character the rule refuses, or null. */
export function firstInvisible(text: string, opts: FreeTextOptions = {}): string | null {
  return (opts.multiline ? INVISIBLE_BUT_LF : INVISIBLE).exec(text)?.[0] ?? null;
}

/** True when a spreadsheet would run the text as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_LIKE.test(text);
}

/** What the rule refuses in a free-text value, or null when it may be stored. */
export function freeTextProblem(text: string, opts: FreeTextOptions = {}): FreeTextProblem | null {
  if (firstInvisible(text, opts) !== null) return 'invisible';
  if (isFormulaLike(text)) return 'formula';
  return null;
}

/** "U+202E", to name an invisible character in a message. */
export function codePointName(ch: string): string {
  return `U+${hex(ch.codePointAt(0)!)}`;
}

/** Every invisible character but the line feed replaced by U+FFFD, the visible replacement mark. */
export function replaceInvisible(text: string): string {
  return text.replace(INVISIBLE_BUT_LF_ALL, '\uFFFD');
}
