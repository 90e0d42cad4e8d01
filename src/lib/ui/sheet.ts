/**
 * A phone's unit sheet (SidePane): it opens at a peek height over the map's lower part, and is dragged (or
 * expanded with its button) to full height. The map moves its selected unit into the part left visible,
 * so the numbers here are shared by the sheet's layout and the map's camera.
 */

/** The sheet's peek height, as a share of the screen's height. */
export const SHEET_PEEK = 0.4;
/** What the full sheet leaves visible above it (CSS px): a strip of the page, to see it is a sheet. */
export const SHEET_FULL_GAP = 56;
/** The least height a drag can leave (CSS px): the handle and the unit's name. */
export const SHEET_MIN = 96;

export type SheetSize = 'peek' | 'full';

/** Heights in CSS px of the peek and full sheet on a screen `viewport` px high. */
export function sheetHeights(viewport: number): Record<SheetSize, number> {
  return { peek: Math.round(viewport * SHEET_PEEK), full: Math.max(0, viewport - SHEET_FULL_GAP) };
}

/** The height a drag shows, from where it started and how far the finger moved up (negative: down). */
export function dragHeight(start: number, movedUp: number, viewport: number): number {
  return Math.min(sheetHeights(viewport).full, Math.max(SHEET_MIN, start + movedUp));
}

/** Where a released drag settles: the nearer of peek and full. */
export function settle(height: number, viewport: number): SheetSize {
  const { peek, full } = sheetHeights(viewport);
  return height > (peek + full) / 2 ? 'full' : 'peek';
}

/**
 * How much of the map's box (its top and bottom on screen, CSS px) a sheet at peek height covers, from
 * the bottom: the map keeps its selected unit above that.
 */
export function coveredBottom(map: { top: number; bottom: number }, viewport: number): number {
  const sheetTop = viewport - sheetHeights(viewport).peek;
  return Math.max(0, Math.min(map.bottom - map.top, map.bottom - sheetTop));
}
