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
  if (picture)
    await Promise.race([painted(picture), new Promise((resolve) => setTimeout(resolve, maxWaitMs))]);
  poster.remove();
}

/**
 * Resolves once the picture has been painted: when the browser reports it as a Largest Contentful Paint
 * (buffered, so a picture painted long ago resolves at once), or two animation frames after it has loaded
 * (a loaded picture in view is painted by the next frame), whichever comes first. A browser rendering
 * frames slowly (a busy phone) still reports the paint promptly.
 * Not img.decode(): for an SVG picture it rasterises again on the main thread.
 */
function painted(picture: HTMLImageElement): Promise<void> {
  const doc = picture.ownerDocument;
  const loaded = picture.complete
    ? Promise.resolve()
    : new Promise((resolve) => picture.addEventListener('load', resolve, { once: true }));
  const framed = loaded.then(() => nextFrame(doc)).then(() => nextFrame(doc));
  return Promise.race([framed, reportedPainted(picture)]);
}

/** Never resolves where the browser has no Largest Contentful Paint reports. */
function reportedPainted(picture: HTMLImageElement): Promise<void> {
  const Observer = picture.ownerDocument.defaultView?.PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes('largest-contentful-paint')) return new Promise(() => {});
  return new Promise((resolve) => {
    const observer = new Observer((list) => {
      if (
        list
          .getEntries()
          .some((e) => (e as PerformanceEntry & { element?: Element | null }).element === picture)
      ) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

function nextFrame(doc: Document): Promise<void> {
  const raf = doc.defaultView?.requestAnimationFrame;
  return new Promise((resolve) => (raf ? raf(() => resolve()) : setTimeout(resolve, 16)));
}
