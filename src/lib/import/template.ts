import { toCsv } from '../domain/csv';
import type { UnitYear } from '../domain/types';
import { yearContext, type ImportCatalog, type YearContext } from './catalog';
import { criterionHeader, HEADERS, templateColumns, type TemplateColumn } from './columns';
import type { CellValue } from './grid';
import { KIND_LABELS, MET_LABEL, NOT_MET_LABEL, TIER_LABELS, isUrban } from './vocab';

/**
 * The spreadsheet template for one year: one row per unit of the year's boundary vintage, one column
 * per criterion of the year's framework. Given the year's current rows (UnitYear, as the app reads them)
 * the same layout is an export, which is what makes template → fill → import → export round-trip.
 */

export interface TemplateModel {
  ctx: YearContext;
  columns: TemplateColumn[];
  /** Data rows, in column order; dates as ISO strings (each writer formats them). */
  rows: CellValue[][];
}

export function templateModel(
  catalog: ImportCatalog,
  year: number,
  existing: readonly UnitYear[] = [],
): TemplateModel {
  const ctx = yearContext(catalog, year);
  const columns = templateColumns(ctx);
  const byCode = new Map(existing.filter((r) => r.year === year).map((r) => [r.code, r]));
  const rows = ctx.units.map((unit) => {
    const data = byCode.get(unit.code);
    const tier = isUrban(unit.kind) ? data?.urban_status : data?.tier;
    return columns.map((col): CellValue => {
      switch (col.key) {
        case 'year':
          return year;
        case 'code':
          return unit.code;
        case 'name':
          return unit.name;
        case 'kind':
          return KIND_LABELS[unit.kind];
        case 'district':
          return unit.district_name;
        case 'criterion':
          if (data?.criteria_met.includes(col.number)) return MET_LABEL;
          if (data?.criteria_missing.includes(col.number)) return NOT_MET_LABEL;
          return null;
        case 'tier':
          return tier ? TIER_LABELS[tier] : null;
        case 'decision_no':
          return data?.decision_no ?? null;
        case 'decision_date':
          return data?.decision_date ?? null;
      }
    });
  });
  return { ctx, columns, rows };
}

export function templateFileName(
  year: number,
  ext: 'xlsx' | 'csv',
  kind: 'template' | 'export' = 'template',
): string {
  return `${kind === 'template' ? 'mau-danh-gia' : 'danh-gia'}-ntm-${year}.${ext}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** dd/mm/yyyy, the way dates are written in Vietnam (and read back by the importer). */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The instructions sheet ("Hướng dẫn"), as rows of text. */
export function guideRows(ctx: YearContext): string[][] {
  const f = ctx.framework;
  const n = ctx.criteria.length;
  return [
    [`Mẫu nhập kết quả đánh giá nông thôn mới và đô thị văn minh – năm ${ctx.year}`],
    [],
    ['Năm', String(ctx.year)],
    ['Bộ tiêu chí', `${f.id}: ${f.decision} (${f.name_vi}), ${n} tiêu chí`],
    ['Địa giới hành chính', `${ctx.vintage}: ${ctx.units.length} đơn vị cấp xã`],
    [],
    ['Cách điền'],
    [
      '1',
      `Mỗi dòng của trang "Dữ liệu" là một đơn vị. Không sửa cột "${HEADERS.year}" và "${HEADERS.code}": mã xác định đơn vị. "${HEADERS.name}", "${HEADERS.kind}", "${HEADERS.district}" chỉ để đối chiếu.`,
    ],
    [
      '2',
      `Cột tiêu chí (TC1–TC${n}): "${MET_LABEL}" hoặc 1 = đạt; "${NOT_MET_LABEL}" hoặc 0 = chưa đạt; để trống = chưa có số liệu.`,
    ],
    [
      '3',
      `"${HEADERS.tier}" của xã: "${TIER_LABELS.chua_dat}", "${TIER_LABELS.dat_chuan}", "${TIER_LABELS.nang_cao}" hoặc "${TIER_LABELS.kieu_mau}". Từ "${TIER_LABELS.dat_chuan}" trở lên phải đạt đủ ${n}/${n} tiêu chí.`,
    ],
    [
      '4',
      `Phường, thị trấn: để trống các cột tiêu chí; "${HEADERS.tier}" là "${TIER_LABELS.chua_dat}" hoặc "${TIER_LABELS.dat_chuan}" (văn minh đô thị).`,
    ],
    [
      '5',
      `"${HEADERS.decision_no}": ví dụ 123/QĐ-UBND. "${HEADERS.decision_date}": ngày/tháng/năm, ví dụ 25/12/${ctx.year}.`,
    ],
    [
      '6',
      'Dòng có số liệu thay thế toàn bộ đánh giá năm đó của đơn vị (tiêu chí để trống = chưa có số liệu). Dòng để trống hoàn toàn không được ghi: số liệu đã có được giữ nguyên.',
    ],
    ['7', 'Không dùng công thức; không bắt đầu ô bằng =, +, - hoặc @. Lưu dạng .xlsx, hoặc "CSV UTF-8".'],
    [
      '8',
      'Tệp được kiểm tra toàn bộ trước khi ghi: chỉ khi không còn lỗi nào thì mới ghi, và ghi tất cả trong một lần (có lỗi thì không ghi gì).',
    ],
    [],
    ['Tiêu chí', 'Tên tiêu chí', 'Nhóm'],
    ...ctx.criteria.map((c) => [
      `TC${c.number}`,
      criterionHeader(c).replace(/^TC\d+ /, ''),
      `${c.group_code}. ${c.group_vi}`,
    ]),
  ];
}

/** The template (or export) as CSV, through the app's one CSV writer (formula text neutralised). */
export function templateCsv(model: TemplateModel): string {
  return toCsv(
    model.columns.map((c) => c.header),
    model.rows.map((r) =>
      r.map((v, i) => {
        const col = model.columns[i];
        return col?.key === 'decision_date' && typeof v === 'string' && ISO_DATE.test(v) ? vnDate(v) : v;
      }),
    ),
  );
}
