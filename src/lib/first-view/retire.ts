/**
 * Removes the build-time first view (src/lib/first-view/poster.ts) once the app has its own first view:
 * until then the app's mount point stays hidden (src/styles/first-view.css), so the reader sees the
 * poster, never a half-loaded app. Both change in the same frame.
 */
export function retireFirstView(doc: Document = document): void {
  doc.getElementById('first-view')?.remove();
}
