// Debian's Chromium driven by playwright-core. SwiftShader through ANGLE gives WebGL2 without a GPU;
// `--use-gl=swiftshader` gives no WebGL2 and MapLibre refuses to start.
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/**
 * Test hook: the app's map view announces its map with an `ntm:map` event (no global in app code); every
 * page of the tests keeps it as `window.__ntmMap`, which the helpers below and the tests read.
 */
function exposeMap(): void {
  document.addEventListener('ntm:map', (event) => {
    (window as unknown as { __ntmMap?: unknown }).__ntmMap = (event as CustomEvent).detail;
  });
}

/** Every context (and so every page) the browser makes gets the exposeMap hook. */
function withMapHook(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(exposeMap);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => void context.close());
    return page;
  };
  return browser;
}

export async function launchBrowser(): Promise<Browser> {
  return withMapHook(await launchRaw());
}

async function launchRaw(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Fails the test on any uncaught page error or console error. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function waitForMapIdle(page: Page, timeout = 150_000): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-state="idle"]', { timeout });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/**
 * Phones get the static map first and load MapLibre on request: press the button when it is there.
 * Desktops load the interactive map at once, and the button never appears.
 */
export async function openInteractiveMap(page: Page): Promise<void> {
  const button = page.locator('[data-testid="activate-map"]');
  const map = page.locator('[data-testid="map"]');
  await Promise.race([button.waitFor({ timeout: 60_000 }), map.waitFor({ timeout: 60_000 })]);
  if (await button.isVisible()) await button.click();
}

/** Waits until the map draws exactly `n` distinct units (e.g. after a vintage switch), and the map is loaded. */
export async function waitForUnitCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const c = (
        window as unknown as { __ntmMap?: { renderedUnitIds(): number[]; map: { loaded(): boolean } } }
      ).__ntmMap;
      return !!c && c.map.loaded() && c.renderedUnitIds().length === expected;
    },
    n,
    { timeout: 150_000, polling: 250 },
  );
}

/** Browser-context options of a phone as the public holds it: 390×844, touch, mobile viewport. */
export const PHONE_TOUCH = { viewport: PHONE, isMobile: true, hasTouch: true } as const;
/** Browser-context options of a desktop with a mouse. */
export const DESKTOP_MOUSE = { viewport: DESKTOP } as const;

/**
 * Opens the interactive map (a tap on phones) and waits until it has settled: resolves with the map's
 * final state ('idle', 'error' or 'nowebgl'), so a failing test names the state instead of timing out.
 */
export async function openAndSettle(page: Page, timeout = 120_000): Promise<string | null> {
  await openInteractiveMap(page);
  const settled = await page.waitForSelector('[data-testid="map"]:not([data-state="loading"])', { timeout });
  return settled.getAttribute('data-state');
}

/** Screenshot of one element (e.g. the whole map, credits corner included, however tall the page). */
export async function screenshotOf(page: Page, selector: string, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator(selector).screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}
