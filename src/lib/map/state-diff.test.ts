import { describe, expect, it } from 'vitest';
import { diffFeatureStates, type FeatureStates } from './state-diff';

const states = (entries: [number, Record<string, string | number | boolean>][]): FeatureStates =>
  new Map(entries);

describe('diffFeatureStates', () => {
  it('returns nothing when the states are equal', () => {
    const a = states([[3386, { cls: 'status:dat_chuan', below: false }]]);
    const b = states([[3386, { cls: 'status:dat_chuan', below: false }]]);
    expect(diffFeatureStates(a, b)).toEqual([]);
  });

  it('sets only the keys that changed', () => {
    const a = states([
      [1, { cls: 'status:chua_dat', below: true }],
      [2, { cls: 'status:dat_chuan', below: false }],
    ]);
    const b = states([
      [1, { cls: 'status:dat_chuan', below: true }],
      [2, { cls: 'status:dat_chuan', below: false }],
    ]);
    expect(diffFeatureStates(a, b)).toEqual([{ id: 1, set: { cls: 'status:dat_chuan' }, remove: [] }]);
  });

  it('removes stale keys and features that are no longer wanted', () => {
    const a = states([
      [1, { cls: 'x', dim: true }],
      [2, { cls: 'y' }],
    ]);
    const b = states([[1, { cls: 'x' }]]);
    expect(diffFeatureStates(a, b)).toEqual([
      { id: 1, set: {}, remove: ['dim'] },
      { id: 2, set: {}, remove: ['cls'] },
    ]);
  });

  it('adds new features whole', () => {
    expect(diffFeatureStates(states([]), states([[7, { cls: 'z', below: false }]]))).toEqual([
      { id: 7, set: { cls: 'z', below: false }, remove: [] },
    ]);
  });
});
