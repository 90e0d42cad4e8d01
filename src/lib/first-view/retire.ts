/**
 * Removes the build-time first view (src/lib/first-view/poster.ts) once the app has its own first view:
 * until then the app's mount point stays hidden (src/styles/first-view.css), so the reader sees the
 * poster, never a half-loaded app. Both change in the same frame.
 *
 * The poster's map picture is decoded off the parser's path and may not have been painted yet when the
 * app is ready (a busy phone): it is painted first, so the reader has seen the province before it goes.
 */
export async function retireFirstView(doc: Document = document, maxWaitMs = 1000): Promise<void> {
  const poster = doc.getElementById('first-view');
  if (!poster) return;
  const picture = poster.querySelector('img');
  if (picture) {
    // Not img.decode(): for an SVG picture it rasterises again on the main thread. A loaded picture in
    // view is painted by the next frame.
    const loaded = picture.complete
      ? Promise.resolve()
      : new Promise((resolve) => picture.addEventListener('load', resolve, { once: true }));
    const painted = loaded.then(() => nextFrame(doc)).then(() => nextFrame(doc));
    await Promise.race([painted, new Promise((resolve) => setTimeout(resolve, maxWaitMs))]);
  }
  poster.remove();
}

function nextFrame(doc: Document): Promise<void> {
  const raf = doc.defaultView?.requestAnimationFrame;
  return new Promise((resolve) => (raf ? raf(() => resolve()) : setTimeout(resolve, 16)));
}
