/**
 * `npm run import -- <file.xlsx|file.csv> [options]`: checks a filled template and, when it has no
 * error, writes it in one all-or-nothing call of public.import_assessments (RLS and audit apply).
 *
 *   --year 2024            the year to import (default: column "Năm" of the file)
 *   --dry-run              check only; write nothing (works offline, against the committed snapshot's catalogue)
 *   --db postgres://…      database to write to (default: DATABASE_URL)
 *                          or SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY: calls the function by RPC
 *   --source "…"           where the figures come from (required to write, unless --illustrative)
 *   --source-url URL, --source-date yyyy-mm-dd
 *   --illustrative         sample data ("minh họa")
 *   --publish              publish every row of the file on the public map
 *   --draft                make every row of the file a draft (unpublished)
 *                          (neither: existing rows keep their published state, new rows are drafts)
 *   --actor "name"         who is writing, for the change history (default: the database user, or
 *                          "service_role" through Supabase)
 *   --lang vi|en           report language (default vi)
 *   --json                 print the report as JSON
 *
 * Exit codes: 0 valid (and written unless --dry-run), 1 the file has errors (nothing written),
 * 2 usage, connection or database error (nothing written).
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Criterion, Framework, Unit, UnitYear } from '../src/lib/domain/types';
import { freeTextProblem } from '../src/lib/domain/free-text';
import type { ImportCatalog } from '../src/lib/import/catalog';
import { readImportFile } from '../src/lib/import/import-file';
import { formatReportText } from '../src/lib/import/report-text';
import { toPayload, type ImportPayloadRow } from '../src/lib/import/rows';
import {
  importErrorMessage,
  importMetaSchema,
  importResultSchema,
  type ImportMeta,
  type ImportResult,
} from '../src/lib/import/write';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SNAPSHOT_META = join(REPO_ROOT, 'public', 'data', 'snapshot', 'meta.json');
export const SNAPSHOT_YEARS = join(REPO_ROOT, 'public', 'data', 'snapshot', 'years');

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: Io = { out: (t) => console.log(t), err: (t) => console.error(t) };

/** Dates as 'YYYY-MM-DD' text, like PostgREST's JSON (node-postgres would make local-time Dates). */
const DATE_OID = 1082;
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID && format !== 'binary'
      ? (v: string) => v
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** A writer: the database behind the import, reached directly (pg) or through Supabase's RPC. */
export interface ImportTarget {
  label: string;
  catalog(): Promise<ImportCatalog>;
  /** UnitYear rows of one year, for exports. */
  unitYears(year: number): Promise<UnitYear[]>;
  write(year: number, rows: ImportPayloadRow[], meta: ImportMeta, actor?: string): Promise<ImportResult>;
  close(): Promise<void>;
}

export function pgTarget(connectionString: string): ImportTarget {
  const client = new pg.Client({ connectionString, types: pgTypes });
  let connected: Promise<unknown> | undefined;
  const ready = () => (connected ??= client.connect());
  return {
    label: 'PostgreSQL',
    async catalog() {
      await ready();
      // One client runs one query at a time.
      const frameworks = await client.query<Framework>('select * from public.framework order by id');
      const criteria = await client.query<Criterion>(
        'select * from public.criterion order by framework, number',
      );
      const units = await client.query<Unit>('select * from public.unit order by vintage, code');
      return { frameworks: frameworks.rows, criteria: criteria.rows, units: units.rows };
    },
    async unitYears(year) {
      await ready();
      return (
        await client.query<UnitYear>('select * from public.unit_year where year = $1 order by code', [year])
      ).rows;
    },
    async write(year, rows, meta, actor) {
      await ready();
      // One transaction: a refused row leaves the database unchanged. app.actor names the writer in
      // the audit log for this transaction only (else the audit names the database user).
      await client.query('begin');
      try {
        if (actor) await client.query(`select set_config('app.actor', $1, true)`, [actor]);
        const r = await client.query<{ result: unknown }>(
          'select public.import_assessments($1::int, $2::json, $3::json) as result',
          [year, JSON.stringify(rows), JSON.stringify(meta)],
        );
        await client.query('commit');
        return importResultSchema.parse(r.rows[0]?.result);
      } catch (e) {
        await client.query('rollback');
        throw e;
      }
    },
    async close() {
      if (connected) await client.end();
    },
  };
}

export async function supabaseTarget(url: string, serviceKey: string, actor?: string): Promise<ImportTarget> {
  // 'ws' ships no type declarations; only its WebSocket constructor is handed on.
  const wsModule: string = 'ws';
  const [{ createClient }, { WebSocket }] = await Promise.all([
    import('@supabase/supabase-js'),
    import(wsModule) as Promise<{ WebSocket: unknown }>,
  ]);
  // Node 20 has no global WebSocket: supabase-js's realtime client needs one even if unused.
  const client = createClient(url, serviceKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    // PostgREST hands request headers to the database; with the service key the audit trusts X-Actor.
    // Header values are ASCII-only on the wire: a Vietnamese name travels percent-encoded.
    global: actor ? { headers: { 'x-actor': encodeURIComponent(actor) } } : {},
  });
  const select = async <T>(table: string, order: string[]): Promise<T[]> => {
    let q = client.from(table).select('*');
    for (const o of order) q = q.order(o);
    const { data, error } = await q;
    if (error) throw new Error(`${table}: ${error.message}`);
    return data as T[];
  };
  return {
    label: 'Supabase',
    async catalog() {
      const [frameworks, criteria, units] = await Promise.all([
        select<Framework>('framework', ['id']),
        select<Criterion>('criterion', ['framework', 'number']),
        select<Unit>('unit', ['vintage', 'code']),
      ]);
      return { frameworks, criteria, units };
    },
    async unitYears(year) {
      const { data, error } = await client.from('unit_year').select('*').eq('year', year).order('code');
      if (error) throw new Error(error.message);
      return data as UnitYear[];
    },
    async write(year, rows, meta) {
      const { data, error } = await client.rpc('import_assessments', {
        p_year: year,
        p_rows: rows,
        p_meta: meta,
      });
      if (error) throw new Error(error.message);
      return importResultSchema.parse(data);
    },
    async close() {
      await client.removeAllChannels();
    },
  };
}

/** The committed snapshot (public/data/snapshot): catalogue and published data, for offline checks. */
export function snapshotTarget(): ImportTarget {
  const refuse = () => Promise.reject(new Error('the snapshot is read-only'));
  return {
    label: 'snapshot',
    async catalog() {
      const meta = JSON.parse(await readFile(SNAPSHOT_META, 'utf8')) as ImportCatalog;
      return { frameworks: meta.frameworks, criteria: meta.criteria, units: meta.units };
    },
    async unitYears(year) {
      try {
        return JSON.parse(await readFile(join(SNAPSHOT_YEARS, `${year}.json`), 'utf8')) as UnitYear[];
      } catch {
        return [];
      }
    },
    write: refuse,
    close: async () => {},
  };
}

/** Where to read the catalogue and write: --db / DATABASE_URL, else Supabase env, else the snapshot. */
export async function chooseTarget(
  db: string | undefined,
  env: NodeJS.ProcessEnv,
  actor?: string,
): Promise<ImportTarget> {
  const url = db ?? env.DATABASE_URL;
  if (url) return pgTarget(url);
  if (env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY) {
    return supabaseTarget(env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, actor);
  }
  return snapshotTarget();
}

const USAGE = `Cách dùng: npm run import -- <tệp.xlsx|tệp.csv> [--year 2024] [--dry-run] [--db postgres://…]
  [--source "Báo cáo số …"] [--source-url URL] [--source-date yyyy-mm-dd] [--illustrative]
  [--publish | --draft] [--actor "Họ tên"] [--lang vi|en] [--json]
Không có --publish hay --draft: dòng đã có giữ trạng thái công bố, dòng mới là bản nháp.
Ghi vào: --db hoặc DATABASE_URL; hoặc SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY (gọi hàm qua RPC).`;

export async function runImport(
  argv: string[],
  io: Io = consoleIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        db: { type: 'string' },
        source: { type: 'string' },
        'source-url': { type: 'string' },
        'source-date': { type: 'string' },
        illustrative: { type: 'boolean', default: false },
        draft: { type: 'boolean', default: false },
        publish: { type: 'boolean', default: false },
        actor: { type: 'string' },
        lang: { type: 'string', default: 'vi' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: o, positionals } = args;
  if (o.help || positionals.length !== 1) {
    (o.help ? io.out : io.err)(USAGE);
    return o.help ? 0 : 2;
  }
  const lang = o.lang === 'en' ? 'en' : 'vi';
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !Number.isInteger(year)) {
    io.err(`--year "${o.year}" không phải là một năm.`);
    return 2;
  }
  // The database refuses an actor that breaks the free-text rule or is over 320 characters: say so first.
  if (o.actor !== undefined && (freeTextProblem(o.actor) !== null || o.actor.length > 320)) {
    io.err(
      `--actor "${o.actor.slice(0, 40)}…" không dùng được: tối đa 320 ký tự, không có ký tự điều khiển hay xuống dòng, ` +
        'không bắt đầu bằng =, +, -, @ hay |.',
    );
    return 2;
  }
  const file = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    io.err(`Không đọc được tệp ${file}: ${(e as Error).message}`);
    return 2;
  }

  if (o.publish && o.draft) {
    io.err(`--publish và --draft loại trừ nhau.\n${USAGE}`);
    return 2;
  }
  // The CLI states the provenance as a whole (a new source with the old URL would mislead), and
  // publishing only when asked: without --publish / --draft the key is absent and rows keep theirs.
  const meta: ImportMeta = {
    source: o.source ?? null,
    source_url: o['source-url'] ?? null,
    source_date: o['source-date'] ?? null,
    illustrative: o.illustrative,
    ...(o.publish || o.draft ? { published: o.publish } : {}),
  };
  const metaCheck = importMetaSchema.safeParse(meta);
  if (!o['dry-run'] && !metaCheck.success) {
    io.err(
      `Thông tin nguồn chưa hợp lệ: ${metaCheck.error.issues.map((i) => `${i.path.join('.') || 'source'}: ${i.message}`).join('; ')}\n` +
        'Ví dụ: --source "Báo cáo 123/BC-UBND ngày 20/12/2024" (hoặc --illustrative cho số liệu minh họa).',
    );
    return 2;
  }

  const target = await chooseTarget(o.db, env, o.actor);
  try {
    let catalog: ImportCatalog;
    try {
      catalog = await target.catalog();
    } catch (e) {
      io.err(`Không đọc được danh mục đơn vị và tiêu chí từ ${target.label}: ${(e as Error).message}`);
      return 2;
    }
    const report = await readImportFile(bytes, catalog, { year, fileName: basename(file) });
    io.out(o.json ? JSON.stringify(report, null, 2) : formatReportText(report, lang));
    if (!report.ok) {
      io.err(lang === 'vi' ? 'Tệp có lỗi: không ghi gì.' : 'The file has errors: nothing written.');
      return 1;
    }
    if (o['dry-run']) {
      io.out(lang === 'vi' ? 'Chỉ kiểm tra (--dry-run): không ghi gì.' : 'Dry run: nothing written.');
      return 0;
    }
    if (target.label === 'snapshot') {
      io.err(
        'Chưa chỉ định cơ sở dữ liệu: dùng --db postgres://… (hoặc DATABASE_URL), hoặc SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY.',
      );
      return 2;
    }
    let result: ImportResult;
    try {
      result = await target.write(report.year!, toPayload(report.rows), metaCheck.data!, o.actor);
    } catch (e) {
      io.err(importErrorMessage((e as Error).message, lang));
      return 2;
    }
    io.out(
      lang === 'vi'
        ? `Đã ghi năm ${result.year} vào ${target.label}: ${result.total} đơn vị (thêm ${result.inserted}, sửa ${result.updated}, không đổi ${result.unchanged}). ` +
            'Cập nhật dữ liệu nhúng của trang: DATABASE_URL=… npm run snapshot'
        : `Wrote ${result.year} to ${target.label}: ${result.total} units (${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged). ` +
            'Refresh the embedded data: DATABASE_URL=… npm run snapshot',
    );
    return 0;
  } finally {
    await target.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runImport(process.argv.slice(2));
}
