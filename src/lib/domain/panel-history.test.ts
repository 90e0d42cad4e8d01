import { describe, expect, it } from 'vitest';
import { markOf, planHistory, type HistoryInput } from './panel-history';
import { defaultViewState, HISTORY_SETTLE_MS, type ViewState } from './url-state';

const D = defaultViewState(2025);
const url = (s: ViewState) => `/?${s.mode}${s.year}${s.unit ? `&unit=${s.unit}` : ''}`;

function step(
  before: ViewState,
  after: ViewState,
  entryState: unknown = null,
  extra: Partial<HistoryInput> = {},
) {
  return planHistory({
    before,
    beforeUrl: url(before),
    after,
    afterUrl: url(after),
    entryState,
    last: null,
    now: 0,
    ...extra,
  });
}

describe('planHistory: the unit panel is a layer over the view', () => {
  const open = { ...D, unit: '03386' };

  it('opening a panel pushes an entry that remembers the view under it', () => {
    expect(step(D, open)).toEqual({ do: 'push', mark: { under: url(D) } });
  });

  it('closing the panel goes back to that entry, so Back after a close leaves the panel closed', () => {
    expect(step(open, D, { under: url(D) })).toEqual({ do: 'back' });
  });

  it('closing a panel whose entry was not opened over this view replaces it (no new entry)', () => {
    // E.g. the year changed with the panel open: the entry under it shows another view.
    expect(step(open, D, null)).toEqual({ do: 'replace', mark: null });
    expect(step(open, D, { under: '/?other' })).toEqual({ do: 'replace', mark: null });
  });

  it('switching the panel to another unit stays on its entry and keeps what is under it', () => {
    const other = { ...D, unit: '03387' };
    expect(step(open, other, { under: url(D) })).toEqual({ do: 'replace', mark: { under: url(D) } });
    expect(step(other, D, { under: url(D) })).toEqual({ do: 'back' });
  });

  it('other changes follow the view rule: a new view is pushed, year steps coalesce', () => {
    expect(step(D, { ...D, mode: 'criteria' })).toEqual({ do: 'push', mark: null });
    expect(step(open, { ...open, mode: 'criteria' }, { under: url(D) })).toEqual({ do: 'push', mark: null });
    const year = { keys: ['year'] as const, at: 0 };
    expect(step(D, { ...D, year: 2024 }, null, { last: year, now: HISTORY_SETTLE_MS - 1 })).toEqual({
      do: 'replace',
      mark: null,
    });
  });

  it('does nothing when the view or its URL is the same', () => {
    expect(step(D, { ...D })).toEqual({ do: 'none' });
    expect(
      planHistory({
        before: D,
        after: open,
        beforeUrl: '/a',
        afterUrl: '/a',
        entryState: null,
        last: null,
        now: 0,
      }),
    ).toEqual({ do: 'none' });
  });
});

describe('markOf', () => {
  it("reads only this app's mark from history.state", () => {
    expect(markOf({ under: '/?x' })).toEqual({ under: '/?x' });
    expect(markOf(null)).toBeNull();
    expect(markOf('str')).toBeNull();
    expect(markOf({ under: 3 })).toBeNull();
  });
});
