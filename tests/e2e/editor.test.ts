/**
 * The editor screens end to end in Chromium: sign-in with an email code, editing one unit's criteria,
 * the change history, and the import dialog (template download, report of a bad file, refusal outside
 * the editor's scope, a good file written, export).
 *
 * The screens are mounted by a harness page (tests/fixtures/import/editor-harness) the way the app shell
 * mounts <EditorEntry>, built with Vite under the app's Content-Security-Policy. Supabase is intercepted
 * with page.route: Auth (/auth/v1) is faked, and every PostgREST request is answered from a REAL
 * PostgreSQL (migrations + seed) by the PostgREST stand-in, as the signed-in editor, so RLS, the import
 * function and the audit trigger are the real ones.
 */
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import pg from 'pg';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSettings,
  createProjectDatabase,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '../../supabase/tools/embedded-db';
import { appTypes } from '../../supabase/tools/pg-types';
import { readImportFile } from '../../src/lib/import/import-file';
import { templateModel } from '../../src/lib/import/template';
import { templateXlsx } from '../../src/lib/import/template-xlsx';
import { referenceCatalog } from '../fixtures/import/catalog';
import { sampleAssessments } from '../fixtures/import/fill';
import { CORPUS_DIR } from '../fixtures/import/make-corpus';
import { answerPostgrest, testToken } from '../fixtures/import/postgrest-standin';
import { collectPageErrors, launchBrowser, screenshot } from './browser';

const SUPABASE = 'https://fake-editor.supabase.co';
const HARNESS = fileURLToPath(new URL('../fixtures/import/editor-harness/', import.meta.url));
const OTP = '246810';
const UNIT = '03409'; // Xã San Thàng, Thành phố Lai Châu (district 105)

const EDITOR = {
  id: '00000000-0000-4000-8000-0000000e0105',
  email: 'bien.tap.105@example.vn',
  app_metadata: { role: 'editor', districts: ['105'] },
};
const VIEWER = {
  id: '00000000-0000-4000-8000-0000000e0000',
  email: 'nguoi.xem@example.vn',
  app_metadata: {},
};
const USERS = [EDITOR, VIEWER];

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
};

let postgres: RunningPostgres;
let pool: pg.Pool;
let admin: pg.Client;
let server: PreviewServer;
let browser: Browser;
let base = '';
let outDir = '';
const otpRequests: string[] = [];

function session(user: (typeof USERS)[number]) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email,
    app_metadata: user.app_metadata,
    exp: now + 3600,
    iat: now,
  };
  return {
    access_token: testToken(claims),
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: now + 3600,
    refresh_token: `refresh-${user.id}`,
    user: {
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      app_metadata: user.app_metadata,
      user_metadata: {},
      created_at: '2024-01-01T00:00:00Z',
    },
  };
}

/** Fake Supabase Auth + PostgREST answered by the real database (committed: this is a scratch database). */
async function routeSupabase(context: BrowserContext) {
  await context.route(`${SUPABASE}/**`, async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const reply = (status: number, body: unknown) =>
      route.fulfill({ status, headers: CORS, contentType: 'application/json', body: JSON.stringify(body) });
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    const body = request.postData() ?? '';
    if (url.pathname === '/auth/v1/otp') {
      const { email, create_user } = JSON.parse(body) as { email: string; create_user?: boolean };
      otpRequests.push(`${email} create_user=${create_user}`);
      if (!USERS.some((u) => u.email === email)) {
        return reply(422, { code: 422, error_code: 'otp_disabled', msg: 'Signups not allowed for otp' });
      }
      return reply(200, {});
    }
    if (url.pathname === '/auth/v1/verify') {
      const { email, token, type } = JSON.parse(body) as { email: string; token: string; type: string };
      const user = USERS.find((u) => u.email === email);
      if (!user || token !== OTP || type !== 'email') {
        return reply(403, { code: 403, error_code: 'otp_expired', msg: 'Token has expired or is invalid' });
      }
      return reply(200, session(user));
    }
    if (url.pathname === '/auth/v1/logout') return route.fulfill({ status: 204, headers: CORS });
    if (url.pathname.startsWith('/rest/v1/')) {
      const answer = await answerPostgrest(
        pool,
        {
          method: request.method(),
          url: request.url(),
          authorization: request.headers()['authorization'],
          body,
        },
        { commit: true },
      );
      return route.fulfill({
        status: answer.status,
        headers: CORS,
        contentType: 'application/json',
        body: answer.body,
      });
    }
    return reply(404, { message: `not faked: ${url.pathname}` });
  });
}

async function state() {
  const r = await admin.query<{ n: number; digest: string; audits: number }>(
    `select (select count(*)::int from public.unit_assessment) as n,
            (select md5(string_agg(t::text, '|' order by vintage, unit_code, year)) from public.unit_assessment t) as digest,
            (select count(*)::int from public.audit_log) as audits`,
  );
  return r.rows[0]!;
}

beforeAll(async () => {
  postgres = await startEmbeddedPostgres();
  const db = await createProjectDatabase(postgres.admin, 'editor_e2e');
  pool = new pg.Pool({ ...apiSettings(db), types: appTypes, max: 4 });
  admin = new pg.Client({ ...db, types: appTypes });
  // The database stops at the end of the file: a connection it terminates then (57P01) is expected, and
  // must not surface as an unhandled 'error' event that fails a run whose tests all passed.
  const expectedAtShutdown = () => undefined;
  pool.on('error', expectedAtShutdown);
  pool.on('connect', (client) => client.on('error', expectedAtShutdown));
  admin.on('error', expectedAtShutdown);
  await admin.connect();
  // Rights come from the database's editors registry (mirrored from Auth's users), not from the token.
  for (const u of USERS) {
    await admin.query('insert into auth.users (id, email, raw_app_meta_data) values ($1, $2, $3)', [
      u.id,
      u.email,
      JSON.stringify(u.app_metadata),
    ]);
  }
  outDir = await mkdtemp(join(tmpdir(), 'editor-harness-'));
  await build({
    root: HARNESS,
    configFile: false,
    logLevel: 'warn',
    base: './',
    plugins: [svelte({ configFile: false, preprocess: vitePreprocess(), compilerOptions: { runes: true } })],
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
  server = await preview({
    root: HARNESS,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  await pool?.end();
  await admin?.end();
  await postgres?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function openHarness(context: BrowserContext, query = `year=2024&unit=${UNIT}`) {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const scripts: string[] = [];
  const supabaseCalls: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    if (r.url().startsWith(SUPABASE)) supabaseCalls.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await page.goto(`${base}?${query}&supabase=${encodeURIComponent(SUPABASE)}`);
  return { page, errors, scripts, supabaseCalls };
}

/**
 * Chromium logs every 4xx answer as a console error; the refusals this test provokes on purpose (unknown
 * email 422, wrong code 403, out-of-scope write 403) are expected. Anything else (a page error, a CSP
 * violation, a 5xx) is not.
 */
function unexpected(errors: string[]): string[] {
  return errors.filter(
    (e) => !/^console: Failed to load resource: the server responded with a status of 4(22|03)/.test(e),
  );
}

async function signIn(page: Page, email: string, code = OTP) {
  await page.getByTestId('otp-email').fill(email);
  await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
  await page.getByTestId('otp-code').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
}

describe('editor screens', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    await routeSupabase(context);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the harness runs under the app’s Content-Security-Policy', async () => {
    const csp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const app = csp(await readFile('index.html', 'utf8'));
    expect(app).toBeDefined();
    expect(csp(await readFile(join(HARNESS, 'index.html'), 'utf8'))).toBe(app);
  });

  it('loads no auth code and calls no Supabase endpoint until "Đăng nhập biên tập" is pressed', async () => {
    const opened = await openHarness(context);
    ({ page, errors } = opened);
    const button = page.getByRole('button', { name: 'Đăng nhập biên tập' });
    await button.waitFor();
    const entry = opened.scripts.filter((s) => s.endsWith('.js'));
    expect(entry).toHaveLength(1);
    const entrySource = await readFile(join(outDir, entry[0]!), 'utf8');
    expect(entrySource).not.toContain('/auth/v1');
    expect(entrySource).not.toContain('signInWithOtp');
    expect(opened.supabaseCalls).toEqual([]);

    await button.click();
    await page.getByTestId('editor-sign-in').waitFor();
    const lazy = opened.scripts.filter((s) => !entry.includes(s));
    expect(lazy.some((s) => s.includes('EditorPanel'))).toBe(true);
    // The spreadsheet library is loaded only when a file is read or written.
    expect(lazy.some((s) => s.includes('exceljs'))).toBe(false);
  });

  it('signs in with an email code: unknown email refused, wrong code refused, right code accepted', async () => {
    await page.getByTestId('otp-email').fill('khach@example.vn');
    await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent())
      .toContain('chưa được đăng ký làm biên tập viên');

    await signIn(page, EDITOR.email, '000000');
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent())
      .toContain('Mã không đúng hoặc đã hết hạn');
    expect(otpRequests).toContain(`${EDITOR.email} create_user=false`);

    await page.getByTestId('otp-code').fill(OTP);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    const who = page.getByTestId('editor-identity');
    await who.waitFor();
    expect(await who.textContent()).toContain(`${EDITOR.email} · phạm vi: Thành phố Lai Châu`);
  });

  it('edits the unit’s criteria for the year: saved through the import function, audited, in the history', async () => {
    const editor = page.getByTestId('criteria-editor');
    await page.getByTestId('save').waitFor();
    const before = (
      await admin.query('select * from public.unit_assessment where unit_code = $1 and year = 2024', [UNIT])
    ).rows[0];
    // The form starts from the database's current values.
    expect(await page.getByTestId('criterion-1').inputValue()).toBe(
      before.criteria_met.includes(1) ? 'met' : before.criteria_missing.includes(1) ? 'not_met' : 'no_data',
    );
    for (let n = 1; n <= 19; n++) await page.getByTestId(`criterion-${n}`).selectOption('met');
    await page.getByTestId('tier').selectOption('dat_chuan');
    await page.getByTestId('decision-no').fill('15/QĐ-UBND');
    await page.getByTestId('decision-date').fill('2024-12-15');
    await page.getByTestId('source').fill('Biên bản thẩm định 15/BB-HĐTĐ');
    const audits = (await state()).audits;
    await page.getByTestId('save').click();
    await expect
      .poll(() => editor.getByTestId('editor-message').textContent())
      .toContain('Đã lưu Xã San Thàng, năm 2024.');

    const after = (
      await admin.query('select * from public.unit_assessment where unit_code = $1 and year = 2024', [UNIT])
    ).rows[0];
    expect(after).toMatchObject({
      tier: 'dat_chuan',
      criteria_met: Array.from({ length: 19 }, (_, i) => i + 1),
      criteria_missing: [],
      decision_no: '15/QĐ-UBND',
      decision_date: '2024-12-15',
      source: 'Biên bản thẩm định 15/BB-HĐTĐ',
      illustrative: false,
      published: true,
    });
    const audit = await admin.query('select * from public.audit_log order by id desc limit 1');
    expect((await state()).audits).toBe(audits + 1);
    expect(audit.rows[0]).toMatchObject({
      operation: 'UPDATE',
      actor_email: EDITOR.email,
      actor_id: EDITOR.id,
    });
    expect(audit.rows[0].old_row.tier).toBe(before.tier);

    const history = page.getByTestId('change-history');
    await expect.poll(() => history.textContent()).toContain('Mức: ');
    const text = (await history.textContent()) ?? '';
    expect(text).toContain(EDITOR.email);
    expect(text).toContain('→ Đạt chuẩn');
    expect(text).toContain('Số quyết định: ');
    expect(await page.evaluate(() => document.body.dataset.changed)).toBe('2024');
    await screenshot(page, 'editor-criteria-saved');
  });

  it('refuses a tier that contradicts the criteria with the import rules, writing nothing', async () => {
    const before = await state();
    await page.getByTestId('criterion-3').selectOption('not_met');
    await page.getByTestId('save').click();
    const editor = page.getByTestId('criteria-editor');
    await expect.poll(() => editor.getByTestId('editor-message').textContent()).toContain('Chưa lưu');
    expect(await editor.locator('tr[data-code="tier_contradiction"]').textContent()).toContain(
      'cần đạt đủ 19/19 tiêu chí, nhưng dòng này chỉ đạt 18/19',
    );
    expect(await state()).toEqual(before);
    await page.getByTestId('criterion-3').selectOption('met');
  });

  it('refuses a deceptive source link and a formula source with the database’s rules, writing nothing (issue 20)', async () => {
    const before = await state();
    const editor = page.getByTestId('criteria-editor');
    const source = await page.getByTestId('source').inputValue();
    await page.getByTestId('source').fill('＝HYPERLINK("https://evil.example","Báo cáo")');
    await page.getByTestId('source-url').fill('https://laichau.gov.vn@evil.example/bc');
    await page.getByTestId('save').click();
    await expect.poll(() => editor.getByTestId('editor-message').textContent()).toContain('tên người dùng');
    const text = (await editor.getByTestId('editor-message').textContent()) ?? '';
    expect(text).toContain('Nguồn số liệu không được bắt đầu bằng =, +, -, @ hay |');
    expect(text).toContain('Đường dẫn nguồn không được có tên người dùng (dấu @ trước tên miền)');
    await screenshot(page, 'editor-source-refused');
    expect(await state()).toEqual(before);
    await page.getByTestId('source').fill(source);
    await page.getByTestId('source-url').fill('');
  });

  it('shows a draft as a draft; saving keeps it unpublished with its link and date; publishing is explicit', async () => {
    const row = () =>
      admin
        .query(
          'select published, source, source_url, source_date, criteria_met from public.unit_assessment where unit_code = $1 and year = 2024',
          [UNIT],
        )
        .then((r) => r.rows[0]);
    await admin.query(
      `update public.unit_assessment set published = false, source_url = 'https://laichau.gov.vn/bb15',
         source_date = '2024-12-16' where unit_code = $1 and year = 2024`,
      [UNIT],
    );
    const opened = await openHarness(context);
    const draftPage = opened.page;
    await draftPage.getByRole('button', { name: 'Đăng nhập biên tập' }).click();
    await draftPage.getByTestId('save').waitFor();
    expect(await draftPage.getByTestId('publish-state').textContent()).toContain('Bản nháp');
    expect(await draftPage.getByTestId('publish').isChecked()).toBe(false);
    expect(await draftPage.getByTestId('source-url').inputValue()).toBe('https://laichau.gov.vn/bb15');
    expect(await draftPage.getByTestId('source-date').inputValue()).toBe('2024-12-16');

    await draftPage.getByTestId('decision-no').fill('16/QĐ-UBND');
    await draftPage.getByTestId('save').click();
    const message = draftPage.getByTestId('criteria-editor').getByTestId('editor-message');
    await expect.poll(() => message.textContent()).toContain('Đã lưu');
    expect(await row()).toMatchObject({
      published: false,
      source_url: 'https://laichau.gov.vn/bb15',
      source_date: '2024-12-16',
    });

    await draftPage.getByTestId('publish').check();
    await draftPage.getByTestId('save').click();
    await expect.poll(() => row().then((r) => r.published)).toBe(true);
    await expect.poll(() => draftPage.getByTestId('publish-state').textContent()).toContain('Đã công bố');
    expect(unexpected(opened.errors)).toEqual([]);
    await draftPage.close();
  });

  it('import dialog: blank template download, a bad file reported with rows and columns', async () => {
    await page.getByTestId('open-import').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('import-year').inputValue()).toBe('2024');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('template-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('mau-danh-gia-ntm-2024.xlsx');
    const blank = await readImportFile(
      new Uint8Array(await readFile((await download.path())!)),
      referenceCatalog(),
    );
    expect(blank.year).toBe(2024);
    expect(blank.blank_rows).toBe(106);
    expect(blank.problems[0]?.code).toBe('no_rows');

    await page.getByTestId('import-file').setInputFiles(join(CORPUS_DIR, 'tier-contradiction.xlsx'));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('Không nhập được');
    const row = dialog.locator('tr[data-code="tier_contradiction"]');
    expect(await row.textContent()).toMatch(/Lỗi\s*7\s*Y · Mức đạt chuẩn\s*Đạt chuẩn/);
    expect(await page.getByTestId('import-write').count()).toBe(0);
    await screenshot(page, 'editor-import-report');
  });

  it('a valid file with units outside the editor’s districts is refused by the database: nothing written', async () => {
    const before = await state();
    await page.getByTestId('import-file').setInputFiles(join(CORPUS_DIR, 'good-2024.xlsx'));
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('Hợp lệ');
    await page.getByTestId('import-source').fill('Báo cáo 20/BC-UBND');
    await page.getByTestId('import-write').click();
    await expect
      .poll(() => page.getByTestId('import-message').textContent())
      .toContain('Không ghi được: Ngoài phạm vi biên tập của bạn, không ghi gì:');
    expect(await page.getByTestId('import-message').textContent()).toContain('Không có dòng nào được ghi');
    expect(await state()).toEqual(before);
  });

  it('a valid file of the editor’s own district is written in one call, then exported back', async () => {
    const catalog = referenceCatalog();
    const own = new Set(
      catalog.units.filter((u) => u.vintage === '2020' && u.district_code === '105').map((u) => u.code),
    );
    const rows = sampleAssessments(catalog, 2024, 7).filter((r) => own.has(r.code));
    expect(rows.length).toBeGreaterThan(3);
    const bytes = await templateXlsx(templateModel(catalog, 2024, rows));
    const before = await state();
    await page.getByTestId('import-file').setInputFiles({
      name: 'tp-lai-chau-2024.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(bytes),
    });
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toContain(`${rows.length} dòng có số liệu, 0 lỗi`);
    await page.getByTestId('import-source').fill('Báo cáo 21/BC-UBND');
    await page.getByTestId('import-write').click();
    await expect
      .poll(() => page.getByTestId('import-message').textContent())
      .toContain(`Đã ghi năm 2024: ${rows.length} đơn vị`);
    const stored = await admin.query(
      `select unit_code, criteria_met, criteria_missing, tier, urban_status, decision_no, decision_date, source
       from public.unit_assessment where year = 2024 and unit_code = any($1) order by unit_code`,
      [rows.map((r) => r.code)],
    );
    expect(stored.rows).toEqual(
      rows.map((r) => ({
        unit_code: r.code,
        criteria_met: r.criteria_met,
        criteria_missing: r.criteria_missing,
        tier: r.tier,
        urban_status: r.urban_status,
        decision_no: r.decision_no,
        decision_date: r.decision_date,
        source: 'Báo cáo 21/BC-UBND',
      })),
    );
    const after = await state();
    expect(after.audits - before.audits).toBeGreaterThan(0);
    expect(after.audits - before.audits).toBeLessThanOrEqual(rows.length);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('danh-gia-ntm-2024.xlsx');
    const exported = await readImportFile(new Uint8Array(await readFile((await download.path())!)), catalog);
    const written = new Set(rows.map((r) => r.code));
    const mine = exported.rows.filter((r) => written.has(r.code));
    expect(mine.map((r) => [r.code, r.criteria_met, r.tier, r.urban_status, r.decision_no])).toEqual(
      rows.map((r) => [r.code, r.criteria_met, r.tier, r.urban_status, r.decision_no]),
    );
  });

  it('signs out, and no page error or CSP violation happened on the way', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('editor-sign-in').waitFor();
    expect(unexpected(errors)).toEqual([]);
  });
});

describe('other accounts', () => {
  it('a signed-in user without editor rights is told so; a unit outside the scope is history-only', async () => {
    const context = await browser.newContext();
    await routeSupabase(context);
    try {
      const { page, errors } = await openHarness(context);
      await page.getByRole('button', { name: 'Đăng nhập biên tập' }).click();
      await signIn(page, VIEWER.email);
      await expect
        .poll(() => page.getByTestId('editor-panel').textContent())
        .toContain('chưa được cấp quyền biên tập');
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByTestId('editor-sign-in').waitFor();

      // The district-105 editor on a unit of Tam Đường (106): no form, the history only.
      const other = await openHarness(context, 'year=2024&unit=03424');
      await other.page.getByRole('button', { name: 'Đăng nhập biên tập' }).click();
      await signIn(other.page, EDITOR.email);
      await other.page.getByTestId('out-of-scope').waitFor();
      expect(await other.page.getByTestId('out-of-scope').textContent()).toContain(
        'ngoài phạm vi biên tập của bạn',
      );
      expect(await other.page.getByTestId('criteria-editor').count()).toBe(0);
      await other.page.getByTestId('change-history').waitFor();
      expect(unexpected([...errors, ...other.errors])).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
