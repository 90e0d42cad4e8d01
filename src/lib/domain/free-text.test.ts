import { describe, expect, it } from 'vitest';
import {
  INVISIBLE_RANGES,
  WHITESPACE_RANGES,
  freeTextProblem,
  firstInvisible,
  rangesWithout,
  replaceInvisible,
  type CodeRange,
} from './free-text';

/** Every code point (surrogates aside) matching `re`, as inclusive ranges. */
function rangesOf(re: RegExp): CodeRange[] {
  const out: CodeRange[] = [];
  let start = -1;
  for (let cp = 0; cp <= 0x110000; cp++) {
    const hit = cp < 0x110000 && (cp < 0xd800 || cp > 0xdfff) && re.test(String.fromCodePoint(cp));
    if (hit && start < 0) start = cp;
    if (!hit && start >= 0) {
      out.push([start, cp - 1]);
      start = -1;
    }
  }
  return out;
}

describe('the character classes', () => {
  it('list exactly Node’s Cc, Cf, Zl and Zp code points (the database mirrors this list)', () => {
    expect(INVISIBLE_RANGES).toEqual(rangesOf(/^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u));
  });

  it('list exactly Node’s White_Space code points', () => {
    expect(WHITESPACE_RANGES).toEqual(rangesOf(/^\p{White_Space}$/u));
  });

  it('take one code point out of a range', () => {
    expect(
      rangesWithout(
        [
          [0, 31],
          [127, 159],
        ],
        10,
      ),
    ).toEqual([
      [0, 9],
      [11, 31],
      [127, 159],
    ]);
    expect(rangesWithout([[10, 10]], 10)).toEqual([]);
  });
});

describe('freeTextProblem', () => {
  // Issue 20, item 5: each of these got into the database.
  it.each([
    ['＝1+1', 'formula'],
    ['＋1', 'formula'],
    ['－1', 'formula'],
    ['＠SUM(A1)', 'formula'],
    ['\n=1', 'invisible'],
    [' =1', 'formula'],
    ['\u00a0=1', 'formula'],
    ['\u3000=1', 'formula'],
    ['\u200b=1', 'invisible'],
    ['\ufeff=1', 'invisible'],
    ['\u2028=1', 'invisible'],
    ['Số\u202e1.exe', 'invisible'],
    ['|cmd', 'formula'],
    ['QĐ\u0007', 'invisible'],
    ['QĐ\u001b[31m', 'invisible'],
    ["'=1", 'formula'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(freeTextProblem(text)).toBe(problem);
  });

  it.each(['123/QĐ-UBND', 'QĐ 12 = 3-4 @tỉnh | ＝', "'tên", 'Báo cáo số 5 – năm 2024', '😀 ٣ 𝔸'])(
    'accepts %j',
    (text) => expect(freeTextProblem(text)).toBeNull(),
  );

  it('lets a note break lines with LF only, and still refuses a formula on a later leading line', () => {
    expect(freeTextProblem('dòng 1\ndòng 2', { multiline: true })).toBeNull();
    expect(freeTextProblem('dòng 1\ndòng 2')).toBe('invisible');
    expect(freeTextProblem('a\r\nb', { multiline: true })).toBe('invisible');
    expect(freeTextProblem('\n\n=1', { multiline: true })).toBe('formula');
    expect(firstInvisible('a\u2029b', { multiline: true })).toBe('\u2029');
  });

  it('makes invisible characters visible as U+FFFD, line feeds kept', () => {
    expect(replaceInvisible('a\u202eb\nc\u0000')).toBe('a\uFFFDb\nc\uFFFD');
  });
});
