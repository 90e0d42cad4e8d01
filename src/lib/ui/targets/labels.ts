/**
 * Words of the targets view and the printed report (Vietnamese default, English). Kept beside the
 * components: the app-wide dictionary (i18n/messages.ts) holds the shell's words.
 */
import type { Lang } from '../../domain/format';

const vi = {
  title: 'Chỉ tiêu giai đoạn 2021–2025',
  province: 'Toàn tỉnh',
  provinceFigure: 'Số liệu toàn tỉnh',
  yearLabel: 'Năm',
  latest: 'Giá trị mới nhất',
  target2025: 'Mục tiêu 2025',
  status: 'Trạng thái',
  noData: 'Chưa có số liệu',
  sources: 'Nguồn',
  illustrative: 'minh họa',
  illustrativeBanner:
    'Có số liệu minh họa (không phải số liệu chính thức): mỗi số liệu ghi rõ nguồn hoặc “minh họa”.',
  afterPeriod:
    'Giai đoạn 2021–2025 kết thúc năm 2025: hiển thị số liệu đến năm 2025 (năm đang chọn: {year}).',
  beforePeriod: 'Năm {year} trước giai đoạn 2021–2025: hiển thị số liệu năm gốc 2020.',
  print: 'In báo cáo',
  preparing: 'Đang chuẩn bị ảnh bản đồ…',
  period: 'Tổng kết giai đoạn 2021–2025',
  periodIntro: 'Đánh giá theo số liệu năm 2025 (hoặc năm gần nhất khi chưa có số liệu 2025).',
  indicator: 'Chỉ tiêu',
  result2025: 'Kết quả',
  verdict: 'Đánh giá',
  districts: 'Theo huyện',
  district: 'Huyện',
  value: 'Giá trị',
  chartTable: 'Xem dạng bảng',
  chartTarget: 'Mục tiêu',
  chartPath: 'Lộ trình đều từ 2020',
  chartIllustrative: 'điểm rỗng: số liệu minh họa',
  poorDistricts:
    'Riêng các huyện nghèo: 4 điểm %/năm. Dữ liệu chưa ghi huyện nào là huyện nghèo, nên mỗi huyện được so với mức chung 3 điểm %/năm.',
  t1cDistricts: 'Huyện đạt chuẩn nông thôn mới năm {year}',
  ntmYes: 'Đạt chuẩn',
  ntmNo: 'Chưa đạt',
  since: 'từ năm {year}',
  document: 'Văn bản giao chỉ tiêu',
  noTargets: 'Chưa có danh sách chỉ tiêu trong dữ liệu.',
} as const;

export type LabelKey = keyof typeof vi;

const en: Record<LabelKey, string> = {
  title: '2021–2025 targets',
  province: 'Province',
  provinceFigure: 'Province figure',
  yearLabel: 'Year',
  latest: 'Latest value',
  target2025: '2025 target',
  status: 'Status',
  noData: 'No data',
  sources: 'Sources',
  illustrative: 'illustrative',
  illustrativeBanner:
    'Includes illustrative figures (not official): every figure names its source or says “illustrative”.',
  afterPeriod: 'The 2021–2025 period ended in 2025: figures up to 2025 are shown (selected year: {year}).',
  beforePeriod: '{year} is before the 2021–2025 period: the 2020 baseline is shown.',
  print: 'Print report',
  preparing: 'Preparing the map image…',
  period: '2021–2025 result',
  periodIntro: 'Judged on the 2025 figure (or the latest one while 2025 is missing).',
  indicator: 'Indicator',
  result2025: 'Result',
  verdict: 'Assessment',
  districts: 'By district',
  district: 'District',
  value: 'Value',
  chartTable: 'Show as a table',
  chartTarget: 'Target',
  chartPath: 'Straight path from 2020',
  chartIllustrative: 'hollow points: illustrative figures',
  poorDistricts:
    'Poor districts: 4 pp/year. The data does not say which districts are poor, so each district is compared with the general 3 pp/year.',
  t1cDistricts: 'Districts at the NTM standard in {year}',
  ntmYes: 'At the standard',
  ntmNo: 'Not yet',
  since: 'since {year}',
  document: 'Targets set by',
  noTargets: 'The data holds no list of targets.',
};

const dictionaries: Record<Lang, Record<LabelKey, string>> = { vi, en };

export function L(lang: Lang, key: LabelKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[lang]?.[key] ?? vi[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
