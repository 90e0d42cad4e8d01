/**
 * A User Timing mark `ntm:<name>` for a render step: a performance trace then shows which task rendered
 * what (scripts/bench/lighthouse-tasks.ts prints them beside each task). Costs next to nothing.
 */
export const STAGE_MARK_PREFIX = 'ntm:';

export function markStage(name: string): void {
  performance.mark?.(`${STAGE_MARK_PREFIX}${name}`);
}
