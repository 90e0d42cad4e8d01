import type { Criterion } from '../domain/types';
import type { YearContext } from './catalog';
import type { GridCell } from './grid';
import { columnLetter, showValue, type ImportProblem } from './problems';
import { foldHeader } from './vocab';
import { MAX_COLUMNS } from './limits';

/**
 * The template's columns and how a header row is read back. Header text is Vietnamese; matching is by
 * folded text (no case, no diacritics), so a header retyped without accents still works. Criterion
 * columns are recognised by their "TC<n>" prefix; the name after it is only for people.
 */
export type FixedKey =
  'year' | 'code' | 'name' | 'kind' | 'district' | 'tier' | 'decision_no' | 'decision_date';

export const HEADERS: Record<FixedKey, string> = {
  year: 'Năm',
  code: 'Mã ĐVHC',
  name: 'Tên đơn vị',
  kind: 'Loại',
  district: 'Huyện',
  tier: 'Mức đạt chuẩn',
  decision_no: 'Số quyết định',
  decision_date: 'Ngày quyết định',
};

export const HEADERS_EN: Record<FixedKey, string> = {
  year: 'Year',
  code: 'Unit code',
  name: 'Unit name',
  kind: 'Kind',
  district: 'District',
  tier: 'Tier',
  decision_no: 'Decision number',
  decision_date: 'Decision date',
};

/** Other spellings accepted on import (folded). */
const ALIASES: Record<FixedKey, readonly string[]> = {
  year: ['nam', 'year'],
  code: ['ma dvhc', 'ma don vi', 'ma', 'code'],
  name: ['ten don vi', 'ten', 'name'],
  kind: ['loai', 'kind'],
  district: ['huyen', 'huyen/thanh pho', 'district'],
  tier: ['muc dat chuan', 'muc', 'tier'],
  decision_no: ['so quyet dinh', 'so qd', 'decision_no'],
  decision_date: ['ngay quyet dinh', 'ngay qd', 'decision_date'],
};

/** Columns an imported file must have (year may come from the command line instead). */
const REQUIRED: readonly FixedKey[] = ['code', 'tier', 'decision_no', 'decision_date'];

export function criterionHeader(c: Pick<Criterion, 'number' | 'name_vi'>): string {
  return `TC${c.number} ${c.name_vi}`;
}

export type TemplateColumn =
  | { key: FixedKey; header: string; width: number }
  | { key: 'criterion'; number: number; header: string; width: number };

/** Template column order: identification, then one column per criterion, then the outcome. */
export function templateColumns(ctx: YearContext): TemplateColumn[] {
  return [
    { key: 'year', header: HEADERS.year, width: 8 },
    { key: 'code', header: HEADERS.code, width: 10 },
    { key: 'name', header: HEADERS.name, width: 26 },
    { key: 'kind', header: HEADERS.kind, width: 10 },
    { key: 'district', header: HEADERS.district, width: 22 },
    ...ctx.criteria.map((c): TemplateColumn => ({
      key: 'criterion',
      number: c.number,
      header: criterionHeader(c),
      width: 14,
    })),
    { key: 'tier', header: HEADERS.tier, width: 14 },
    { key: 'decision_no', header: HEADERS.decision_no, width: 18 },
    { key: 'decision_date', header: HEADERS.decision_date, width: 16 },
  ];
}

export interface HeaderMap {
  fixed: Partial<Record<FixedKey, number>>;
  /** Criterion number → column index, only for criteria of the framework. */
  criteria: Map<number, number>;
  /** Column index → header text as written in the file. */
  headerText: Map<number, string>;
}

const CRITERION_RE = /^(?:tc|tieu chi)\s*(\d{1,3})(?:\D|$)/;
const CRITERION_PREFIX_RE = /^(?:tc|tieu chi)\s*\d{1,3}[\s.:–-]*/;

function headerString(cell: GridCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  return v instanceof Date ? v.toISOString() : String(v);
}

/** Reads row 1. Returns the column map and every header problem (missing, duplicate, unknown, outside). */
export function readHeader(
  header: readonly GridCell[],
  ctx: YearContext,
  opts: { yearGiven: boolean },
): { map: HeaderMap; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const map: HeaderMap = { fixed: {}, criteria: new Map(), headerText: new Map() };
  const seen = new Map<string, number>();
  const valid = new Set(ctx.criteria.map((c) => c.number));
  const at = (index: number, text: string) => ({ row: 1, column: columnLetter(index), header: text });

  header.slice(0, MAX_COLUMNS).forEach((cell, index) => {
    const text = headerString(cell).normalize('NFC').trim();
    if (text === '') return;
    map.headerText.set(index, text);
    const folded = foldHeader(text);
    const fixed = (Object.keys(ALIASES) as FixedKey[]).find((k) => ALIASES[k].includes(folded));
    const m = fixed ? null : CRITERION_RE.exec(folded);
    const id = fixed ?? (m ? `c${Number(m[1])}` : null);
    if (id === null) {
      problems.push({
        severity: 'warning',
        code: 'unknown_column',
        ...at(index, text),
        value: showValue(text),
        message_vi: `Cột "${showValue(text)}" không thuộc mẫu nên bị bỏ qua.`,
        message_en: `Column "${showValue(text)}" is not part of the template and is ignored.`,
      });
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        severity: 'error',
        code: 'duplicate_column',
        ...at(index, text),
        value: showValue(text),
        message_vi: `Cột "${showValue(text)}" bị lặp (đã có ở cột ${columnLetter(first)}).`,
        message_en: `Column "${showValue(text)}" appears twice (already in column ${columnLetter(first)}).`,
      });
      return;
    }
    seen.set(id, index);
    if (fixed) {
      map.fixed[fixed] = index;
      return;
    }
    const n = Number(m![1]);
    if (!valid.has(n)) {
      problems.push({
        severity: 'error',
        code: 'criterion_outside_framework',
        ...at(index, text),
        value: showValue(text),
        message_vi: `Tiêu chí ${n} không có trong bộ tiêu chí ${ctx.framework.id} (${ctx.framework.decision}, gồm TC1–TC${ctx.framework.criteria_total}) áp dụng cho năm ${ctx.year}.`,
        message_en: `Criterion ${n} is not in framework ${ctx.framework.id} (${ctx.framework.decision}, TC1–TC${ctx.framework.criteria_total}) used for ${ctx.year}.`,
      });
      return;
    }
    map.criteria.set(n, index);
    // "TC3 Phát triển kinh tế nông thôn" in a 2021–2025 file: probably another year's template.
    const criterion = ctx.criteria.find((c) => c.number === n)!;
    const givenName = folded.replace(CRITERION_PREFIX_RE, '').trim();
    if (givenName !== '' && givenName !== foldHeader(criterion.name_vi)) {
      problems.push({
        severity: 'warning',
        code: 'criterion_name_mismatch',
        ...at(index, text),
        value: showValue(text),
        message_vi: `Tên cột "${showValue(text)}" khác tên tiêu chí ${n} của bộ ${ctx.framework.id} ("${criterion.name_vi}"). Hãy kiểm tra tệp có đúng mẫu năm ${ctx.year}.`,
        message_en: `Column "${showValue(text)}" differs from criterion ${n} of framework ${ctx.framework.id} ("${criterion.name_en}"). Check that the file is the ${ctx.year} template.`,
      });
    }
  });

  const required: FixedKey[] = opts.yearGiven ? [...REQUIRED] : ['year', ...REQUIRED];
  for (const key of required) {
    if (map.fixed[key] !== undefined) continue;
    const yearHint =
      key === 'year'
        ? ' Hãy thêm cột "Năm" hoặc chỉ rõ năm khi nhập (--year).'
        : ' Hãy dùng tệp mẫu mới nhất.';
    problems.push({
      severity: 'error',
      code: key === 'year' ? 'year_missing' : 'missing_column',
      row: 1,
      column: null,
      header: HEADERS[key],
      value: null,
      message_vi: `Thiếu cột "${HEADERS[key]}".${yearHint}`,
      message_en: `Column "${HEADERS[key]}" (${HEADERS_EN[key]}) is missing.`,
    });
  }
  for (const c of ctx.criteria) {
    if (map.criteria.has(c.number)) continue;
    problems.push({
      severity: 'error',
      code: 'missing_column',
      row: 1,
      column: null,
      header: criterionHeader(c),
      value: null,
      message_vi: `Thiếu cột "${criterionHeader(c)}" của bộ tiêu chí ${ctx.framework.id}. Hãy dùng tệp mẫu của năm ${ctx.year}.`,
      message_en: `Column "${criterionHeader(c)}" of framework ${ctx.framework.id} is missing. Use the ${ctx.year} template.`,
    });
  }
  return { map, problems };
}

/** Index of a fixed column in a header row, or -1 (used before the year, hence the framework, is known). */
export function findFixedColumn(header: readonly GridCell[], key: FixedKey): number {
  return header
    .slice(0, MAX_COLUMNS)
    .findIndex((cell) => ALIASES[key].includes(foldHeader(headerString(cell).normalize('NFC'))));
}
