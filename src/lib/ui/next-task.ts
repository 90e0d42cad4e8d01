/**
 * Resolves in a later task, so the browser can paint and answer input in between: long renders are cut
 * into pieces that never block a phone's main thread for long.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
