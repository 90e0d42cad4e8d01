/**
 * Vite plugin (dev server only): the page's Content-Security-Policy, relaxed for styles.
 * index.html carries the strict policy the build ships (`style-src 'self'`). Vite's dev server injects
 * every stylesheet (the app's CSS, each Svelte component's CSS, hot updates) as an inline `<style>`, which
 * that policy blocks: `npm run dev` rendered the page unstyled (issue 19). The dev server therefore serves
 * the same policy with `'unsafe-inline'` added to `style-src`, and nothing else changed; the build never
 * runs this plugin (`apply: 'serve'`), so `dist/index.html` keeps the strict policy
 * (tests/e2e/resilience.test.ts checks the built page, tests/e2e/dev-server.test.ts the dev server).
 */
import type { Plugin } from 'vite';

const POLICY_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

/** The dev server's policy: the given one with `'unsafe-inline'` allowed for styles only. */
export function devPolicy(policy: string): string {
  const directives = policy.split(';').map((d) => d.trim());
  const style = directives.findIndex((d) => d.split(/\s+/)[0] === 'style-src');
  if (style < 0) throw new Error(`the Content-Security-Policy has no style-src: ${policy}`);
  if (!directives[style]!.split(/\s+/).includes("'unsafe-inline'"))
    directives[style] = `${directives[style]} 'unsafe-inline'`;
  return directives.filter((d) => d !== '').join('; ');
}

/** index.html with its policy meta rewritten for the dev server; fails loudly if the meta is missing. */
export function withDevPolicy(html: string): string {
  if (!POLICY_META.test(html)) throw new Error('index.html has no Content-Security-Policy meta');
  return html.replace(POLICY_META, (_, open: string, policy: string, close: string) => {
    return `${open}${devPolicy(policy)}${close}`;
  });
}

export function devCsp(): Plugin {
  return {
    name: 'ntm-dev-csp',
    apply: 'serve',
    transformIndexHtml: { order: 'pre', handler: withDevPolicy },
  };
}
