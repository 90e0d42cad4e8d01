import { describe, expect, it } from 'vitest';
import { COMPUTED_SOURCE, districtsWithSeries, latestUpTo, seriesFor, type ReportData } from './series';
import { districtRow, indicator, provinceRow } from './test-data';

const S31 = '[S31] VOV, 39/94 xã đạt chuẩn NTM cuối năm 2022';

function data(over: Partial<ReportData> = {}): ReportData {
  return {
    province: [2016, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) =>
      provinceRow(y, {
        xa_ntm_pct: 30 + (y - 2020) * 5,
        avg_criteria_xa: 13 + (y - 2020) * 0.8,
        xa_below_threshold: y === 2026 ? null : Math.max(0, 50 - (y - 2020) * 10),
        urban_civilised_pct: y === 2023 ? null : 40 + (y - 2020) * 4,
        districts_ntm: y >= 2024 ? 3 : y >= 2019 ? 1 : 0,
        districts_total: y === 2026 ? null : 8,
      }),
    ),
    district: [2020, 2021, 2025].flatMap((y) => [
      districtRow(y, '105', 'Thành phố Lai Châu', { xa_ntm_pct: 100, xa_below_threshold: 0 }),
      districtRow(y, '107', 'Huyện Mường Tè', { xa_ntm_pct: 10 + (y - 2020) * 4, xa_below_threshold: 9 }),
    ]),
    indicators: [],
    ...over,
  };
}

describe('series of the targets computed from the area summaries (T1a–T1e)', () => {
  it('reads each field of the province rows over 2020–2025 only', () => {
    const d = data();
    expect(seriesFor(d, 'T1b').map((p) => [p.year, p.value])).toEqual([
      [2020, 30],
      [2021, 35],
      [2022, 40],
      [2023, 45],
      [2024, 50],
      [2025, 55],
    ]);
    expect(seriesFor(d, 'T1d').map((p) => p.value)).toEqual([13, 13.8, 14.6, 15.4, 16.2, 17]);
    expect(seriesFor(d, 'T1e').map((p) => p.value)).toEqual([50, 40, 30, 20, 10, 0]);
  });

  it('leaves out a year whose value is null (no data is never zero)', () => {
    const years = seriesFor(data(), 'T1a').map((p) => p.year);
    expect(years).toEqual([2020, 2021, 2022, 2024, 2025]);
  });

  it('T1c counts districts added since 2020: the baseline reads 0', () => {
    expect(seriesFor(data(), 'T1c').map((p) => [p.year, p.value])).toEqual([
      [2020, 0],
      [2021, 0],
      [2022, 0],
      [2023, 0],
      [2024, 2],
      [2025, 2],
    ]);
  });

  it('T1c has no series without a 2020 district count, and none per district', () => {
    const d = data();
    const no2020 = { ...d, province: d.province.filter((p) => p.year !== 2020) };
    expect(seriesFor(no2020, 'T1c')).toEqual([]);
    expect(seriesFor(d, 'T1c', '105')).toEqual([]);
    expect(districtsWithSeries(d, 'T1c')).toEqual([]);
  });

  it('marks computed figures illustrative, or sources them to the unit data when real', () => {
    const d = data();
    expect(seriesFor(d, 'T1b')[0]).toMatchObject({ illustrative: true, source: null });
    const real = { ...d, province: d.province.map((p) => ({ ...p, illustrative: false })) };
    expect(seriesFor(real, 'T1b')[0]).toMatchObject({ illustrative: false, source: COMPUTED_SOURCE });
  });

  it('an official stored figure replaces the computed one and brings its source; an illustrative one does not', () => {
    const d = data({
      indicators: [
        indicator('T1b', 2022, 41.5, { illustrative: false, source: S31, source_date: '2023-09-29' }),
        indicator('T1b', 2023, 99, { illustrative: true }),
      ],
    });
    const s = seriesFor(d, 'T1b');
    expect(s.find((p) => p.year === 2022)).toMatchObject({ value: 41.5, source: S31, illustrative: false });
    expect(s.find((p) => p.year === 2023)).toMatchObject({ value: 45, illustrative: true });
  });

  it('reads a district’s own rows', () => {
    const d = data();
    expect(seriesFor(d, 'T1b', '107').map((p) => [p.year, p.value])).toEqual([
      [2020, 10],
      [2021, 14],
      [2025, 30],
    ]);
    expect(seriesFor(d, 'T1b', '999')).toEqual([]);
    expect(districtsWithSeries(d, 'T1b')).toEqual(['105', '107']);
  });
});

describe('series of the stored indicators (T2–T8)', () => {
  it('uses the stored values as they are, sorted, one per year, without NaN', () => {
    const d = data({
      indicators: [
        indicator('T3a', 2024, 2.81, { illustrative: false, source: 'S47, S48' }),
        indicator('T3a', 2020, 4.78, { illustrative: false, source: 'S46' }),
        indicator('T3a', 2022, Number.NaN),
        indicator('T3a', 2019, 5),
        indicator('T3a', 2023, 3.4, { illustrative: false, source: 'S49' }),
        indicator('T3a', 2023, 3.9, { district_code: '107' }),
        indicator('T2', 2023, 20.6),
      ],
    });
    expect(seriesFor(d, 'T3a').map((p) => [p.year, p.value, p.source])).toEqual([
      [2020, 4.78, 'S46'],
      [2023, 3.4, 'S49'],
      [2024, 2.81, 'S47, S48'],
    ]);
    expect(seriesFor(d, 'T3a', '107').map((p) => p.value)).toEqual([3.9]);
    expect(districtsWithSeries(d, 'T3a')).toEqual(['107']);
    expect(districtsWithSeries(d, 'T2')).toEqual([]);
  });

  it('a sourced row wins over an illustrative duplicate of the same year', () => {
    const d = data({
      indicators: [
        indicator('T2', 2023, 20),
        indicator('T2', 2023, 21, { illustrative: false, source: 'Báo cáo' }),
      ],
    });
    expect(seriesFor(d, 'T2')).toMatchObject([{ value: 21, source: 'Báo cáo' }]);
  });

  it('a target without rows has an empty series', () => {
    expect(seriesFor(data(), 'T8')).toEqual([]);
  });
});

describe('latestUpTo', () => {
  it('takes the last value in or before the year, or null', () => {
    const s = seriesFor(data(), 'T1a');
    expect(latestUpTo(s, 2023)?.year).toBe(2022);
    expect(latestUpTo(s, 2030)?.year).toBe(2025);
    expect(latestUpTo(s, 2019)).toBeNull();
    expect(latestUpTo([], 2025)).toBeNull();
  });
});
