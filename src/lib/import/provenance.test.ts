import { describe, expect, it } from 'vitest';
import { provenanceProblems } from './provenance';
import { importMetaSchema } from './write';

describe('the provenance an editor types is checked with the database’s rules', () => {
  it('names each problem of the source and the link (keys of the editor’s catalogue)', () => {
    expect(
      provenanceProblems({ source: 'Báo cáo 12/BC-UBND', source_url: 'https://laichau.gov.vn/x' }),
    ).toEqual([]);
    expect(
      provenanceProblems({ source: '＝HYPERLINK("x")', source_url: 'https://laichau.gov.vn@evil.example/x' }),
    ).toEqual(['source_formula', 'url_userinfo']);
    expect(provenanceProblems({ source: 'Báo cáo\u202e', source_url: 'https://a.vn/\u200b' })).toEqual([
      'source_invisible',
      'url_whitespace',
    ]);
  });

  it('the CLI’s check refuses the same', () => {
    const ok = { source: 'Báo cáo', illustrative: false };
    expect(importMetaSchema.safeParse({ ...ok, source_url: 'https://laichau.gov.vn/x' }).success).toBe(true);
    expect(
      importMetaSchema.safeParse({ ...ok, source_url: 'https://laichau.gov.vn@evil.example' }).success,
    ).toBe(false);
    expect(importMetaSchema.safeParse({ ...ok, source: '\u00a0=1' }).success).toBe(false);
    expect(importMetaSchema.safeParse({ ...ok, source: 'a\u0007' }).success).toBe(false);
  });
});
