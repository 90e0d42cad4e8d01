import { z } from 'zod/mini';
import type { Lang } from '../i18n/define';
import { ti } from '../i18n/import';
import { freeTextProblem } from '../domain/free-text';
import { sourceUrlProblem } from '../domain/source-url';

/**
 * The contract of the SQL function public.import_assessments(p_year int, p_rows jsonb, p_meta jsonb)
 * (supabase/migrations/20260120000100_import_function.sql), shared by the CLI and the editor dialog.
 */

/** Provenance of the imported rows (every row gets the same). */
export interface ImportMeta {
  /** Where the figures come from, e.g. "Báo cáo 123/BC-UBND ngày 20/12/2024". Required unless illustrative. */
  source: string | null;
  source_url?: string | null;
  /** ISO yyyy-mm-dd. */
  source_date?: string | null;
  /** Sample data ("minh họa"). Default false. */
  illustrative?: boolean;
  /** Visible to the public at once. Default true. */
  published?: boolean;
}

export const importMetaSchema = z
  .object({
    source: z.nullable(
      z.string().check(
        z.trim(),
        z.maxLength(500),
        z.refine((s) => freeTextProblem(s) !== 'invisible', {
          message: 'Nguồn số liệu chứa ký tự điều khiển hoặc ký tự định dạng không nhìn thấy.',
        }),
        z.refine((s) => freeTextProblem(s) !== 'formula', {
          message:
            'Nguồn số liệu không được bắt đầu bằng =, +, -, @ hay | (bảng tính sẽ chạy nó như công thức).',
        }),
      ),
    ),
    // The database's rule (domain/source-url.ts): RFC 3986 characters, no user information.
    source_url: z.optional(
      z.nullable(
        z.string().check(
          z.refine((u) => sourceUrlProblem(u) === null, {
            message:
              'Đường dẫn nguồn phải là địa chỉ http(s) không có tên người dùng (@), khoảng trắng hay ký tự ngoài RFC 3986.',
          }),
        ),
      ),
    ),
    source_date: z.optional(z.nullable(z.iso.date())),
    illustrative: z.optional(z.boolean()),
    published: z.optional(z.boolean()),
  })
  .check(
    z.refine((m) => m.illustrative === true || (m.source !== null && m.source.length > 0), {
      message: 'Cần ghi nguồn số liệu, hoặc đánh dấu là minh họa.',
    }),
  );

/** What the function returns. */
export const importResultSchema = z.object({
  year: z.int(),
  vintage: z.string(),
  framework: z.string(),
  inserted: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  total: z.int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/**
 * The Vietnamese part of a database error raised by the function or its triggers ("… / English…"),
 * with the promise that matters to the user: nothing was written.
 */
export function importErrorMessage(raw: string, lang: Lang = 'vi'): string {
  return ti(lang, 'write.failed', { reason: splitBilingual(raw)[lang] });
}

function splitBilingual(raw: string): Record<Lang, string> {
  // Messages look like "Dòng 12 (mã 03403): Tiêu chí ngoài bộ … / criteria outside framework …".
  const cut = raw.lastIndexOf(' / ');
  if (cut < 0) return { vi: raw, en: raw };
  const prefix = /^(Dòng \d+ \(mã [^)]*\): )/.exec(raw)?.[1] ?? '';
  const en = raw.slice(cut + 3);
  return {
    vi: raw.slice(0, cut),
    en: prefix ? `${prefix.replace('Dòng', 'Row').replace('mã', 'code')}${en}` : en,
  };
}
