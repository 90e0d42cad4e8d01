import { z } from 'zod/mini';
import { unguardCsvText } from '../domain/csv';
import { codePointName, firstInvisible, isFormulaLike } from '../domain/free-text';
import type { NtmTier } from '../domain/types';
import type { CellValue, GridCell } from './grid';
import { MAX_CELL_CHARS } from './limits';
import { showValue, type ProblemCode, type Severity } from './problems';
import { criterionWord, tierWord } from './vocab';

/**
 * Cell readers. A cell goes through two steps:
 * 1. `screenCell`: the same checks for every cell (formulas, Excel errors, formula-like text that
 *    would run when the file is opened in a spreadsheet, over-long text, Unicode normalisation);
 * 2. a zod schema for its column, which turns the text into a typed value or a Vietnamese message.
 * Issues carry their ProblemCode in `params.problem`, so the report can say what kind of problem it is.
 */

export interface CellFinding {
  severity: Severity;
  code: ProblemCode;
  message_vi: string;
  message_en: string;
}

/**
 * Text that a spreadsheet would run as a formula ("CSV injection"): the free-text rule of
 * domain/free-text.ts, the database's own (= + - @ | in any width, after any leading whitespace,
 * invisible characters or apostrophes). Imported text is stored and later exported, so it is refused
 * here rather than passed on.
 */
export function looksLikeFormula(text: string): boolean {
  return isFormulaLike(text);
}

export function screenCell(cell: GridCell): { value: CellValue; findings: CellFinding[]; refused: boolean } {
  const findings: CellFinding[] = [];
  if (cell.formula !== undefined) {
    findings.push({
      severity: 'error',
      code: 'formula',
      message_vi: 'Ô chứa công thức. Hãy sao chép và dán dạng giá trị (Paste Special → Values) rồi nhập lại.',
      message_en: 'The cell holds a formula. Copy and paste it as values, then import again.',
    });
    return { value: null, findings, refused: true };
  }
  if (cell.error !== undefined) {
    findings.push({
      severity: 'error',
      code: 'cell_error',
      message_vi: 'Ô chứa giá trị lỗi của Excel. Hãy sửa ô này.',
      message_en: 'The cell holds an Excel error value. Fix the cell.',
    });
    return { value: null, findings, refused: true };
  }
  let value = cell.value;
  if (typeof value !== 'string') return { value, findings, refused: false };
  // The app's CSV writer guards formula-like text with an apostrophe; read back, it is the text itself
  // again (and is then judged by the formula check below, like any other cell).
  value = unguardCsvText(value);
  const nfc = value.normalize('NFC');
  if (nfc !== value) {
    findings.push({
      severity: 'note',
      code: 'not_nfc',
      message_vi: 'Văn bản chưa ở dạng Unicode dựng sẵn (NFC); đã tự chuẩn hóa.',
      message_en: 'Text was not in Unicode NFC; it was normalised.',
    });
    value = nfc;
  }
  if (Array.from(value).length > MAX_CELL_CHARS) {
    findings.push({
      severity: 'error',
      code: 'cell_too_long',
      message_vi: `Ô dài quá ${MAX_CELL_CHARS} ký tự.`,
      message_en: `The cell is longer than ${MAX_CELL_CHARS} characters.`,
    });
    return { value: null, findings, refused: true };
  }
  // NUL, the other controls, format characters (zero-width space, RLO, BOM…) and U+2028 come from
  // pasting out of other software, or from someone hiding text; the database refuses them too. No
  // imported cell is a note: a line break is refused as well.
  const invisible = firstInvisible(value);
  if (invisible !== null) {
    const cp = codePointName(invisible);
    findings.push({
      severity: 'error',
      code: 'control_char',
      message_vi: `Ô chứa ký tự điều khiển hoặc ký tự định dạng không nhìn thấy được (${cp}), thường do sao chép từ phần mềm khác. Hãy gõ lại nội dung ô.`,
      message_en: `The cell holds an invisible control or format character (${cp}), usually pasted from other software. Type the cell again.`,
    });
    return { value: null, findings, refused: true };
  }
  if (looksLikeFormula(value)) {
    findings.push({
      severity: 'error',
      code: 'formula_text',
      message_vi:
        'Nội dung bắt đầu bằng =, +, -, @ hoặc | (kể cả dạng chữ rộng toàn khổ, và sau khoảng trắng) nên có thể bị bảng tính chạy như công thức (chèn công thức). Hãy bỏ ký tự đầu này.',
      message_en:
        'The text starts with =, +, -, @ or | (full width included, also after whitespace) and could run as a spreadsheet formula (injection). Remove it.',
    });
    return { value: null, findings, refused: true };
  }
  const trimmed = value.trim();
  return { value: trimmed === '' ? null : trimmed, findings, refused: false };
}

type Issue = { problem: ProblemCode; vi: string; en: string };

/** A zod schema from a plain reader: returns the value, or an Issue that becomes a zod custom issue. */
function cellSchema<T>(read: (v: CellValue) => T | Issue) {
  return z.pipe(
    z.custom<CellValue>(),
    z.transform((v: CellValue, ctx) => {
      const out = read(v);
      if (out !== null && typeof out === 'object' && 'problem' in (out as object)) {
        const issue = out as Issue;
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: issue.vi,
          params: { problem: issue.problem, en: issue.en },
        });
        return z.NEVER;
      }
      return out as T;
    }),
  );
}

function asText(v: CellValue): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().slice(0, 10);
  return String(v);
}

/** The value as quoted inside a message: shortened, control characters visible. */
function shown(v: CellValue): string {
  return showValue(asText(v)) ?? '';
}

export const yearCell = cellSchema<number | null>((v) => {
  if (v === null) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return n;
  return {
    problem: 'year_invalid',
    vi: `Năm "${shown(v)}" không hợp lệ: cần 4 chữ số, ví dụ 2024.`,
    en: `Year "${shown(v)}" is not valid: four digits expected, e.g. 2024.`,
  };
});

export const codeCell = cellSchema<string | null>((v) => {
  if (v === null) return null;
  const s = asText(v);
  if (/^\d{5}$/.test(s)) return s;
  return {
    problem: 'code_invalid',
    vi: `Mã ĐVHC "${shown(s)}" không hợp lệ: cần đúng 5 chữ số (mã đơn vị hành chính của Tổng cục Thống kê), ví dụ 03386.`,
    en: `Unit code "${shown(s)}" is not valid: exactly 5 digits expected (GSO code), e.g. 03386.`,
  };
});

export const criterionCell = cellSchema<boolean | null>((v) => {
  if (v === null) return null;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const w = criterionWord(v);
    if (w !== undefined) return w;
  }
  return {
    problem: 'criterion_value',
    vi: `Giá trị "${shown(v)}" không hợp lệ cho tiêu chí: chỉ được ghi "Đạt", "Không đạt", 1, 0 hoặc để trống (chưa có số liệu).`,
    en: `"${shown(v)}" is not a criterion value: use "Đạt" (met), "Không đạt" (not met), 1, 0 or leave blank (no data).`,
  };
});

export const tierCell = cellSchema<NtmTier | null>((v) => {
  if (v === null) return null;
  if (typeof v === 'string') {
    const t = tierWord(v);
    if (t) return t;
  }
  return {
    problem: 'tier_value',
    vi: `Mức "${shown(v)}" không hợp lệ: chỉ được ghi "Chưa đạt", "Đạt chuẩn", "Nâng cao", "Kiểu mẫu" hoặc để trống.`,
    en: `Tier "${shown(v)}" is not valid: use "Chưa đạt", "Đạt chuẩn", "Nâng cao", "Kiểu mẫu" or leave blank.`,
  };
});

export const decisionNoCell = cellSchema<string | null>((v) => {
  if (v === null) return null;
  const s = asText(v);
  if (s.length <= 100) return s;
  return {
    problem: 'cell_too_long',
    vi: 'Số quyết định dài quá 100 ký tự.',
    en: 'The decision number is longer than 100 characters.',
  };
});

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads dd/mm/yyyy (also with "-" or "."), yyyy-mm-dd, or a date cell. Returns ISO yyyy-mm-dd or null. */
export function readDate(v: CellValue): string | null | undefined {
  if (v === null) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    // Spreadsheet dates carry no time zone: exceljs gives UTC midnight, so read the UTC parts.
    return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) ?? undefined;
  }
  if (typeof v !== 'string') return undefined;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  return undefined;
}

export const dateCell = cellSchema<string | null>((v) => {
  const d = readDate(v);
  if (d !== undefined) return d;
  return {
    problem: 'date_invalid',
    vi: `Ngày "${shown(v)}" không hợp lệ: cần dạng ngày/tháng/năm, ví dụ 25/12/2024, và là một ngày có thật.`,
    en: `Date "${shown(v)}" is not valid: day/month/year expected, e.g. 25/12/2024, and a real calendar date.`,
  };
});

export const nameCell = cellSchema<string | null>((v) => (v === null ? null : asText(v)));

export interface CellIssue {
  problem: ProblemCode;
  message_vi: string;
  message_en: string;
}

/** Runs a cell schema; returns the value or the one issue it raised. */
export function readCell<T>(
  schema: z.ZodMiniType<T, CellValue>,
  v: CellValue,
): { ok: true; value: T } | { ok: false; issue: CellIssue } {
  const r = schema.safeParse(v);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const params = (issue as { params?: { problem?: ProblemCode; en?: string } } | undefined)?.params;
  return {
    ok: false,
    issue: {
      problem: params?.problem ?? 'row_invalid',
      message_vi: issue?.message ?? 'Giá trị không hợp lệ.',
      message_en: params?.en ?? 'Invalid value.',
    },
  };
}
