// Accessibility of every screen of the built app: axe-core (node_modules/axe-core) finds no violation on
// the map view, with the unit panel open, the planners' table, the targets view, in English and on a
// phone; everything is reachable by keyboard with a visible focus; the map has a text summary.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, screenshot, waitForMapIdle } from './browser';
import { useBrowser } from './use-browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core on the page; returns "rule: selector (html)" lines, empty when there is nothing. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.html.slice(0, 120)}`),
  );
}

/** A page of the built app; axe is injected as an inline script, which the CSP forbids: bypass it here. */
async function open(query: string, viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const context = await browser().newContext({ viewport, bypassCSP: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${query}`);
  await page
    .locator('.unit-list li, [data-testid="planner-table"], [data-testid="targets-view"]')
    .first()
    .waitFor({
      timeout: 60_000,
    });
  return page;
}

describe('axe-core: no violations on any screen', () => {
  it('map view (desktop, interactive map loaded)', async () => {
    const page = await open('');
    await waitForMapIdle(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('unit panel open', async () => {
    const page = await open('?unit=03430');
    await page.locator('[data-testid="unit-panel"]').waitFor();
    await waitForMapIdle(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("planners' table", async () => {
    const page = await open('');
    await page.click('[data-testid="tab-table"]');
    await page.locator('[data-testid="planner-table"] tbody tr').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("planners' table on a phone: cards, the district filter, a missing criterion's chip open", async () => {
    const page = await open('?view=table&year=2024', PHONE);
    const chip = page.locator('[data-testid="unit-cards"] [data-testid="chip"]').first();
    await chip.click();
    await page.locator('[data-testid="chip-name"]:not(:empty)').first().waitFor();
    expect(await page.locator('[data-testid="filter-district"]').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('targets view', async () => {
    const page = await open('');
    await page.click('[data-testid="tab-targets"]');
    await page.locator('[data-testid="targets-view"]').waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('English', async () => {
    const page = await open('?lang=en&unit=03430');
    await page.locator('[data-testid="unit-panel"]').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('phone: the static map and its button, then the interactive map', async () => {
    const page = await open('', PHONE);
    await page.locator('[data-testid="static-map"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const activate = page.locator('[data-testid="activate-map"]');
    if ((await activate.count()) > 0) await activate.click();
    await waitForMapIdle(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("phone: the unit's sheet, at its peek height and at full height", async () => {
    const page = await open('?unit=03430', PHONE);
    await page.locator('[data-testid="unit-sheet"] [data-testid="unit-panel"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="sheet-handle"]').click();
    await expect
      .poll(() => page.locator('[data-testid="unit-sheet"]').getAttribute('data-size'))
      .toBe('full');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('phone: the map options open', async () => {
    const page = await open('', PHONE);
    await page.locator('details.more summary').click();
    await page.locator('[data-testid="mode-switch"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('desktop 1440×900: a unit opened from the list', async () => {
    const page = await open('', { width: 1440, height: 900 });
    await waitForMapIdle(page);
    await page.locator('.unit-list li button').nth(2).click();
    await page.locator('[data-testid="unit-panel"]').waitFor();
    await screenshot(page, 'desktop-1440x900-unit-panel');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('no WebGL: the static map is the map, each unit a button', async () => {
    const context = await browser().newContext({
      viewport: DESKTOP,
      bypassCSP: true,
      serviceWorkers: 'block',
    });
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        return /webgl/i.test(type)
          ? null
          : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.waitForSelector('[data-testid="map"][data-state="nowebgl"]', { timeout: 30_000 });
    await page.locator('[data-testid="static-map"] path[role="button"]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

interface Focused {
  tag: string;
  type: string | null;
  testid: string | null;
  label: string;
  outline: string;
  shadow: string;
  visible: boolean;
}

/** Tabs through the page, recording each focused element and whether its focus is visible. */
async function tabThrough(page: Page, presses: number): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) {
          return {
            tag: 'body',
            type: null,
            testid: null,
            label: '',
            outline: 'none',
            shadow: 'none',
            visible: false,
          };
        }
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return {
          tag: el.tagName.toLowerCase(),
          type: el.getAttribute('type'),
          testid: el.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
          label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
          outline: outlined ? `${style.outlineStyle} ${style.outlineWidth}` : 'none',
          shadow: style.boxShadow,
          visible: box.width > 0 && box.height > 0,
        };
      }),
    );
  }
  return seen;
}

describe('keyboard', () => {
  it('reaches every control with a visible focus, and the map has a text summary', async () => {
    const page = await open('');
    await waitForMapIdle(page);
    const seen = await tabThrough(page, 45);
    const invisible = seen.filter(
      (f) => f.tag !== 'body' && (!f.visible || (f.outline === 'none' && f.shadow === 'none')),
    );
    expect(invisible).toEqual([]);
    const reached = new Set(seen.map((f) => f.testid));
    for (const id of ['lang-switch', 'vintage-switch', 'mode-switch', 'map', 'unit-search', 'tab-table']) {
      expect(reached, `not reached by Tab: ${id}`).toContain(id);
    }
    expect(seen.some((f) => f.tag === 'input' && f.type === 'range')).toBe(true); // the year slider
    // The first units of the list are reached too (each is a button).
    expect(seen.some((f) => f.tag === 'button' && /^(Xã|Phường|Thị trấn) /.test(f.label))).toBe(true);
    // Enter on a list item opens the unit panel.
    const item = page.locator('.unit-list li button').first();
    await item.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="unit-panel"]').waitFor();
    // The map's text alternative names the year and the number of units.
    const summary = await page.locator('[data-testid="map"] ~ .visually-hidden[aria-live]').textContent();
    expect(summary).toMatch(/Năm 2025: 106 đơn vị hành chính cấp xã\./);
    await page.context().close();
  });
});
