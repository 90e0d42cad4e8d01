/**
 * DataError: a load that failed as a whole (as opposed to bad rows, which are Problems).
 * Kept apart from source.ts (which parses rows with zod) so that the main thread can create, test and
 * re-create DataErrors without loading zod: the snapshot is parsed in a Web Worker (data.worker.ts).
 */

export type DataErrorCode = 'network' | 'http' | 'json' | 'shape' | 'timeout';

/** A load that failed as a whole (as opposed to bad rows, which are Problems). */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly code: DataErrorCode;
  readonly message_vi: string;
  readonly message_en: string;
  /** What was being loaded (file or view name). */
  readonly resource: string;
  readonly status?: number;

  constructor(code: DataErrorCode, resource: string, opts: { status?: number; cause?: unknown } = {}) {
    const { vi, en } = dataErrorText(code, resource, opts.status);
    super(en, { cause: opts.cause });
    this.code = code;
    this.resource = resource;
    this.status = opts.status;
    this.message_vi = vi;
    this.message_en = en;
  }
}

function dataErrorText(code: DataErrorCode, resource: string, status?: number): { vi: string; en: string } {
  switch (code) {
    case 'network':
      return {
        vi: `Không tải được dữ liệu “${resource}”: lỗi kết nối mạng.`,
        en: `Could not load “${resource}”: network error.`,
      };
    case 'http':
      return {
        vi: `Không tải được dữ liệu “${resource}”: máy chủ trả lỗi ${status ?? ''}.`.replace(' .', '.'),
        en: `Could not load “${resource}”: the server answered ${status ?? 'with an error'}.`,
      };
    case 'json':
      return {
        vi: `Dữ liệu “${resource}” bị hỏng (không phải JSON hợp lệ).`,
        en: `“${resource}” is corrupt (not valid JSON).`,
      };
    case 'shape':
      return {
        vi: `Dữ liệu “${resource}” không đúng cấu trúc mong đợi.`,
        en: `“${resource}” does not have the expected structure.`,
      };
    case 'timeout':
      return {
        vi: `Tải dữ liệu “${resource}” quá lâu, đã dừng.`,
        en: `Loading “${resource}” took too long and was stopped.`,
      };
  }
}
