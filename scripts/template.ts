/**
 * `npm run template -- --year 2024 [--format xlsx|csv] [--out file] [--export] [--db postgres://…]`
 *
 * Writes the spreadsheet template for a year: one row per unit of that year's boundary vintage, one
 * column per criterion of that year's framework, sheet "Hướng dẫn" with the allowed values (XLSX; CSV
 * is UTF-8 with BOM). With --export the rows are filled with the year's current data, which is also
 * how a year is exported. Catalogue and data come from --db / DATABASE_URL, else SUPABASE_URL +
 * SUPABASE_SERVICE_ROLE_KEY, else the committed snapshot (public/data/snapshot).
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CatalogError } from '../src/lib/import/catalog';
import { templateCsv, templateFileName, templateModel } from '../src/lib/import/template';
import { templateXlsx } from '../src/lib/import/template-xlsx';
import { chooseTarget, type Io } from './import';

const USAGE =
  'Cách dùng: npm run template -- --year 2024 [--format xlsx|csv] [--out tệp] [--export] [--db postgres://…]';

export async function runTemplate(
  argv: string[],
  io: Io = { out: (t) => console.log(t), err: (t) => console.error(t) },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let o;
  try {
    o = parseArgs({
      args: argv,
      options: {
        year: { type: 'string' },
        format: { type: 'string', default: 'xlsx' },
        out: { type: 'string' },
        export: { type: 'boolean', default: false },
        db: { type: 'string' },
      },
    }).values;
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const year = Number(o.year);
  if (!o.year || !Number.isInteger(year) || (o.format !== 'xlsx' && o.format !== 'csv')) {
    io.err(USAGE);
    return 2;
  }
  const format = o.format;
  const target = await chooseTarget(o.db, env);
  try {
    const catalog = await target.catalog();
    const rows = o.export ? await target.unitYears(year) : [];
    const model = templateModel(catalog, year, rows);
    const out = o.out ?? templateFileName(year, format, o.export ? 'export' : 'template');
    await writeFile(out, format === 'xlsx' ? await templateXlsx(model) : templateCsv(model));
    const filled = rows.filter((r) => r.tier !== null || r.urban_status !== null).length;
    io.out(
      `Đã ghi ${out}: năm ${year}, bộ tiêu chí ${model.ctx.framework.id} (${model.ctx.framework.decision}), ` +
        `${model.rows.length} đơn vị (địa giới ${model.ctx.vintage}), ${model.ctx.criteria.length} tiêu chí` +
        (o.export ? `, ${filled} đơn vị có số liệu (từ ${target.label})` : '') +
        '.',
    );
    return 0;
  } catch (e) {
    io.err(e instanceof CatalogError ? e.message_vi : `Lỗi: ${(e as Error).message}`);
    return 2;
  } finally {
    await target.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runTemplate(process.argv.slice(2));
}
