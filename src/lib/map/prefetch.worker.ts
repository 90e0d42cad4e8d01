/**
 * The interactive map's prefetch (prefetch.ts), off the page's main thread: fetches the files and tiles it
 * is sent into the HTTP cache, answers once when done (the page then ends the worker), and never throws:
 * a prefetch that fails costs nothing, the tap fetches again.
 */
import { runPrefetch, type PrefetchJob } from './prefetch';

// Minimal dedicated-worker scope: the project's TypeScript lib is the DOM's, not WebWorker's.
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<PrefetchJob>) => void): void;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void runPrefetch(event.data)
    .then(() => true)
    .catch(() => false)
    .then((ok) => scope.postMessage({ done: true, ok }));
});
