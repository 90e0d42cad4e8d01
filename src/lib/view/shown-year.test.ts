import { describe, expect, it } from 'vitest';
import { shownYear, yearLoadView } from './shown-year';

const avail = (rows: number[], settled: number[] = rows) => ({
  hasRows: (y: number) => rows.includes(y),
  indexSettled: (y: number) => settled.includes(y),
});

describe('the year on screen', () => {
  it('keeps the previous year until the requested one has its rows and its boundaries', () => {
    expect(shownYear(2019, 2024, avail([2024]))).toBe(2024);
    expect(shownYear(2019, 2024, avail([2024, 2019], [2024]))).toBe(2024);
    expect(shownYear(2019, 2024, avail([2024, 2019]))).toBe(2019);
  });
  it('shows the requested year at the start, when nothing is on screen yet', () => {
    expect(shownYear(2025, null, avail([]))).toBe(2025);
  });
  it('says the requested year is loading, or failed with its message', () => {
    expect(yearLoadView(2019, 2024, { state: 'loading' })).toEqual({ loading: true, error: null });
    expect(yearLoadView(2019, 2019, { state: 'ready' })).toEqual({ loading: false, error: null });
    expect(yearLoadView(2019, 2024, { state: 'error', message: 'HTTP 500.' })).toEqual({
      loading: false,
      error: 'HTTP 500',
    });
  });
});
