// The page renders in stages, top to bottom, each in a short task and laid out in the next: no single long
// task blocks a phone, and the build-time first view (src/lib/first-view) stays over the app until the
// `map` stage has drawn.
import { retireFirstView } from '../first-view/retire';
import { markStage } from '../perf/stage-mark';
import { layoutInOwnTask, nextTask } from './next-task';

export const STAGES = ['switches', 'district', 'year', 'map', 'legend', 'figures', 'list', 'rest'] as const;
export type StageName = (typeof STAGES)[number];

export class Stages {
  #stage = $state(0);
  #drawn: () => void = () => {};
  /** Resolves when the static map has drawn (or given up): the first view may then go. */
  readonly mapDrawn = new Promise<void>((resolve) => (this.#drawn = resolve));

  /** True once the named stage has rendered. */
  shown(name: StageName): boolean {
    return this.#stage > STAGES.indexOf(name);
  }

  /** Called by the static map once its paths are in the page and coloured. */
  readonly drawn = () => this.#drawn();

  async run(): Promise<void> {
    for (const name of STAGES) {
      await nextTask();
      this.#stage += 1;
      markStage(name);
      // Each stage is laid out on its own (beneath the first view), in a short task.
      await layoutInOwnTask();
      if (name === 'map') {
        // The static map fetches its own drawing: wait for it (at most 3 s) so the page never shows an
        // empty box, then let it replace the first view.
        await Promise.race([this.mapDrawn, new Promise((resolve) => setTimeout(resolve, 3000))]);
        markStage('map-drawn');
        await layoutInOwnTask();
        await retireFirstView();
        markStage('first-view-retired');
      }
    }
  }

  /** Shows everything at once (after an error: no half-rendered page). */
  finish(): void {
    this.#stage = STAGES.length;
  }
}
