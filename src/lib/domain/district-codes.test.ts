import { describe, expect, it } from 'vitest';
import { districtCodes } from './district-codes';
import table from './district-codes.cases.json';

describe('district codes from app_metadata (the same cases as private.district_codes)', () => {
  it.each(table.cases.map((c) => [c.json, c.codes] as const))('%s grants %j', (json, codes) => {
    expect(districtCodes(JSON.parse(json))).toEqual(codes);
  });
});
