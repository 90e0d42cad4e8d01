/**
 * The data worker (a module Web Worker, bundled by Vite from `new Worker(new URL(…))` in
 * worker-source.ts): zod validation of the embedded snapshot and of the tile indexes runs here, off the
 * page's main thread. Each request is answered by createDataHandler (worker-handler.ts, unit-tested).
 */
import { createDataHandler } from './worker-handler';
import { toWireError } from './worker-protocol';

// Minimal dedicated-worker scope: the project's TypeScript lib is the DOM's, not WebWorker's.
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const handle = createDataHandler();

scope.addEventListener('message', (event) => {
  void handle(event.data).then((response) => {
    try {
      scope.postMessage(response);
    } catch (e) {
      // A value that cannot be cloned (never expected: the data is plain JSON-like objects).
      scope.postMessage({ id: response.id, ok: false, error: toWireError(e) });
    }
  });
});
