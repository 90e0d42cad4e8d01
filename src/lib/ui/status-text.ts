// Short status wording for lists, tables and the panel, from the same classes as the map colours.
import { STATUS_LEGEND } from '../domain/legend';
import { statusClass } from '../domain/status';
import type { UnitKind, UnitYear } from '../domain/types';
import type { Lang } from '../i18n/messages';

const SHORT: Record<string, { vi: string; en: string }> = {
  chua_dat: { vi: 'Chưa đạt chuẩn NTM', en: 'Not yet NTM' },
  dat_chuan: { vi: 'Đạt chuẩn NTM', en: 'NTM standard' },
  nang_cao: { vi: 'NTM nâng cao', en: 'Advanced NTM' },
  kieu_mau: { vi: 'NTM kiểu mẫu', en: 'Model NTM' },
  urban_chua_dat: { vi: 'Chưa đạt chuẩn văn minh', en: 'Not yet civilised' },
  urban_dat_chuan: { vi: 'Đạt chuẩn văn minh đô thị', en: 'Civilised urban' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
};

export function statusText(row: UnitYear | undefined, kind: UnitKind, lang: Lang): string {
  const cls = row ? statusClass(row) : 'no_data';
  const label = SHORT[cls] ?? SHORT.no_data!;
  const base = label[lang];
  if (kind === 'xa' && row && row.criteria_met.length + row.criteria_missing.length > 0) {
    return `${base} · ${row.criteria_count}/${row.criteria_total}`;
  }
  return base;
}

export const STATUS_IDS = STATUS_LEGEND.map((e) => e.id);
