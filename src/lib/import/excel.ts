import type ExcelJSTypes from 'exceljs';

type ExcelModule = typeof ExcelJSTypes;

/**
 * exceljs, loaded on first use: it is about 250 KB gzip, and only editors who import or download a
 * template ever need it, so it must never be part of the public page's bundle.
 */
export async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as unknown as { default?: ExcelModule } & ExcelModule;
  return mod.default ?? mod;
}
