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
