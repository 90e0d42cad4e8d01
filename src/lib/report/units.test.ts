import { describe, expect, it } from 'vitest';
import {
  formatFigure,
  formatGap,
  formatSignedGap,
  formatTargetValue,
  formatValue,
  naturalDigits,
} from './units';
import { target } from './test-data';

describe('figures', () => {
  it('keep the decimals they carry, at most two', () => {
    expect(naturalDigits(17.3)).toBe(1);
    expect(naturalDigits(16.85)).toBe(2);
    expect(naturalDigits(33)).toBe(0);
    expect(naturalDigits(1.005 + 1e-12)).toBe(2);
    expect(naturalDigits(0.1 + 0.2)).toBe(1);
    expect(formatFigure(17.3, 'vi')).toBe('17,3');
    expect(formatFigure(17.3, 'en')).toBe('17.3');
    expect(formatFigure(0.1 + 0.2, 'vi')).toBe('0,3');
    expect(formatFigure(null, 'vi')).toBe('—');
    expect(formatFigure(Number.NaN, 'en')).toBe('—');
  });

  it('carry their unit in both languages', () => {
    expect(formatValue(41.5, '%', 'vi')).toBe('41,5%');
    expect(formatValue(17.1, 'tiêu chí/xã', 'vi')).toBe('17,1 tiêu chí/xã');
    expect(formatValue(17.1, 'tiêu chí/xã', 'en')).toBe('17.1 criteria/commune');
    expect(formatValue(1.42, 'lần', 'en')).toBe('1.42×');
    expect(formatValue(1.42, 'lần', 'vi')).toBe('1,42 lần');
    expect(formatValue(13.2, '‰', 'en')).toBe('13.2‰');
    expect(formatValue(undefined, '%', 'vi')).toBe('—');
    expect(formatValue(5, 'đơn vị lạ', 'en')).toBe('5 đơn vị lạ');
  });

  it('follow the language’s plural rules: "1 district", "short by 1 district" (issue 19)', () => {
    expect(formatValue(1, 'huyện', 'en')).toBe('1 district');
    expect(formatValue(2, 'huyện', 'en')).toBe('2 districts');
    expect(formatValue(0, 'huyện', 'en')).toBe('0 districts');
    expect(formatValue(1, 'huyện', 'vi')).toBe('1 huyện');
    expect(formatGap(-1, 'huyện', 'en')).toBe('1 district');
    expect(formatSignedGap(1, 'xã', 'en')).toBe('+1 commune');
    expect(formatSignedGap(-3, 'xã', 'en')).toBe('−3 communes');
    expect(formatValue(1.004, 'tiêu chí/xã', 'en')).toBe('1 criterion/commune');
    expect(formatValue(1.5, 'tiêu chí/xã', 'en')).toBe('1.5 criteria/commune');
  });

  it('gaps between shares are in percentage points, signs when asked', () => {
    expect(formatGap(-2.5, '%', 'vi')).toBe('2,5 điểm %');
    expect(formatGap(2.5, '%', 'en')).toBe('2.5 pp');
    expect(formatGap(19, 'xã', 'vi')).toBe('19 xã');
    expect(formatSignedGap(0.25, '‰', 'vi')).toBe('+0,25‰');
    expect(formatSignedGap(-1.5, '%', 'en')).toBe('−1.5 pp');
    expect(formatSignedGap(0.001, '%', 'en')).toBe('0 pp');
  });
});

describe('the 2025 target as written', () => {
  it('shows strictness and direction', () => {
    expect(formatTargetValue(target('T1a'), 'vi')).toBe('> 60%');
    expect(formatTargetValue(target('T1b'), 'vi')).toBe('≥ 57,5%');
    expect(formatTargetValue(target('T6d'), 'vi')).toBe('< 15%');
    expect(formatTargetValue(target('T6e'), 'en')).toBe('≤ 20%');
    expect(formatTargetValue(target('T1e'), 'vi')).toBe('0 xã');
    expect(formatTargetValue(target('T6c'), 'vi')).toBe('13,45‰');
    expect(formatTargetValue(target('T2'), 'en')).toBe('> 25 billion VND');
  });
});
