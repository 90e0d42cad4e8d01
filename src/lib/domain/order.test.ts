import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sortByOrder } from './order';

describe('sortByOrder', () => {
  it('follows the order and keeps unlisted items after it, in their own order', () => {
    const items = ['c', 'x', 'a', 'y', 'b'].map((code) => ({ code }));
    expect(sortByOrder(items, ['a', 'b', 'c']).map((i) => i.code)).toEqual(['a', 'b', 'c', 'x', 'y']);
  });

  it('leaves the items alone without an order', () => {
    const items = [{ code: '2' }, { code: '1' }];
    expect(sortByOrder(items, undefined)).toEqual(items);
    expect(sortByOrder(items, [])).toEqual(items);
  });

  it.each(['2016', '2020', '2025'])(
    'the %s tile index lists every unit once, in Vietnamese alphabetical order of the names',
    (vintage) => {
      const index = JSON.parse(readFileSync(`public/tiles/laichau-${vintage}.index.json`, 'utf8')) as {
        units: { code: string; name: string }[];
        order: string[];
      };
      expect([...index.order].sort()).toEqual(index.units.map((u) => u.code).sort());
      const collator = new Intl.Collator('vi');
      const names = sortByOrder(index.units, index.order).map((u) => u.name);
      expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
    },
  );
});
