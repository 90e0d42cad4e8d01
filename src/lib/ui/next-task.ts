/**
 * Resolves in a later task, so the browser can paint and answer input in between: long renders are cut
 * into pieces that never block a phone's main thread for long.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Lays the page out now, in a task of its own: after a render step, so that its style and layout work
 * is not added to the next step's task (a browser that renders frames rarely, e.g. a busy phone, would
 * otherwise lay out several steps at once, in one long task).
 */
export async function layoutInOwnTask(doc: Document = document): Promise<void> {
  await nextTask();
  // Reading a box forces the pending style and layout work.
  void doc.documentElement.getBoundingClientRect();
}
