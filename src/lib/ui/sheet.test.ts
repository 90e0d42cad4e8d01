import { describe, expect, it } from 'vitest';
import { coveredBottom, dragHeight, settle, sheetHeights, SHEET_MIN } from './sheet';

describe("a phone's unit sheet", () => {
  it('peeks over the lower part of a 390×844 screen and grows to nearly all of it', () => {
    const h = sheetHeights(844);
    expect(h.peek / 844).toBeLessThan(0.5);
    expect(h.full).toBeGreaterThan(h.peek);
    expect(h.full).toBeLessThan(844);
  });

  it('follows the finger between its least height and full height, and settles on the nearer', () => {
    const { peek, full } = sheetHeights(844);
    expect(dragHeight(peek, 100, 844)).toBe(peek + 100);
    expect(dragHeight(peek, 2000, 844)).toBe(full);
    expect(dragHeight(peek, -2000, 844)).toBe(SHEET_MIN);
    expect(settle(peek + 50, 844)).toBe('peek');
    expect(settle(full - 50, 844)).toBe('full');
  });

  it("says how much of the map's box the peeking sheet covers", () => {
    const { peek } = sheetHeights(844);
    // A map from 272 px to the screen's bottom: the sheet covers its lower `peek` px.
    expect(coveredBottom({ top: 272, bottom: 844 }, 844)).toBe(peek);
    // A map scrolled above the sheet is not covered; one shorter than the sheet is covered whole.
    expect(coveredBottom({ top: 0, bottom: 300 }, 844)).toBe(0);
    expect(coveredBottom({ top: 700, bottom: 844 }, 844)).toBe(144);
  });
});
