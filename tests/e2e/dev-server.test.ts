// Issue 19, item 1: the README's first command, `npm run dev`, serves a styled, working page. index.html's
// strict Content-Security-Policy (`style-src 'self'`) blocked every stylesheet Vite's dev server injects
// inline, so the page rendered as plain HTML; the dev server now serves its own policy
// (build/dev-csp-plugin.ts). This file runs that exact command in its own process group, reads the
// address it prints (5173 may be taken), and compares the dev page with the build the other tests serve.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, DESKTOP_MOUSE, screenshot, waitForMapIdle } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Records CSP violations from the very start of the page (securitypolicyviolation events). */
const RECORD_CSP = () => {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
};

let dev: ChildProcess | undefined;
let devUrl = '';

/** The `Local:` address Vite prints once it listens (colours and all). */
function waitForAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm run dev printed no address:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // eslint-disable-next-line no-control-regex
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
      const address = /Local:\s+(http:\/\/\S+)/.exec(plain)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm run dev exited (${code}):\n${output}`)));
  });
}

beforeAll(async () => {
  // The command as a developer types it, without what vitest sets for its own workers (NODE_ENV=test or
  // the build's 'production' would change how Vite and Svelte compile).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
  // detached: its own process group, so afterAll ends npm, the shell and Vite together.
  dev = spawn('npm', ['run', 'dev'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  devUrl = await waitForAddress(dev);
});

afterAll(async () => {
  const child = dev;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
});

/** What the header looks like: these differ between a styled and an unstyled page. */
const headerStyle = (page: Page) =>
  page.locator('header.top').evaluate((el) => {
    const s = getComputedStyle(el);
    return { display: s.display, background: s.backgroundColor, color: s.color, padding: s.padding };
  });

async function openDesktop(url: string) {
  const context = await browser().newContext({ ...DESKTOP_MOUSE, serviceWorkers: 'block' });
  await context.addInitScript(RECORD_CSP);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url);
  return { context, page, errors };
}

describe('npm run dev', () => {
  it('serves the app styled as the build, under its own policy, with no CSP violation, and the map idle', async () => {
    const built = await openDesktop(baseUrl);
    const expected = await headerStyle(built.page);
    await built.context.close();
    // A styled header is a coloured flex bar; unstyled it is a transparent block.
    expect(expected.display).toBe('flex');
    expect(expected.background).not.toBe('rgba(0, 0, 0, 0)');

    const { context, page, errors } = await openDesktop(devUrl);
    // The first visit may make Vite optimise dependencies and reload the page once: wait for the map.
    await waitForMapIdle(page, 180_000);
    expect(await headerStyle(page)).toEqual(expected);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'dev-server-desktop');
    await context.close();
  });

  it('relaxes styles only on the dev server: the built index.html keeps style-src self', async () => {
    const policyOf = async (url: string) => {
      const html = await (await fetch(url)).text();
      return /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    };
    const directive = (policy: string, name: string) =>
      policy
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    const built = await policyOf(baseUrl);
    const served = await policyOf(devUrl);
    expect(directive(built, 'style-src')).toBe("style-src 'self'");
    expect(built).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(directive(served, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(served, 'script-src')).toBe("script-src 'self'");
  });
});
