import { describe, expect, it } from 'vitest';
import { changedKeys, defaultViewState, historyAction, HISTORY_SETTLE_MS } from './url-state';

const D = defaultViewState(2025);

describe('changedKeys', () => {
  it('lists the fields that differ, in URL key order', () => {
    expect(changedKeys(D, { ...D, unit: '03386', year: 2024 })).toEqual(['year', 'unit']);
    expect(changedKeys(D, { ...D })).toEqual([]);
  });
});

describe('historyAction: one entry per settled view', () => {
  it('pushes each change the user makes', () => {
    expect(historyAction(['unit'], null, 0)).toBe('push');
    expect(historyAction(['mode'], { keys: ['unit'], at: 0 }, 10)).toBe('push');
    expect(historyAction(['unit'], { keys: ['unit'], at: 0 }, 10)).toBe('push');
  });

  it('replaces while the year keeps moving (slider drag, play-back), then pushes again', () => {
    expect(historyAction(['year'], { keys: ['year'], at: 0 }, 200)).toBe('replace');
    // A unit carried across a boundary change moves with the year.
    expect(historyAction(['year', 'unit'], { keys: ['year'], at: 0 }, 1400)).toBe('replace');
    expect(historyAction(['year'], { keys: ['year'], at: 0 }, HISTORY_SETTLE_MS + 1)).toBe('push');
    expect(historyAction(['year'], { keys: ['mode'], at: 0 }, 200)).toBe('push');
  });

  it('does nothing when nothing changed', () => {
    expect(historyAction([], null, 0)).toBe('none');
  });
});
