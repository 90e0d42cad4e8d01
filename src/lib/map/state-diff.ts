// Pure diff between the feature states the map holds and the ones the view wants, so that a recolour
// touches only the features whose state really changes (setFeatureState is cheap, but not free, and
// every call schedules a repaint of the tiles that hold the feature).
export type FeatureStateValue = string | number | boolean;
export type FeatureStates = Map<number, Record<string, FeatureStateValue>>;

export interface StateChange {
  id: number;
  /** Keys to set, with their new values. */
  set: Record<string, FeatureStateValue>;
  /** Keys to remove (present before, absent now). */
  remove: string[];
}

export function diffFeatureStates(previous: FeatureStates, next: FeatureStates): StateChange[] {
  const changes: StateChange[] = [];
  for (const [id, wanted] of next) {
    const had = previous.get(id) ?? {};
    const set: Record<string, FeatureStateValue> = {};
    let changed = false;
    for (const [key, value] of Object.entries(wanted)) {
      if (had[key] !== value) {
        set[key] = value;
        changed = true;
      }
    }
    const remove = Object.keys(had).filter((key) => !(key in wanted));
    if (changed || remove.length > 0) changes.push({ id, set, remove });
  }
  for (const [id, had] of previous) {
    if (!next.has(id)) changes.push({ id, set: {}, remove: Object.keys(had) });
  }
  return changes;
}
