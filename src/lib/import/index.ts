/**
 * Import of filled templates (issue 6): the public API of this folder. Pure: no database, no DOM, no
 * Node APIs; exceljs is loaded on demand by the XLSX functions only.
 */
export type { ImportCatalog, YearContext } from './catalog';
export { CatalogError, yearContext } from './catalog';
export type { ImportProblem, ProblemCode, Severity } from './problems';
export type { ImportRow, ImportPayloadRow } from './rows';
export { importRowSchema, toPayload } from './rows';
export type { ImportReport, ValidateOptions } from './validate';
export { validateGrid } from './validate';
export { readImportFile } from './import-file';
export type { TemplateModel } from './template';
export { templateModel, templateCsv, templateFileName } from './template';
export { templateXlsx, DATA_SHEET, GUIDE_SHEET } from './template-xlsx';
export { formatReportText, reportSummary } from './report-text';
export type { ImportMeta, ImportResult } from './write';
export { importMetaSchema, importResultSchema, importErrorMessage } from './write';
export { MAX_FILE_BYTES, MAX_DATA_ROWS } from './limits';
