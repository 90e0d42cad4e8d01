import type { Map as MapLibreMap } from 'maplibre-gl';
import { diffFeatureStates, type FeatureStates } from './state-diff';

/**
 * Keeps the feature states of one vector source layer equal to what the view wants, touching only what
 * changed. Recolouring goes through here only: never setData or setFilter per interaction.
 */
export class FeatureStateSync {
  #current: FeatureStates = new Map();

  constructor(
    private readonly map: MapLibreMap,
    private readonly source: string,
    private readonly sourceLayer: string,
  ) {}

  /** Applies the wanted states; returns how many features were touched. */
  apply(next: FeatureStates): number {
    const changes = diffFeatureStates(this.#current, next);
    for (const change of changes) {
      const target = { source: this.source, sourceLayer: this.sourceLayer, id: change.id };
      for (const key of change.remove) this.map.removeFeatureState(target, key);
      if (Object.keys(change.set).length > 0) this.map.setFeatureState(target, change.set);
    }
    this.#current = new Map([...next].map(([id, s]) => [id, { ...s }]));
    return changes.length;
  }

  /** Forget everything, e.g. after the source was replaced by another vintage's archive. */
  reset(): void {
    this.#current = new Map();
  }
}
