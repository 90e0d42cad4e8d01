/**
 * What a view change does to the browser's history, with the unit panel in mind (issue 19, item 5).
 *
 * A panel is a layer over the view, not a view of its own: opening it pushes an entry (so Back closes
 * it, as Android users expect), switching it to another unit stays on that entry, and closing it with ×
 * or Escape goes back to the entry under it instead of pushing a new one. Otherwise Back after a close
 * would reopen the panel just closed. Every other change follows `historyAction` (one entry per settled
 * view; year steps coalesce).
 *
 * The entry that opened a panel remembers the URL of the entry under it (`history.state`), so the rule
 * also holds after a reload and for a shared link (whose panel-less view is put under it on load).
 */
import { changedKeys, historyAction, type HistoryStep, type ViewState } from './url-state';

/** What this app keeps in `history.state` of an entry it made. */
export interface EntryMark {
  /** URL (path, query, hash) of the entry under this one: the same view without the panel. */
  under: string;
}

export type HistoryPlan =
  | { do: 'none' }
  | { do: 'push'; mark: EntryMark | null }
  | { do: 'replace'; mark: EntryMark | null }
  /** Go back one entry (it shows the view wanted already); nothing is written. */
  | { do: 'back' };

/** The mark of an entry's `history.state`, if this app made it (anything else is ignored). */
export function markOf(entryState: unknown): EntryMark | null {
  if (typeof entryState !== 'object' || entryState === null) return null;
  const under = (entryState as { under?: unknown }).under;
  return typeof under === 'string' ? { under } : null;
}

export interface HistoryInput {
  /** The view on screen, and its URL (the current entry's). */
  before: ViewState;
  beforeUrl: string;
  /** The view wanted, and its URL. */
  after: ViewState;
  afterUrl: string;
  /** `history.state` of the current entry. */
  entryState: unknown;
  /** The last step written, for the year's coalescing. */
  last: HistoryStep | null;
  now: number;
}

export function planHistory(input: HistoryInput): HistoryPlan {
  const { before, after, beforeUrl, afterUrl } = input;
  const changed = changedKeys(before, after);
  if (changed.length === 0 || afterUrl === beforeUrl) return { do: 'none' };
  const mark = markOf(input.entryState);
  const onlyUnit = changed.length === 1 && changed[0] === 'unit';
  if (onlyUnit && before.unit === null) return { do: 'push', mark: { under: beforeUrl } };
  if (onlyUnit && after.unit !== null) return { do: 'replace', mark };
  if (onlyUnit) {
    // Closed: back to the entry under the panel when it is this very view, else this entry becomes it.
    return mark?.under === afterUrl ? { do: 'back' } : { do: 'replace', mark: null };
  }
  const action = historyAction(changed, input.last, input.now);
  if (action === 'none') return { do: 'none' };
  // A new view with a panel open (a mode, a year) is no longer "the view under it plus a panel".
  return action === 'push' ? { do: 'push', mark: null } : { do: 'replace', mark };
}
