// Changing to a year that is not loaded yet (issue 12): the map keeps the previous year's colours, with a
// visible loading state, until the new rows arrive; a year file that fails shows a message in Vietnamese
// with "Thử lại", and pressing it loads the year. The year file is held back or failed by the test (the
// app fetches it from its data worker; the context's route sees the worker's requests too, which the
// tests check by counting them).
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import {
  collectPageErrors,
  DESKTOP_MOUSE,
  openAndSettle,
  PHONE_TOUCH,
  screenshot,
  screenshotOf,
} from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const YEARS: number[] = (
  JSON.parse(readFileSync('public/data/snapshot/meta.json', 'utf8')) as { years: number[] }
).years;
const YEAR = 2019;
const YEAR_FILE = `**/data/snapshot/years/${YEAR}.json`;
const HOLD_MS = 3_000;

interface Sample {
  at: number;
  /** The year the map box says it shows, and the year asked for with the slider. */
  year: string | null;
  requested: string | null;
  loading: boolean;
  /** Static map: unit paths, and how many of them are drawn as "no data". */
  paths: number;
  pathsNoData: number;
  /** Static map fill per code. */
  fills: Record<string, string>;
  /** MapLibre feature states of the same codes ("no data" ones), when the interactive map is there. */
  states: number;
  statesNoData: number;
}

/**
 * Installs, in the page, `look()` (one look at the map box: what the static map and MapLibre draw, and the
 * loading state) and a recorder that takes a look at every change inside the map box (a MutationObserver
 * sees every DOM update, however short) and every 50 ms (MapLibre's feature states are not in the DOM).
 */
function installLook(page: Page): Promise<void> {
  return page.evaluate(() => {
    type FeatureStates = {
      getFeatureState(f: { source: string; sourceLayer: string; id: number }): { nodata?: unknown };
    };
    const w = window as unknown as {
      __ntmMap?: { map: FeatureStates };
      __look: () => unknown;
      __record: () => void;
      __recorded: () => unknown[];
    };
    w.__look = () => {
      const paths = [...document.querySelectorAll('[data-testid="static-map"] path[data-code]')];
      const map = w.__ntmMap?.map;
      const states = map
        ? paths.map((p) =>
            map.getFeatureState({
              source: 'units',
              sourceLayer: 'communes',
              id: Number(p.getAttribute('data-code')),
            }),
          )
        : [];
      const loading = document.querySelector<HTMLElement>('[data-testid="year-loading"]');
      return {
        at: performance.now(),
        year: document.querySelector('.map-area')?.getAttribute('data-year') ?? null,
        requested: document.querySelector('[data-testid="year"]')?.textContent ?? null,
        loading: !!loading && loading.offsetParent !== null,
        paths: paths.length,
        pathsNoData: paths.filter((p) => p.getAttribute('data-nodata') === 'true').length,
        fills: Object.fromEntries(
          paths.map((p) => [p.getAttribute('data-code')!, p.getAttribute('fill') ?? '']),
        ),
        states: states.filter((s) => s && Object.keys(s).length > 0).length,
        statesNoData: states.filter((s) => s?.nodata === true).length,
      };
    };
    const looks: unknown[] = [];
    let stop = () => {};
    w.__record = () => {
      const take = () => looks.push(w.__look());
      const observer = new MutationObserver(take);
      observer.observe(document.querySelector('.map-area')!, {
        subtree: true,
        attributes: true,
        childList: true,
      });
      const timer = setInterval(take, 50);
      take();
      stop = () => {
        observer.disconnect();
        clearInterval(timer);
      };
    };
    w.__recorded = () => {
      stop();
      return looks;
    };
  });
}

const sample = (page: Page) => page.evaluate(() => (window as unknown as { __look: () => Sample }).__look());

/** True when a whole map is drawn as "no data": the wrong intermediate state issue 12 is about. */
const allGrey = (s: Sample) =>
  (s.paths > 0 && s.pathsNoData === s.paths) || (s.states > 0 && s.statesNoData === s.states);

async function moveSlider(page: Page, year: number) {
  await page.locator('.year-slider input[type="range"]').fill(String(YEARS.indexOf(year)));
}

async function newPage(options: typeof DESKTOP_MOUSE | typeof PHONE_TOUCH) {
  const context = await browser().newContext({ ...options, serviceWorkers: 'block' });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  return { context, page, errors: collectPageErrors(page) };
}

/** Fails every request for the year file with HTTP 500; returns how many it failed. */
async function failYearFile(context: BrowserContext): Promise<() => number> {
  let failed = 0;
  await context.route(YEAR_FILE, (route) => {
    failed += 1;
    return route.fulfill({ status: 500, contentType: 'text/plain', body: 'test: server error' });
  });
  return () => failed;
}

/** The default year's map, drawn (not all grey), and its year. */
async function openAt(page: Page, interactive: boolean): Promise<Sample> {
  await page.goto(baseUrl);
  if (interactive) expect(await openAndSettle(page)).toBe('idle');
  await page.waitForSelector('[data-testid="static-map"] path[data-code]');
  await installLook(page);
  const before = await sample(page);
  expect(before.year).not.toBe(String(YEAR));
  expect(allGrey(before)).toBe(false);
  if (interactive) expect(before.states).toBe(before.paths);
  return before;
}

async function expectErrorThenRetry(
  page: Page,
  context: BrowserContext,
  before: Sample,
  { name, touch }: { name: string; touch: boolean },
) {
  const error = page.locator('[data-testid="year-error"]');
  await error.waitFor({ timeout: 60_000 });
  const text = (await error.textContent()) ?? '';
  expect(text).toMatch(new RegExp(`Không tải được số liệu năm ${YEAR}`));
  expect(text).toContain(`Bản đồ vẫn hiển thị năm ${before.year}`);
  const retry = page.locator('[data-testid="year-retry"]');
  expect((await retry.textContent())?.trim()).toBe('Thử lại');
  expect(await retry.isVisible()).toBe(true);
  await error.scrollIntoViewIfNeeded();
  await screenshot(page, name);
  // The failed year leaves the previous one on screen, coloured as it was.
  const during = await sample(page);
  expect(during.year).toBe(before.year);
  expect(allGrey(during)).toBe(false);
  expect(during.fills).toEqual(before.fills);
  await context.unrouteAll();
  if (touch) await retry.tap();
  else await retry.click();
  await page.waitForSelector(`.map-area[data-year="${YEAR}"]`, { timeout: 60_000 });
  await error.waitFor({ state: 'detached' });
  const after = await sample(page);
  expect(allGrey(after)).toBe(false);
}

describe('changing to a year that is not loaded yet (issue 12)', () => {
  it('keeps the previous colours with "loading" while the year file is held back, then shows the year', async () => {
    const { context, page, errors } = await newPage(DESKTOP_MOUSE);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requests = 0;
    await context.route(YEAR_FILE, async (route) => {
      requests += 1;
      await held;
      await route.continue();
    });
    const before = await openAt(page, true);
    await page.evaluate(() => (window as unknown as { __record: () => void }).__record());
    await moveSlider(page, YEAR);
    const timer = setTimeout(release, HOLD_MS);
    onTestFinished(() => clearTimeout(timer));
    await page.waitForTimeout(HOLD_MS / 2);
    await screenshot(page, 'year-loading-desktop');
    // The map box whole: its loading line sits at its foot, below the fold on a short screen.
    await screenshotOf(page, '.map-area', 'year-loading-desktop-map');
    await page.waitForSelector(`.map-area[data-year="${YEAR}"]`, { timeout: 60_000 });
    await page.waitForSelector('[data-testid="year-loading"]', { state: 'detached' });
    const samples = await page.evaluate(() =>
      (window as unknown as { __recorded: () => Sample[] }).__recorded(),
    );
    expect(requests, 'the route saw the data worker fetch the year file').toBeGreaterThan(0);
    const brief = ({ fills: _, ...s }: Sample) => s;
    expect(samples.filter(allGrey).map(brief), 'never the all-grey map').toEqual([]);
    // Held back: the previous year stays, every unit in the colour it had, and "loading" is shown.
    const whileHeld = samples.filter((s) => s.requested === String(YEAR) && s.year === before.year);
    expect(whileHeld.length, 'looks while held back').toBeGreaterThanOrEqual(10);
    expect(whileHeld.at(-1)!.at - whileHeld[0]!.at, 'held back for the whole delay').toBeGreaterThan(
      HOLD_MS - 500,
    );
    for (const s of whileHeld) {
      expect(s.loading).toBe(true);
      expect(s.fills).toEqual(before.fills);
      expect(s.statesNoData).toBe(before.statesNoData);
    }
    expect(samples.at(-1)!.year, 'the new year after the delay').toBe(String(YEAR));
    expect(allGrey(samples.at(-1)!)).toBe(false);
    expect(await page.locator('[data-testid="year"]').textContent()).toBe(String(YEAR));
    expect(errors).toEqual([]);
  });

  it('shows the failure in Vietnamese with "Thử lại", keeps the map, and loads the year on retry', async () => {
    const { context, page } = await newPage(DESKTOP_MOUSE);
    const failed = await failYearFile(context);
    const before = await openAt(page, true);
    await moveSlider(page, YEAR);
    await expectErrorThenRetry(page, context, before, { name: 'year-error-desktop', touch: false });
    expect(failed()).toBeGreaterThan(0);
    const after = await sample(page);
    expect(after.states).toBe(after.paths);
  });

  it('on a phone, the static map keeps its colours, and the message and "Thử lại" work by touch', async () => {
    const { context, page } = await newPage(PHONE_TOUCH);
    const failed = await failYearFile(context);
    const before = await openAt(page, false);
    expect(before.states).toBe(0); // no interactive map until asked: the static map is the map
    await moveSlider(page, YEAR);
    await expectErrorThenRetry(page, context, before, { name: 'year-error-phone', touch: true });
    expect(failed()).toBeGreaterThan(0);
  });
});
