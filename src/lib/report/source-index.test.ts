import { describe, expect, it } from 'vitest';
import { indexSources } from './source-index';
import { buildTargetsReport } from './targets-report';
import { indicator, provinceRow, TARGETS } from './test-data';

describe('indexSources', () => {
  it('numbers each distinct source once, in table order, and flags illustrative rows', () => {
    const S46 = { illustrative: false, source: '[S46] Báo Dân sinh', source_url: 'https://baodansinh.vn/x' };
    const report = buildTargetsReport(
      TARGETS,
      {
        province: [provinceRow(2020), provinceRow(2025, { illustrative: false })],
        district: [],
        districts: [],
        indicators: [
          indicator('T1b', 2022, 41.5, { illustrative: false, source: '[S31] VOV' }),
          indicator('T3a', 2020, 4.78, S46),
          indicator('T3a', 2021, 4.9, S46),
          indicator('T3a', 2024, 2.81),
          indicator('T6f', 2023, 97, S46),
        ],
      },
      { year: 2025 },
    );
    const { sources, cites } = indexSources(report.rows);
    expect(sources.map((s) => [s.no, s.source])).toEqual([
      [1, 'Tổng hợp từ số liệu đánh giá từng đơn vị (unit_year)'],
      [2, '[S31] VOV'],
      [3, '[S46] Báo Dân sinh'],
    ]);
    expect(cites.get('T1b')).toEqual({ numbers: [2, 1], illustrative: true });
    expect(cites.get('T3a')).toEqual({ numbers: [3], illustrative: true });
    expect(cites.get('T6f')).toEqual({ numbers: [3], illustrative: false });
    expect(cites.get('T8')).toEqual({ numbers: [], illustrative: false });
  });
});
