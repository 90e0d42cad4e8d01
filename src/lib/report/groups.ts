/**
 * The eight target groups of Kết luận 98-KL/TU, section 2.1 (data/reference/targets-2021-2025.md), with
 * short titles for headings, and the document itself for source lines.
 */
export const TARGET_GROUPS: readonly { no: number; vi: string; en: string }[] = [
  { no: 1, vi: 'Nông thôn mới, đô thị văn minh', en: 'New rural areas, civilised urban areas' },
  { no: 2, vi: 'Quỹ “Vì người nghèo”', en: '“For the poor” fund' },
  { no: 3, vi: 'Giảm nghèo, thu nhập', en: 'Poverty reduction, income' },
  { no: 4, vi: 'Văn hóa', en: 'Culture' },
  { no: 5, vi: 'Giáo dục', en: 'Education' },
  { no: 6, vi: 'Y tế, dân số', en: 'Health, population' },
  { no: 7, vi: 'Quy ước thôn, bản; hòa giải', en: 'Village conventions, mediation' },
  { no: 8, vi: 'Hệ thống chính trị cơ sở', en: 'Grassroots political system' },
];

export const TARGETS_DOCUMENT = {
  vi: 'Kết luận số 98-KL/TU ngày 28/4/2021 của Ban Chấp hành Đảng bộ tỉnh Lai Châu, mục 2.1 “Mục tiêu đến năm 2025”',
  en: 'Conclusion 98-KL/TU of 28 April 2021, Lai Châu Provincial Party Executive Committee, section 2.1 “Targets to 2025”',
} as const;

export function groupTitle(no: number, lang: 'vi' | 'en'): string {
  const g = TARGET_GROUPS.find((x) => x.no === no);
  return g ? g[lang] : lang === 'vi' ? `Nhóm ${no}` : `Group ${no}`;
}
