// The cards and the leaders' targets view read one report: each case below disagreed before the view model.
import { describe, expect, it } from 'vitest';
import { buildTargetsReport, type TargetsInput } from '../report/targets-report';
import { districtRow, districtYear, provinceRow, TARGETS } from '../report/test-data';
import { FRAMEWORK_2021, FRAMEWORK_2016, FRAMEWORK_2026 } from '../../../tests/unit/factories';
import { cardsView, type CardsInput } from './cards';

const DISTRICTS: [string, string][] = [
  ['105', 'Thành phố Lai Châu'],
  ['106', 'Huyện Tam Đường'],
  ['107', 'Huyện Mường Tè'],
  ['108', 'Huyện Sìn Hồ'],
  ['109', 'Huyện Phong Thổ'],
  ['110', 'Huyện Than Uyên'],
  ['111', 'Huyện Tân Uyên'],
  ['112', 'Huyện Nậm Nhùn'],
];

/** Province 2016–2025 with `ntm` xã at the standard in `year`; every district has a summary row. */
function data(year: number, ntm: number, opts: { missingDistrictStatus?: string } = {}): TargetsInput {
  const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
  return {
    province: years.map((y) =>
      provinceRow(y, {
        xa_ntm: y === year ? ntm : 31,
        xa_ntm_pct: Math.round(((y === year ? ntm : 31) / 94) * 1000) / 10,
        districts_ntm: y >= 2025 ? 2 : 1,
      }),
    ),
    district: years.flatMap((y) => DISTRICTS.map(([code, name]) => districtRow(y, code, name))),
    districts: years.flatMap((y) =>
      DISTRICTS.filter(([code]) => !(y === 2025 && code === opts.missingDistrictStatus)).map(([code, name]) =>
        districtYear(y, code, name, code === '105' || (y >= 2025 && code === '106')),
      ),
    ),
    indicators: [],
  };
}

function cards(year: number, input: TargetsInput, lang: 'vi' | 'en' = 'vi') {
  const report = buildTargetsReport(TARGETS, input, { year });
  const args: CardsInput = {
    lang,
    year,
    areaName: 'Toàn tỉnh',
    summary: input.province.find((p) => p.year === year),
    framework: year >= 2026 ? FRAMEWORK_2026 : year <= 2020 ? FRAMEWORK_2016 : FRAMEWORK_2021,
    report,
    unitCount: year >= 2026 ? 38 : 106,
  };
  return { report, view: cardsView(args) };
}

const card = (view: ReturnType<typeof cardsView>, id: string) => view.cards.find((c) => c.id === id);
const reportRow = (report: ReturnType<typeof buildTargetsReport>, id: string) =>
  report.rows.find((r) => r.target.id === id)!;

describe('summary cards and the targets report', () => {
  it('judge 54 of 94 communes (57.4 %) against the 57.5 % target the same way: met, as the province counts it', () => {
    const { report, view } = cards(2025, data(2025, 54));
    expect(reportRow(report, 'T1b').status).toBe('met');
    expect(card(view, 'T1b')).toMatchObject({ status: 'met', detail: '54/94', value: '57,4%' });
  });

  it('judge 53 of 94 as missed, on both', () => {
    const { report, view } = cards(2025, data(2025, 53));
    expect(reportRow(report, 'T1b').status).toBe('missed');
    expect(card(view, 'T1b')?.status).toBe('missed');
  });

  it('count every district of the year for T1c, a district without a status as no data: 2 of 8 on both', () => {
    const { report, view } = cards(2025, data(2025, 54, { missingDistrictStatus: '110' }));
    const cells = reportRow(report, 'T1c').districtsNtm;
    expect(cells).toHaveLength(8);
    expect(cells.find((c) => c.code === '110')?.ntm).toBeNull();
    expect(cells.filter((c) => c.ntm).length).toBe(2);
    expect(card(view, 'T1c')?.detail).toBe('2/8 huyện đạt chuẩn (năm 2020: 1)');
  });

  it('say what the T1c figure is: a change with its sign and unit, and 2020’s count beside today’s (issue 19)', () => {
    const { view } = cards(2025, data(2025, 54));
    expect(card(view, 'T1c')).toMatchObject({
      detail: '2/8 huyện đạt chuẩn (năm 2020: 1)',
      value: '+1 huyện',
      target: 'Mục tiêu 2025: +2 huyện',
    });
    const en = cards(2025, data(2025, 54), 'en').view;
    expect(card(en, 'T1c')).toMatchObject({
      detail: '2 of 8 districts at the standard (2020: 1)',
      value: '+1 district',
    });
  });

  it('judge nothing before the period: 2018 shows its figures, no status, no "districts added since 2020"', () => {
    const { view } = cards(2018, data(2018, 20));
    expect(view.cards.map((c) => c.status)).toEqual(view.cards.map(() => null));
    expect(card(view, 'T1c')).toBeUndefined();
    expect(card(view, 'T1b')?.detail).toBe('20/94');
    expect(view.note).toMatch(/trước giai đoạn 2021–2025/);
  });

  it('judge nothing after the period: 2026 has the 10-criteria note and no below-15 card', () => {
    const base = data(2025, 54);
    const input = {
      ...base,
      province: [
        ...base.province,
        provinceRow(2026, { vintage: '2025', framework: '2026-2030', xa_below_threshold: null }),
      ],
    };
    const { view } = cards(2026, input, 'en');
    expect(view.cards.every((c) => c.status === null)).toBe(true);
    expect(card(view, 'T1e')).toBeUndefined();
    expect(view.note).toContain('10 criteria');
  });
});
