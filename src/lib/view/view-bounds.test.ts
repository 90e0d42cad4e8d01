import { describe, expect, it } from 'vitest';
import { viewBounds } from './view-bounds';

const index = {
  bounds: [102, 21, 104, 23] as [number, number, number, number],
  units: [
    {
      code: '00001',
      name: 'A',
      full_name: 'Xã A',
      bbox: [103, 22, 103.1, 22.1] as [number, number, number, number],
    },
    {
      code: '00002',
      name: 'B',
      full_name: 'Xã B',
      bbox: [103.2, 21.9, 103.3, 22] as [number, number, number, number],
    },
    {
      code: '00003',
      name: 'C',
      full_name: 'Xã C',
      bbox: [102.5, 22.5, 102.6, 22.6] as [number, number, number, number],
    },
  ],
};
const units = [
  { code: '00001', district_code: '105' },
  { code: '00002', district_code: '105' },
  { code: '00003', district_code: '106' },
];

describe('viewBounds', () => {
  it('a unit: its own box, even inside a district', () => {
    expect(viewBounds({ unit: '00003', district: '105' }, units, index)).toEqual([102.5, 22.5, 102.6, 22.6]);
  });

  it('a district: the union of its units’ boxes', () => {
    expect(viewBounds({ unit: null, district: '105' }, units, index)).toEqual([103, 21.9, 103.3, 22.1]);
  });

  it('nothing chosen, or a district without units: the whole vintage', () => {
    expect(viewBounds({ unit: null, district: null }, units, index)).toEqual([102, 21, 104, 23]);
    expect(viewBounds({ unit: '99999', district: '999' }, units, index)).toEqual([102, 21, 104, 23]);
  });

  it('no index loaded yet: no box', () => {
    expect(viewBounds({ unit: '00001', district: null }, units, undefined)).toBeNull();
  });
});
