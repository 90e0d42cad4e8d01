import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForSearch, matchRank, searchUnits, SEARCH_RANK } from './search';
import { units2020, units2025 } from '../../../tests/unit/reference';

describe('foldForSearch', () => {
  it('strips tone marks and folds đ, case and spaces', () => {
    expect(foldForSearch('Thị trấn  Mường Tè')).toBe('thi tran muong te');
    expect(foldForSearch('ĐIỆN BIÊN Đông')).toBe('dien bien dong');
    expect(foldForSearch('  Sì Lở Lầu\t')).toBe('si lo lau');
  });

  it('treats decomposed (NFD) input like composed input', () => {
    const nfd = 'Mường Tè'.normalize('NFD');
    expect(nfd).not.toBe('Mường Tè');
    expect(foldForSearch(nfd)).toBe(foldForSearch('Mường Tè'));
  });

  it('is idempotent and never returns marks or upper case', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldForSearch(s);
        expect(foldForSearch(once)).toBe(once);
        expect(once).not.toMatch(/\p{M}|[đĐ]|\s{2}/u);
      }),
    );
  });
});

describe('searchUnits on the real 106 units of 2020–2025', () => {
  const units = units2020();

  it('finds "Mường Tè" without diacritics, the town and the commune, exact names first', () => {
    const hits = searchUnits(units, 'muong te');
    expect(hits.slice(0, 2).map((u) => u.name)).toEqual(['Thị trấn Mường Tè', 'Xã Mường Tè']);
    expect(matchRank(hits[0]!, 'muong te')).toBe(SEARCH_RANK.exact);
  });

  it('accepts the administrative prefix in the query', () => {
    expect(searchUnits(units, 'xa ban bo')[0]?.name).toBe('Xã Bản Bo');
    expect(searchUnits(units, 'Xã Bản Bo')[0]?.code).toBe('03424');
    expect(searchUnits(units, 'thi tran muong te')[0]?.name).toBe('Thị trấn Mường Tè');
    // The typed prefix decides between two units of the same proper name.
    expect(searchUnits(units, 'xa muong te')[0]?.name).toBe('Xã Mường Tè');
  });

  it('finds a unit by its 5-digit code, and by a code prefix', () => {
    expect(searchUnits(units, '03433').map((u) => u.name)).toEqual(['Thị trấn Mường Tè']);
    const prefix = searchUnits(units, '0343', 50);
    expect(prefix.length).toBeGreaterThan(1);
    expect(prefix.every((u) => u.code.startsWith('0343'))).toBe(true);
  });

  it('lets "d" match "đ"', () => {
    const names = searchUnits(units, 'dao san', 5).map((u) => u.name);
    expect(names).toContain('Xã Dào San');
    const doan = searchUnits(units, 'doan ket', 5).map((u) => u.name);
    expect(doan).toContain('Phường Đoàn Kết');
  });

  it('ranks exact > prefix > word prefix > substring', () => {
    const fake = [
      { code: '00004', name: 'Xã Pa Ban' }, // word prefix
      { code: '00003', name: 'Xã Taban' }, // substring
      { code: '00002', name: 'Xã Ban Hồ' }, // prefix
      { code: '00001', name: 'Xã Ban' }, // exact
    ];
    expect(searchUnits(fake, 'ban').map((u) => u.code)).toEqual(['00001', '00002', '00004', '00003']);
    expect(fake.map((u) => matchRank(u, 'ban'))).toEqual([
      SEARCH_RANK.wordPrefix,
      SEARCH_RANK.substring,
      SEARCH_RANK.prefix,
      SEARCH_RANK.exact,
    ]);
  });

  it('orders ties by Vietnamese collation of the proper name, then code (stable)', () => {
    const hits = searchUnits(units, 'nam', 100);
    const prefixHits = hits.filter((u) => matchRank(u, 'nam') === SEARCH_RANK.prefix).map((u) => u.name);
    const collator = new Intl.Collator('vi');
    const bare = prefixHits.map((n) => n.replace(/^(Xã|Phường|Thị trấn) /, ''));
    expect(bare).toEqual([...bare].sort(collator.compare));
    expect(prefixHits.length).toBeGreaterThan(3);
    // Same input twice, same order.
    expect(searchUnits([...units].reverse(), 'nam', 100)).toEqual(hits);
  });

  it('uses full_name when given, and matches words in any order', () => {
    const withFull = units.map((u) => ({ ...u, full_name: `${u.name}, ${u.district_name ?? ''}` }));
    const inTamDuong = searchUnits(withFull, 'tam duong', 200);
    expect(inTamDuong.some((u) => u.name === 'Xã Bản Bo')).toBe(true);
    expect(searchUnits(units, 'te muong')[0]?.name).toMatch(/Mường Tè/);
  });

  it('returns nothing for an empty or blank query, and respects the limit', () => {
    expect(searchUnits(units, '')).toEqual([]);
    expect(searchUnits(units, '   ')).toEqual([]);
    expect(searchUnits(units, 'xa', 3)).toHaveLength(3);
    expect(searchUnits(units, 'zzzz')).toEqual([]);
  });

  it('finds every unit of every vintage by its own name (no unit unreachable)', () => {
    for (const list of [units, units2025()]) {
      for (const u of list) expect(searchUnits(list, foldForSearch(u.name), 3)).toContain(u);
    }
  });
});
