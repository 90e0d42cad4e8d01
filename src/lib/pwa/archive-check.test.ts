import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archiveProblem, contentRangeTotal, pmtilesLength } from './archive-check';

const ARCHIVES = readdirSync('public/tiles').filter((f) => f.endsWith('.pmtiles'));
const read = (file: string): ArrayBuffer => {
  const b = readFileSync(`public/tiles/${file}`);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

describe('pmtilesLength', () => {
  it('reads the length of every archive the app ships from its header', () => {
    expect(ARCHIVES.length).toBeGreaterThanOrEqual(4);
    for (const file of ARCHIVES) {
      const bytes = read(file);
      expect(pmtilesLength(bytes), file).toBe(bytes.byteLength);
    }
  });

  it('is null for what is not a PMTiles v3 archive', () => {
    const html = new TextEncoder().encode(`<!doctype html>${' '.repeat(200)}`);
    expect(pmtilesLength(html.buffer)).toBeNull();
    expect(pmtilesLength(read('laichau-2020.pmtiles').slice(0, 100))).toBeNull();
    const v2 = read('laichau-2020.pmtiles');
    new Uint8Array(v2)[7] = 2;
    expect(pmtilesLength(v2)).toBeNull();
  });
});

describe('contentRangeTotal', () => {
  it('reads the complete length of a 206 or 416 answer', () => {
    expect(contentRangeTotal('bytes 0-16383/244892')).toBe(244892);
    expect(contentRangeTotal('bytes */244892')).toBe(244892);
    expect(contentRangeTotal('bytes 0-16383/*')).toBeNull();
    expect(contentRangeTotal(null)).toBeNull();
    expect(contentRangeTotal('items 0-1/2')).toBeNull();
  });
});

describe('archiveProblem', () => {
  const whole = read('laichau-2020.pmtiles');

  it('accepts a whole archive, with or without the length the server announced', () => {
    expect(archiveProblem(whole)).toBeNull();
    expect(archiveProblem(whole, whole.byteLength)).toBeNull();
  });

  // 232,124 bytes: what a gzipping server once left in the cache of this archive (then 244,892 bytes long;
  // the archive's length follows the data, the cut is what was observed).
  it('names a cut-short archive: the 232,124 bytes a gzipping server left in the cache', () => {
    const total = whole.byteLength;
    expect(total).toBeGreaterThan(232124);
    expect(archiveProblem(whole.slice(0, 232124))).toBe(`232124 bytes, its header needs ${total}`);
    expect(archiveProblem(whole.slice(0, 232124), total)).toBe(
      `232124 bytes, the server's archive has ${total}`,
    );
  });

  it('rejects a whole-looking archive of another length than the server announced, and non-archives', () => {
    expect(archiveProblem(whole, 250000)).toMatch(/the server's archive has 250000/);
    expect(archiveProblem(new TextEncoder().encode('<!doctype html>').buffer)).toMatch(
      /do not start with a PMTiles v3 header/,
    );
  });
});
