/**
 * Removes the build-time first view (src/lib/first-view/poster.ts) once the app has its own first view,
 * which shows the app. Until then the app renders beneath it, invisible (src/styles/first-view.css): the
 * reader sees the poster, never a half-loaded app.
 *
 * The poster's map picture is decoded off the parser's path and may not have been painted yet when the
 * app is ready (a busy phone): it is painted first, so the reader has seen the province before it goes.
 */
export async function retireFirstView(doc: Document = document, maxWaitMs = 3000): Promise<void> {
  const poster = doc.getElementById('first-view');
  if (!poster) return;
  const picture = poster.querySelector('img');
  if (picture) await painted(picture, maxWaitMs);
  poster.remove();
}

/**
 * Resolves once the picture has been painted and shown: when the browser reports it as a Largest
 * Contentful Paint (buffered, so a picture painted long ago resolves at once); where the browser has no
 * such reports, two animation frames after the picture has loaded (a loaded picture in view is painted by
 * the next frame). At the latest after `maxWaitMs` (a hidden page paints nothing).
 *
 * Not frames where reports exist: a frame can be painted and not yet on screen (a busy phone, a software
 * renderer), and a picture removed in between is never reported, so the app would become the largest
 * paint, later. Not img.decode(): for an SVG picture it rasterises again on the main thread.
 */
async function painted(picture: HTMLImageElement, maxWaitMs: number): Promise<void> {
  let stopWatching = () => {};
  const shown = new Promise<void>((resolve) => {
    stopWatching = watchPaintReport(picture, resolve) ?? framesAfterLoad(picture, resolve);
  });
  await Promise.race([shown, new Promise((resolve) => setTimeout(resolve, maxWaitMs))]);
  stopWatching();
}

/**
 * Calls `onPainted` when the browser reports the picture as a Largest Contentful Paint, and returns the
 * function that stops watching; null where the browser has no such reports.
 */
function watchPaintReport(picture: HTMLImageElement, onPainted: () => void): (() => void) | null {
  const Observer = picture.ownerDocument.defaultView?.PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes('largest-contentful-paint')) return null;
  const observer = new Observer((list) => {
    const entries = list.getEntries() as (PerformanceEntry & { element?: Element | null })[];
    if (entries.some((e) => e.element === picture)) onPainted();
  });
  observer.observe({ type: 'largest-contentful-paint', buffered: true });
  return () => observer.disconnect();
}

/** Calls `onPainted` two animation frames after the picture has loaded. */
function framesAfterLoad(picture: HTMLImageElement, onPainted: () => void): () => void {
  const doc = picture.ownerDocument;
  const loaded = picture.complete
    ? Promise.resolve()
    : new Promise((resolve) => picture.addEventListener('load', resolve, { once: true }));
  void loaded
    .then(() => nextFrame(doc))
    .then(() => nextFrame(doc))
    .then(onPainted);
  return () => {};
}

function nextFrame(doc: Document): Promise<void> {
  const raf = doc.defaultView?.requestAnimationFrame;
  return new Promise((resolve) => (raf ? raf(() => resolve()) : setTimeout(resolve, 16)));
}
