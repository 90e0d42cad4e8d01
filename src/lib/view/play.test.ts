import { describe, expect, it } from 'vitest';
import { nextYear, playStart } from './play';

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

describe('play-back of the years', () => {
  it('starts from the first year, from the default year and from the last one', () => {
    expect(playStart(YEARS, 2025, null)).toBe(2016);
    expect(playStart(YEARS, 2026, null)).toBe(2016);
    expect(playStart(YEARS, 2020, null)).toBe(2016);
  });

  it('resumes where it was paused, unless that is the end', () => {
    expect(playStart(YEARS, 2020, 2020)).toBe(2020);
    expect(playStart(YEARS, 2021, 2020)).toBe(2016); // the slider moved since the pause
    expect(playStart(YEARS, 2026, 2026)).toBe(2016);
  });

  it('steps one year at a time and stops at the end', () => {
    expect(nextYear(YEARS, 2019)).toBe(2020);
    expect(nextYear(YEARS, 2026)).toBeNull();
    expect(nextYear([], 2020)).toBeNull();
  });
});
