/**
 * What a built file brings with it: its static imports, CSS and assets (fonts of the CSS, the worker URL
 * a chunk imports with `?url`), followed to the end. Shared by the build plugins that split the bundle
 * into "the first view" and "the rest" (pwa-plugin.ts, map-files-plugin.ts).
 */
import type { Rollup } from 'vite';

/** Adds `roots` and everything they load statically to `into`, and returns it. */
export function staticClosure(
  bundle: Rollup.OutputBundle,
  roots: Iterable<string>,
  into: Set<string> = new Set(),
): Set<string> {
  const visit = (fileName: string) => {
    const item = bundle[fileName];
    if (!item || into.has(fileName)) return;
    into.add(fileName);
    const deps = [
      ...(item.type === 'chunk' ? item.imports : []),
      ...(item.viteMetadata?.importedCss ?? []),
      ...(item.viteMetadata?.importedAssets ?? []),
    ];
    for (const dep of deps) visit(dep);
  };
  for (const root of roots) visit(root);
  return into;
}

/** The entry chunks' file names (`except` the ones named, e.g. the service worker). */
export function entryChunks(bundle: Rollup.OutputBundle, except: string[] = []): string[] {
  return Object.values(bundle)
    .filter((item) => item.type === 'chunk' && item.isEntry && !except.includes(item.fileName))
    .map((item) => item.fileName);
}
