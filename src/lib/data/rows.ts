/**
 * Parse untrusted rows (snapshot JSON or a Supabase response) into domain objects, row by row.
 *
 * A bad row never breaks the app: it is dropped (the UI shows that unit as "no data") and reported as
 * a Problem with a clear bilingual message naming the table, the row, the field and the offending
 * value, shown safely truncated. Values are only ever turned into plain text here; the UI renders
 * them as text, so `<img onerror>` or `=HYPERLINK()` stay inert strings. parseRows never throws.
 */
import type { z } from 'zod/mini';
import { TABLES, type RowIssue, type TableName } from './schemas';

export interface Problem {
  /** Table (or file) the row came from. */
  table: string;
  /** Index of the row in the input array; -1 for a problem with the whole input. */
  index: number;
  /** Unit or district code of the row, when it has a well-formed one. */
  code?: string;
  /** First offending field (dotted path, e.g. 'criteria_met.2'). */
  field?: string;
  message_vi: string;
  message_en: string;
}

export interface Parsed<T> {
  rows: T[];
  problems: Problem[];
}

export interface ParseContext<T> {
  table: string;
  /** Known units: rows with (vintage, code) not in this list are rejected. Items or 'vintage:code' keys. */
  units?: Iterable<{ vintage: string; code: string }> | ReadonlySet<string>;
  /** Unique key; later duplicates are rejected. */
  key?: (row: T) => string;
  /** Consistency checks after the schema. */
  issues?: (row: T) => RowIssue[];
  /** Most problems listed one by one (default 200); the rest are summed up in one last problem. */
  maxProblems?: number;
}

const MAX_SHOWN = 60;
const MAX_ISSUES_PER_ROW = 3;

/** Strip characters that could hide or reorder text (controls, bidi overrides) from a shown value. */
function visible(s: string): string {
  return s.replace(
    /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A short, safe text rendering of any value, for messages: strings quoted and cut to 60 characters with
 * their full length, numbers as they are (NaN, Infinity included), objects by kind. Never throws.
 */
export function describeValue(v: unknown): { vi: string; en: string } {
  try {
    if (v === undefined) return { vi: '(không có)', en: '(missing)' };
    if (v === null) return { vi: 'null', en: 'null' };
    if (typeof v === 'string') {
      const cut = [...v].length > MAX_SHOWN;
      const shown = `“${visible([...v].slice(0, MAX_SHOWN).join(''))}${cut ? '…' : ''}”`;
      return cut
        ? { vi: `${shown} (${v.length} ký tự)`, en: `${shown} (${v.length} characters)` }
        : { vi: shown, en: shown };
    }
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
      return { vi: String(v), en: String(v) };
    if (Array.isArray(v)) return { vi: `danh sách ${v.length} phần tử`, en: `a list of ${v.length} items` };
    if (typeof v === 'object') return { vi: 'một đối tượng', en: 'an object' };
    return { vi: typeof v, en: typeof v };
  } catch {
    return { vi: '(không đọc được)', en: '(unreadable)' };
  }
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['chuỗi ký tự', 'text'],
  number: ['số', 'a number'],
  int: ['số nguyên', 'an integer'],
  boolean: ['true/false', 'true/false'],
  array: ['danh sách', 'a list'],
  object: ['đối tượng', 'an object'],
  null: ['null', 'null'],
};

const FORMAT_NAMES: Record<string, [string, string]> = {
  date: ['ngày dạng YYYY-MM-DD', 'a date YYYY-MM-DD'],
  regex: ['đúng định dạng mã', 'the code format'],
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Bilingual text of one zod issue. */
function issueText(issue: z.core.$ZodIssue, input: unknown): { vi: string; en: string } {
  const value = valueAt(input, issue.path);
  const got = describeValue(value);
  const f = fieldOf(issue.path);
  const where = { vi: f ? `trường “${f}”` : 'dòng', en: f ? `field “${f}”` : 'row' };
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return { vi: `thiếu ${where.vi}`, en: `missing ${where.en}` };
      const [vi, en] = TYPE_NAMES[issue.expected] ?? [issue.expected, issue.expected];
      return {
        vi: `${where.vi}: cần ${vi}, nhận ${got.vi}`,
        en: `${where.en}: expected ${en}, got ${got.en}`,
      };
    }
    case 'invalid_format': {
      const [vi, en] = FORMAT_NAMES[issue.format] ?? [`định dạng ${issue.format}`, `format ${issue.format}`];
      return {
        vi: `${where.vi}: sai định dạng (cần ${vi}), nhận ${got.vi}`,
        en: `${where.en}: expected ${en}, got ${got.en}`,
      };
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      return {
        vi: `${where.vi}: giá trị ${got.vi} không hợp lệ (cho phép: ${allowed})`,
        en: `${where.en}: invalid value ${got.en} (allowed: ${allowed})`,
      };
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.origin === 'string')
        return issue.code === 'too_small'
          ? { vi: `${where.vi}: để trống`, en: `${where.en}: empty` }
          : {
              vi: `${where.vi}: quá dài (tối đa ${String(bound)} ký tự), nhận ${got.vi}`,
              en: `${where.en}: too long (at most ${String(bound)} characters), got ${got.en}`,
            };
      if (issue.origin === 'array')
        return { vi: `${where.vi}: danh sách quá dài`, en: `${where.en}: list too long` };
      const rel = issue.code === 'too_small' ? ['nhỏ hơn', 'below'] : ['lớn hơn', 'above'];
      return {
        vi: `${where.vi}: giá trị ${got.vi} ${rel[0]} giới hạn ${String(bound)}`,
        en: `${where.en}: value ${got.en} is ${rel[1]} the limit ${String(bound)}`,
      };
    }
    case 'custom':
      if (issue.message === 'unsafe_chars')
        return {
          vi: `${where.vi}: chứa ký tự điều khiển hoặc ký tự đảo chiều, nhận ${got.vi}`,
          en: `${where.en}: contains control or bidi-override characters, got ${got.en}`,
        };
      if (issue.message === 'not_http_url')
        return {
          vi: `${where.vi}: không phải đường dẫn http(s), nhận ${got.vi}`,
          en: `${where.en}: not an http(s) link, got ${got.en}`,
        };
      return { vi: `${where.vi}: không hợp lệ, nhận ${got.vi}`, en: `${where.en}: invalid, got ${got.en}` };
    default:
      return { vi: `${where.vi}: không hợp lệ, nhận ${got.vi}`, en: `${where.en}: invalid, got ${got.en}` };
  }
}

/** A well-formed unit or district code of a raw row, for the Problem (never an arbitrary string). */
function codeOf(raw: unknown): string | undefined {
  try {
    if (raw === null || typeof raw !== 'object') return undefined;
    const r = raw as Record<string, unknown>;
    for (const k of ['code', 'unit_code', 'from_code', 'district_code', 'target_id', 'id']) {
      const v = r[k];
      if (typeof v === 'string' && /^(\d{3}|\d{5}|T\d[a-z]?|\d{4}-\d{4})$/.test(v)) return v;
    }
  } catch {
    /* a hostile getter: no code */
  }
  return undefined;
}

function joinMessages(texts: { vi: string; en: string }[]): { vi: string; en: string } {
  const shown = texts.slice(0, MAX_ISSUES_PER_ROW);
  const more = texts.length - shown.length;
  return {
    vi: shown.map((t) => t.vi).join('; ') + (more > 0 ? `; và ${more} lỗi khác` : ''),
    en: shown.map((t) => t.en).join('; ') + (more > 0 ? `; and ${more} more` : ''),
  };
}

export function unitKey(vintage: string, code: string): string {
  return `${vintage}:${code}`;
}

function unitKeySet(units: ParseContext<unknown>['units']): ReadonlySet<string> | null {
  if (!units) return null;
  if (units instanceof Set) return units as ReadonlySet<string>;
  const s = new Set<string>();
  for (const u of units as Iterable<{ vintage: string; code: string }>) s.add(unitKey(u.vintage, u.code));
  return s;
}

/**
 * Parse `input` (expected: an array of rows) with `schema`. Valid rows are returned in input order;
 * every invalid row becomes one Problem and is dropped. Never throws.
 */
export function parseRows<T>(
  schema: z.ZodMiniType<T, unknown>,
  input: unknown,
  context: ParseContext<T>,
): Parsed<T> {
  const { table } = context;
  const rows: T[] = [];
  const problems: Problem[] = [];
  if (!Array.isArray(input)) {
    const got = describeValue(input);
    return {
      rows,
      problems: [
        {
          table,
          index: -1,
          message_vi: `Dữ liệu bảng “${table}” không phải là một danh sách (nhận ${got.vi}).`,
          message_en: `Data for table “${table}” is not a list (got ${got.en}).`,
        },
      ],
    };
  }
  const max = context.maxProblems ?? 200;
  let omitted = 0;
  const report = (p: Problem) => {
    if (problems.length < max) problems.push(p);
    else omitted++;
  };
  const known = unitKeySet(context.units);
  const seen = new Map<string, number>();

  for (let index = 0; index < input.length; index++) {
    const raw: unknown = input[index];
    try {
      const result = schema.safeParse(raw);
      if (!result.success) {
        const first = result.error.issues[0];
        const msg = joinMessages(result.error.issues.map((i) => issueText(i, raw)));
        report({
          table,
          index,
          code: codeOf(raw),
          field: first ? fieldOf(first.path) || undefined : undefined,
          message_vi: `Bảng “${table}”, dòng ${index + 1}: ${msg.vi}.`,
          message_en: `Table “${table}”, row ${index + 1}: ${msg.en}.`,
        });
        continue;
      }
      const row = result.data;
      const issues = context.issues?.(row) ?? [];
      const r = row as { vintage?: unknown; code?: unknown };
      if (
        known &&
        typeof r.vintage === 'string' &&
        typeof r.code === 'string' &&
        !known.has(unitKey(r.vintage, r.code))
      )
        issues.unshift({
          field: 'code',
          message_vi: `mã đơn vị không xác định: ${r.code} (bộ ranh giới ${r.vintage})`,
          message_en: `unknown unit code: ${r.code} (boundary vintage ${r.vintage})`,
        });
      const key = context.key?.(row);
      if (key !== undefined && seen.has(key))
        issues.push({
          field: 'key',
          message_vi: `trùng với dòng ${seen.get(key)! + 1} (khóa ${key})`,
          message_en: `duplicates row ${seen.get(key)! + 1} (key ${key})`,
        });
      if (issues.length > 0) {
        const msg = joinMessages(issues.map((i) => ({ vi: i.message_vi, en: i.message_en })));
        report({
          table,
          index,
          code: codeOf(raw),
          field: issues[0]!.field,
          message_vi: `Bảng “${table}”, dòng ${index + 1}: ${msg.vi}.`,
          message_en: `Table “${table}”, row ${index + 1}: ${msg.en}.`,
        });
        continue;
      }
      if (key !== undefined) seen.set(key, index);
      rows.push(row);
    } catch {
      report({
        table,
        index,
        message_vi: `Bảng “${table}”, dòng ${index + 1}: không đọc được dòng dữ liệu.`,
        message_en: `Table “${table}”, row ${index + 1}: the row could not be read.`,
      });
    }
  }
  if (omitted > 0)
    problems.push({
      table,
      index: -1,
      message_vi: `Bảng “${table}”: còn ${omitted} dòng lỗi khác không liệt kê.`,
      message_en: `Table “${table}”: ${omitted} more invalid rows not listed.`,
    });
  return { rows, problems };
}

type RowOf<K extends TableName> = (typeof TABLES)[K] extends { schema: z.ZodMiniType<infer T, unknown> }
  ? T
  : never;

/** parseRows with the table's schema, unique key and consistency checks from TABLES; `label` names the source in messages (e.g. 'years/2022.json'). */
export function parseTable<K extends TableName>(
  table: K,
  input: unknown,
  opts: Pick<ParseContext<RowOf<K>>, 'units' | 'maxProblems'> & { label?: string } = {},
): Parsed<RowOf<K>> {
  const spec = TABLES[table] as unknown as {
    schema: z.ZodMiniType<RowOf<K>, unknown>;
    key: (r: RowOf<K>) => string;
    issues?: (r: RowOf<K>) => RowIssue[];
  };
  const { label, ...rest } = opts;
  return parseRows(spec.schema, input, {
    table: label ?? table,
    key: spec.key,
    issues: spec.issues,
    ...rest,
  });
}
