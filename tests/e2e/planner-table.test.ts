// Issue 19, items 2, 9 and 10: the planners' table as a planner uses it. On a phone, one compact card per
// unit (no box scrolling inside the page, nothing cut off in English), the district among the table's
// filters and in its title, the missing criteria as chips whose names show on tap. On a desktop, the
// missing criteria read apart and a row opens its unit in view. The downloads, opened by LibreOffice
// (a real spreadsheet, with its own CSV import defaults), keep the codes as text ("03511") and give one
// column per criterion.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { collectPageErrors, DESKTOP, PHONE_TOUCH, SCREENSHOT_DIR, screenshot } from './browser';
import { useBrowser } from './use-browser';
import { readCsv } from '../unit/reference';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

interface Row {
  code: string;
  kind: string;
  district_code: string | null;
  criteria_missing: number[];
}
const yearRows = (year: number): Row[] =>
  JSON.parse(readFileSync(`public/data/snapshot/years/${year}.json`, 'utf8')) as Row[];

async function open(query: string, options: object) {
  const page = await browser().newPage({ ...options, acceptDownloads: true, serviceWorkers: 'block' });
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}${query}`);
  await page.locator('[data-testid="planner-table"]').waitFor({ timeout: 60_000 });
  return { page, errors };
}

const cards = (page: Page) => page.locator('[data-testid="unit-cards"] > li');

describe("the planners' table on a phone", () => {
  it('shows compact cards, several in view, the district filter beside them and in the title', async () => {
    const { page, errors } = await open('?year=2025&view=table', PHONE_TOUCH);
    await expect.poll(() => cards(page).count()).toBe(106);
    expect(await page.locator('[data-testid="planner-table"] table').count()).toBe(0);

    // No scroll box of its own: the cards flow in the page, and many fit one screen.
    await cards(page)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const heights = await cards(page).evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect().height),
    );
    heights.sort((a, b) => a - b);
    expect(heights[Math.floor(heights.length / 2)]).toBeLessThan(130);
    const inView = await cards(page).evaluateAll(
      (els) => els.filter((el) => el.getBoundingClientRect().bottom <= window.innerHeight).length,
    );
    expect(inView).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'phone-planner-table');

    // The district among the table's filters, and in the title.
    const district = page.locator('[data-testid="planner-table"] [data-testid="filter-district"]');
    expect(await district.isVisible()).toBe(true);
    await district.selectOption('108');
    await expect
      .poll(() => page.locator('[data-testid="table-title"]').textContent())
      .toBe('Bảng theo dõi năm 2025 — Huyện Sìn Hồ');
    const expected = yearRows(2025).filter((r) => r.district_code === '108');
    await expect.poll(() => cards(page).count()).toBe(expected.length);

    // A chip names its criterion on tap (text on the page, not a tooltip).
    const withChips = cards(page)
      .filter({ has: page.locator('[data-testid="chip"]') })
      .first();
    const code = await withChips.getAttribute('data-code');
    const row = expected.find((r) => r.code === code)!;
    const chip = withChips.locator('[data-testid="chip"]').first();
    expect(await chip.textContent()).toBe(`TC${row.criteria_missing[0]}`);
    expect(await chip.getAttribute('aria-expanded')).toBe('false');
    await chip.tap();
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    const name = withChips.locator('[data-testid="chip-name"]');
    expect(await name.textContent()).toMatch(new RegExp(`^\\s*${row.criteria_missing[0]}\\. \\S`));
    expect(await name.isVisible()).toBe(true);
    await screenshot(page, 'phone-planner-table-district-chip');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('in English, nothing is cut off at the right edge', async () => {
    const { page } = await open('?year=2024&view=table&lang=en', PHONE_TOUCH);
    await expect.poll(() => cards(page).count()).toBeGreaterThan(100);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widest: Math.max(
        ...[...document.querySelectorAll('[data-testid="planner-table"] *')].map(
          (el) => el.getBoundingClientRect().right,
        ),
      ),
    }));
    expect(overflow.page).toBeLessThanOrEqual(PHONE_TOUCH.viewport.width);
    expect(overflow.widest).toBeLessThanOrEqual(PHONE_TOUCH.viewport.width);
    await page.context().close();
  });
});

describe("the planners' table on a desktop", () => {
  it('names the district, keeps the missing criteria apart, and opens a row in view', async () => {
    const { page, errors } = await open('?year=2025&view=table&district=108', { viewport: DESKTOP });
    await expect
      .poll(() => page.locator('[data-testid="table-title"]').textContent())
      .toBe('Bảng theo dõi năm 2025 — Huyện Sìn Hồ');
    const rows = page.locator('[data-testid="planner-table"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    // Criterion 3's name has a comma: items are set apart by " | ", never by a comma.
    const texts = await page.$$eval('[data-testid="planner-table"] td.missing', (tds) =>
      tds.map((td) => td.textContent!),
    );
    const several = texts.filter((t) => /\d+\. .*\d+\. /.test(t));
    expect(several.length).toBeGreaterThan(0);
    for (const t of several) expect(t).toMatch(/^\d+\. [^|]+( \| \d+\. [^|]+)+$/);

    const row = rows.last();
    await row.scrollIntoViewIfNeeded();
    await row.locator('button.link').click();
    const panel = page.locator('[data-testid="unit-panel"]');
    await panel.waitFor();
    await expect
      .poll(() => panel.evaluate((el) => el.getBoundingClientRect().top))
      .toBeGreaterThanOrEqual(-1);
    expect(await panel.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(DESKTOP.height - 100);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** LibreOffice, with a profile of its own (another soffice on the machine must not take the job). */
function soffice(args: string[], dir: string, outdir = dir): void {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', ...args, '--outdir', outdir],
    { stdio: 'pipe', timeout: 120_000 },
  );
}
const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSoffice && process.env.CI)
  throw new Error('LibreOffice (soffice) is missing in CI: .ci/run installs libreoffice-calc-nogui');
if (!hasSoffice)
  console.warn('SKIPPED: LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui');

/**
 * LibreOffice's own CSV import settings for a fresh user (officecfg Calc/Dialogs/CSVImport): separators
 * comma, semicolon AND tab, no "quoted field as text", no special numbers, formulas not evaluated; with
 * UTF-8 and the Vietnamese locale (1066). A field with an unquoted ";" would be split in two.
 */
const LIBREOFFICE_DEFAULT_CSV = 'CSV:44/59/9,34,76,1,,1066,false,false,false,false,false,-1,false';

async function sheetOf(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
    out.push(cells);
  });
  return out;
}

describe.skipIf(!hasSoffice)('the downloads, opened by LibreOffice', () => {
  it('keep the code "03511" as text and give one column per criterion (XLSX and CSV)', async () => {
    const { page } = await open('?year=2024&view=table', { viewport: DESKTOP });
    await expect.poll(() => page.locator('[data-testid="planner-table"] tbody tr').count()).toBe(106);
    const dir = mkdtempSync(path.join(tmpdir(), 'laichau-planner-'));
    try {
      const save = async (testid: string, name: string) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click(`[data-testid="${testid}"]`),
        ]);
        expect(download.suggestedFilename()).toBe(name);
        const file = path.join(dir, name);
        await download.saveAs(file);
        return file;
      };
      const csvFile = await save('export-csv', 'lai-chau-ntm-2024.csv');
      const xlsxFile = await save('export-xlsx', 'lai-chau-ntm-2024.xlsx');

      // The CSV itself: status without the count, the list apart, one column per criterion.
      const csv = readCsv(readFileSync(csvFile, 'utf8'));
      expect(csv).toHaveLength(106);
      const banBo = csv.find((r) => r['Mã'] === '03511');
      expect(banBo).toBeDefined();
      const criterionHeaders = Object.keys(csv[0]!).filter((h) => /^TC\d+ /.test(h));
      expect(criterionHeaders).toHaveLength(19);
      expect(criterionHeaders[2]).toBe('TC3 Thủy lợi và phòng, chống thiên tai');
      for (const r of csv) {
        expect(r['Trạng thái']).not.toMatch(/\d+\/\d+/);
        const notMet = criterionHeaders.filter((h) => r[h] === 'Không đạt').map((h) => h.split(' ')[0]);
        const listed = r['Tiêu chí còn thiếu']!.split(' | ').filter(Boolean);
        expect(listed.map((m) => `TC${m.split('.')[0]}`)).toEqual(notMet);
      }

      // The XLSX re-saved by LibreOffice as CSV: the codes are text, "03511" with its zero.
      mkdirSync(path.join(dir, 'from-xlsx'));
      soffice(['--convert-to', 'xlsx', xlsxFile], dir, path.join(dir, 'from-xlsx'));
      const fromXlsx = await sheetOf(path.join(dir, 'from-xlsx', 'lai-chau-ntm-2024.xlsx'));
      expect(fromXlsx[0]!.slice(0, 3)).toEqual(['Năm', 'Mã', 'Đơn vị']);
      expect(fromXlsx.map((r) => r[1])).toContain('03511');
      expect(fromXlsx.slice(1).every((r) => /^0\d{4}$/.test(r[1]!))).toBe(true);
      expect(fromXlsx[0]!.filter((h) => /^TC\d+ /.test(h))).toEqual(criterionHeaders);

      // The CSV as LibreOffice imports it by default: every line has the header's columns (no field split
      // on a ";"), the criteria columns are there.
      soffice([`--infilter=${LIBREOFFICE_DEFAULT_CSV}`, '--convert-to', 'xlsx', csvFile], dir);
      const fromCsv = await sheetOf(path.join(dir, 'lai-chau-ntm-2024.xlsx'));
      const width = fromCsv[0]!.length;
      expect(width).toBe(Object.keys(csv[0]!).length);
      expect(fromCsv.every((r) => r.length === width)).toBe(true);
      expect(fromCsv[0]!.filter((h) => /^TC\d+ /.test(h))).toEqual(criterionHeaders);

      // What a planner sees: each file printed by LibreOffice (page 1 as a PNG beside the screenshots when
      // poppler-utils is installed, else the PDF).
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      for (const [file, options, name] of [
        [csvFile, [`--infilter=${LIBREOFFICE_DEFAULT_CSV}`], 'libreoffice-planner-csv'],
        [path.join(dir, 'from-xlsx', 'lai-chau-ntm-2024.xlsx'), [], 'libreoffice-planner-xlsx'],
      ] as const) {
        const out = path.join(dir, name);
        mkdirSync(out);
        soffice([...options, '--convert-to', 'pdf', file], dir, out);
        const pdf = path.join(out, 'lai-chau-ntm-2024.pdf');
        try {
          execFileSync('pdftoppm', [
            '-png',
            '-r',
            '80',
            '-f',
            '1',
            '-l',
            '1',
            '-singlefile',
            pdf,
            path.join(SCREENSHOT_DIR, name),
          ]);
        } catch {
          writeFileSync(path.join(SCREENSHOT_DIR, `${name}.pdf`), readFileSync(pdf));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.context().close();
    }
  });
});
