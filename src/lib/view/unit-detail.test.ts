import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2021, FRAMEWORK_2026, xaRow } from '../../../tests/unit/factories';
import { historyTicks, historyView, lineageOf, unitDetail, type DetailInput } from './unit-detail';

const unit = {
  code: '03433',
  short: 'Bum Tở',
  full_name: 'Xã Bum Tở',
  kind: 'xa' as const,
  district_code: null,
  district_name: null,
};

function input(over: Partial<DetailInput>): DetailInput {
  return {
    lang: 'vi',
    year: 2026,
    vintage: '2025',
    unit,
    row: undefined,
    framework: FRAMEWORK_2026,
    criteria: [],
    rowsByYear: new Map(),
    years: [2024, 2025, 2026],
    crosswalk: [],
    units: [],
    ...over,
  };
}

describe('the unit history chart', () => {
  it('runs 0–10 with no 15-criteria line for the 10-criteria set of 2026', () => {
    const row = xaRow(7, {
      year: 2026,
      vintage: '2025',
      framework: '2026-2030',
      code: '03433',
      criteria_total: 10,
    });
    const h = historyView(input({ row, rowsByYear: new Map([[2026, [row]]]) }));
    expect(h.max).toBe(10);
    expect(h.ticks).toEqual([0, 5, 10]);
    expect(h.threshold).toBeNull();
    expect(h.points.map((p) => [p.year, p.label])).toEqual([[2026, '7/10']]);
  });

  it('runs 0–19 with the 15 line for the 19-criteria sets, over the years of the vintage only', () => {
    const u = { ...unit, code: '03424' };
    const rows = new Map([
      [2024, [xaRow(14, { year: 2024, code: '03424' })]],
      [2025, [xaRow(16, { year: 2025, code: '03424' })]],
    ]);
    const h = historyView(
      input({ unit: u, year: 2025, vintage: '2020', framework: FRAMEWORK_2021, rowsByYear: rows }),
    );
    expect(h.max).toBe(19);
    expect(h.ticks).toEqual([0, 5, 10, 15, 19]);
    expect(h.threshold).toBe(15);
    expect(h.points.map((p) => p.label)).toEqual(['14/19', '16/19']);
  });

  it('ticks every five and the total', () => {
    expect(historyTicks(19)).toEqual([0, 5, 10, 15, 19]);
    expect(historyTicks(10)).toEqual([0, 5, 10]);
  });
});

describe('merger lineage', () => {
  it('names the units a 2025 commune was formed from, by vintage and code (codes were reused)', () => {
    const lines = lineageOf({
      lang: 'en',
      unit,
      vintage: '2025',
      crosswalk: [
        { from_vintage: '2020', from_code: '03433', to_vintage: '2025', to_code: '03433' },
        { from_vintage: '2020', from_code: '03436', to_vintage: '2025', to_code: '03433' },
      ],
      units: [
        {
          vintage: '2020',
          code: '03433',
          name: 'Thị trấn Mường Tè',
          kind: 'thi_tran',
          district_code: '107',
          district_name: null,
        },
        {
          vintage: '2020',
          code: '03436',
          name: 'Xã Bum Tở',
          kind: 'xa',
          district_code: '107',
          district_name: null,
        },
        {
          vintage: '2025',
          code: '03433',
          name: 'Xã Bum Tở',
          kind: 'xa',
          district_code: null,
          district_name: null,
        },
      ],
    });
    expect(lines).toEqual([
      { label: 'Formed from (2020 boundaries):', names: ['Thị trấn Mường Tè', 'Xã Bum Tở'] },
    ]);
  });
});

describe('the unit panel’s source (issue 20, item 6)', () => {
  const withUrl = (source_url: string) =>
    unitDetail(
      input({
        row: xaRow(7, {
          year: 2026,
          vintage: '2025',
          framework: '2026-2030',
          code: '03433',
          criteria_total: 10,
          illustrative: false,
          source: 'Báo cáo 12/BC-UBND',
          source_url,
        }),
      }),
    ).source;

  it('links an accepted address and names the host it goes to', () => {
    expect(withUrl('https://LaiChau.gov.vn/bc-12')).toEqual({
      kind: 'link',
      text: 'Báo cáo 12/BC-UBND',
      url: 'https://LaiChau.gov.vn/bc-12',
      host: 'laichau.gov.vn',
    });
  });

  it('renders a deceptive address as no link at all', () => {
    expect(withUrl('https://laichau.gov.vn@evil.example/x')).toEqual({
      kind: 'text',
      text: 'Báo cáo 12/BC-UBND',
      url: null,
      host: null,
    });
  });
});
