import { describe, expect, it } from 'vitest';
import { editorProvince, provinceCode } from './province-code';
import table from './province-code.cases.json';

describe("an editor's province from app_metadata (the same cases as private.metadata_province)", () => {
  it.each(table.cases.map((c) => [c.json, c.province] as const))('%s → %j', (json, province) => {
    expect(editorProvince(JSON.parse(json), table.legacy)).toBe(province);
  });

  it('reads a code as it reads app_metadata.province', () => {
    expect(provinceCode(' 11 ')).toBe('11');
    expect(provinceCode(7)).toBe('07');
    expect(provinceCode(undefined)).toBeNull();
  });
});
