import { describe, expect, it } from 'vitest';
import { OVERSCAN, scrollRange, visibleRows } from './list-window';

describe('visibleRows: a long list draws only the rows near its box', () => {
  it('draws the rows in the box and a few around it, never every row', () => {
    const rows = visibleRows(3321, 48 * 1000, 48 * 8, 1000);
    expect(rows[0]).toBe(1000 - OVERSCAN);
    expect(rows.at(-1)).toBe(1000 + 8 + OVERSCAN - 1);
    expect(rows.length).toBeLessThan(30);
  });

  it('keeps the tab stop drawn when it is scrolled away, in order', () => {
    const rows = visibleRows(3321, 0, 48 * 8, 2000);
    expect(rows).toContain(2000);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('stays within the list, and draws a screenful before the box is measured', () => {
    expect(visibleRows(0, 0, 400, 0)).toEqual([]);
    expect(visibleRows(5, 0, 400, 0)).toEqual([0, 1, 2, 3, 4]);
    expect(visibleRows(106, 0, 0, 0).length).toBe(10 + OVERSCAN);
  });
});

describe('scrollRange: the least scroll that shows a row', () => {
  it('scrolls up or down to the row, or not at all when it is in view', () => {
    expect(scrollRange(10, 48 * 20, 48 * 8)).toBe(480);
    expect(scrollRange(30, 0, 48 * 8)).toBe(48 * 31 - 48 * 8);
    expect(scrollRange(3, 0, 48 * 8)).toBe(0);
  });
});
