/**
 * Items in the order of a list of codes (e.g. the tile index's alphabetical order, sorted at build time).
 * Codes missing from `order` keep their relative order after the listed ones; no order → unchanged.
 */
export function sortByOrder<T extends { code: string }>(
  items: T[],
  order: readonly string[] | undefined,
): T[] {
  if (!order || order.length === 0) return items;
  const rank = new Map(order.map((code, i) => [code, i]));
  return items
    .map((item, i) => ({ item, key: rank.get(item.code) ?? order.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}
