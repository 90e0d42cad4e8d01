/**
 * Scrolls `box` (a scroll container) so that `item` is visible in it, touching no other scroll position:
 * unlike Element.scrollIntoView, which also scrolls the window and takes the map away from the reader.
 */
export function scrollWithin(box: HTMLElement, item: HTMLElement): void {
  const boxRect = box.getBoundingClientRect();
  const itemRect = item.getBoundingClientRect();
  if (itemRect.top < boxRect.top) box.scrollTop -= boxRect.top - itemRect.top;
  else if (itemRect.bottom > boxRect.bottom) box.scrollTop += itemRect.bottom - boxRect.bottom;
}

/**
 * Scrolls each scroll container around `item` (a list's box, the side column, a phone's sheet) so that it
 * is visible, then (unless told not to) the window by the least amount that shows it: the focus the app
 * moves must be seen, and the map must not be scrolled away further than that.
 */
export function revealInScrollers(item: HTMLElement, { window: moveWindow = true } = {}): void {
  for (let box = item.parentElement; box && box !== document.body; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight)
      scrollWithin(box, item);
  }
  // A fixed sheet is always in view: only what scrolls with the page moves the window.
  if (!moveWindow || item.closest('[data-testid="unit-sheet"].phone')) return;
  const rect = item.getBoundingClientRect();
  if (rect.top < 0) window.scrollBy(0, rect.top);
  else if (rect.bottom > innerHeight)
    window.scrollBy(0, Math.ceil(Math.min(rect.top, rect.bottom - innerHeight)));
}
