// The dev server's Content-Security-Policy (build/dev-csp-plugin.ts): the committed index.html's policy with
// inline styles allowed, every other directive as it is. The browser side is tests/e2e/dev-server.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devPolicy, withDevPolicy } from '../../build/dev-csp-plugin';

const policyOf = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...v]) => [name!, v]),
  );

describe('the dev server’s policy', () => {
  const committed = readFileSync('index.html', 'utf8');
  const strict = policyOf(committed)!;

  it('adds unsafe-inline to style-src only, and keeps every other directive', () => {
    const dev = directives(policyOf(withDevPolicy(committed))!);
    const built = directives(strict);
    expect(built.get('style-src')).toEqual(["'self'"]);
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect([...dev.keys()]).toEqual([...built.keys()]);
    for (const [name, values] of built) if (name !== 'style-src') expect(dev.get(name)).toEqual(values);
  });

  it('leaves the rest of the page as it is', () => {
    const dev = withDevPolicy(committed);
    expect(dev.replace(policyOf(dev)!, strict)).toBe(committed);
  });

  it('is idempotent, and refuses a page or policy it cannot relax', () => {
    expect(devPolicy(devPolicy(strict))).toBe(devPolicy(strict));
    expect(() => devPolicy("default-src 'self'")).toThrow(/no style-src/);
    expect(() => withDevPolicy('<!doctype html><title>t</title>')).toThrow(/no Content-Security-Policy/);
  });
});
