/**
 * Which rows of a long list are in the page: those in the list's box and a few around it, and the row
 * holding the keyboard's tab stop (the focused button must never be taken out of the page, or focus
 * falls to the body). Pure, so the arithmetic is tested without a browser.
 */

/** Height of one row, in CSS pixels: two lines of text, and a finger's target (44 px at least). */
export const LIST_ROW_PX = 48;
/** A row with a third line: the note of a unit found through a former name ("trước đây: …"). */
export const LIST_ROW_NOTE_PX = 64;

/** Rows drawn beyond each edge of the box, so a quick scroll or a key press never shows a gap. */
export const OVERSCAN = 6;

/** The indices to draw, ascending: the rows seen in the box (± OVERSCAN) and `keep`. */
export function visibleRows(
  total: number,
  scrollTop: number,
  boxHeight: number,
  keep: number,
  row = LIST_ROW_PX,
): number[] {
  if (total <= 0) return [];
  // Before the box is measured, draw a screenful (the box's largest height is ten rows).
  const height = boxHeight > 0 ? boxHeight : row * 10;
  const first = Math.max(0, Math.floor(scrollTop / row) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / row) + OVERSCAN - 1);
  const rows: number[] = [];
  for (let i = first; i <= last; i++) rows.push(i);
  if (keep >= 0 && keep < total && (keep < first || keep > last)) {
    rows.push(keep);
    rows.sort((a, b) => a - b);
  }
  return rows;
}

/** The box's scroll position that shows row `index` whole, moving as little as possible. */
export function scrollRange(index: number, scrollTop: number, boxHeight: number, row = LIST_ROW_PX): number {
  const top = index * row;
  if (top < scrollTop) return top;
  if (top + row > scrollTop + boxHeight) return Math.max(0, top + row - boxHeight);
  return scrollTop;
}
