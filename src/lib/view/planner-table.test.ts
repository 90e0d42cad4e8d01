// The planners' table's decisions: its title, the missing criteria as text and chips, paging, and the
// sheet (CSV/XLSX layout) a planner downloads. Criteria are the committed snapshot's (criterion 3's name
// has a comma: "Thủy lợi và phòng, chống thiên tai").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../domain/types';
import { FRAMEWORK_2021, unassessedXa, urbanRow, xaRow } from '../../../tests/unit/factories';
import { readCsv } from '../../../tests/unit/reference';
import {
  filtersText,
  missingText,
  PAGE_SIZE,
  tableChoices,
  tableCsv,
  tablePage,
  tableSheet,
  tableTitle,
  unitCard,
} from './planner-table';
import { unitRow, type ScreenUnit } from './unit-rows';
import type { UnitFilters } from './filters';

const meta = JSON.parse(readFileSync('public/data/snapshot/meta.json', 'utf8')) as {
  criteria: Criterion[];
};
const criteria: Criterion[] = meta.criteria.filter((c) => c.framework === '2021-2025');
const DISTRICTS = [
  { code: '105', name: 'Thành phố Lai Châu' },
  { code: '106', name: 'Huyện Tam Đường' },
];

const banBo: ScreenUnit = {
  code: '03511',
  short: 'Bản Bo',
  full_name: 'Xã Bản Bo',
  kind: 'xa',
  district_code: '106',
  district_name: 'Huyện Tam Đường',
};
const ward: ScreenUnit = {
  code: '03386',
  short: 'Quyết Thắng',
  full_name: 'Phường Quyết Thắng',
  kind: 'phuong',
  district_code: '105',
  district_name: 'Thành phố Lai Châu',
};
const noData: ScreenUnit = { ...banBo, code: '03512', short: 'Nà Tăm', full_name: 'Xã Nà Tăm' };

/** Bản Bo meets every criterion but 2, 3 and 5 (16/19). */
const banBoRow = xaRow(16, {
  code: '03511',
  criteria_met: [1, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
  criteria_missing: [2, 3, 5],
});

function rowOf(unit: ScreenUnit, lang: 'vi' | 'en' = 'vi') {
  return unitRow(
    {
      lang,
      units: [banBo, ward, noData],
      rows: new Map([
        ['03511', banBoRow],
        ['03386', urbanRow('dat_chuan', { code: '03386' })],
        ['03512', unassessedXa({ code: '03512' })],
      ]),
      visuals: new Map(),
      criteria,
      framework: FRAMEWORK_2021,
    },
    unit,
  );
}

const noFilter: UnitFilters = {
  district: null,
  kind: null,
  tier: null,
  below: false,
  missing: null,
  near: false,
};

describe("the planners' table title", () => {
  it('names the chosen district, and only the year without one', () => {
    expect(tableTitle('vi', 2025, DISTRICTS, null)).toBe('Bảng theo dõi năm 2025');
    expect(tableTitle('vi', 2025, DISTRICTS, '106')).toBe('Bảng theo dõi năm 2025 — Huyện Tam Đường');
    expect(tableTitle('en', 2024, DISTRICTS, '105')).toBe('Planners’ table, 2024 — Thành phố Lai Châu');
  });
});

describe('the missing criteria', () => {
  it('are separated by a mark that no criterion name holds (criterion 3 has a comma)', () => {
    const text = missingText(rowOf(banBo));
    expect(text).toBe('2. Giao thông | 3. Thủy lợi và phòng, chống thiên tai | 5. Trường học');
    for (const c of criteria) expect(c.name_vi + c.name_en).not.toContain('|');
    expect(text.split(' | ')).toHaveLength(3);
  });

  it('become numbered chips whose accessible name and tap text name the criterion', () => {
    const card = unitCard('vi', rowOf(banBo));
    expect(card.chips.map((c) => c.text)).toEqual(['TC2', 'TC3', 'TC5']);
    expect(card.chips[2]!.label).toBe('TC5: Trường học');
    expect(card.chips[1]!.name).toBe('3. Thủy lợi và phòng, chống thiên tai — Hạ tầng kinh tế - xã hội');
    expect(card.criteria).toBe('16/19 tiêu chí');
    expect(card.meta).toBe('Huyện Tam Đường · Chưa đạt chuẩn NTM');
    expect(card.chipsLabel).toBe('Tiêu chí còn thiếu của Xã Bản Bo');
    expect(unitCard('en', rowOf(banBo, 'en')).chips[0]).toMatchObject({ text: 'C2', label: 'C2: Transport' });
  });

  it('a ward and a xã without an assessment have no count and no chips', () => {
    for (const u of [ward, noData]) {
      const card = unitCard('vi', rowOf(u));
      expect(card.criteria).toBeNull();
      expect(card.chips).toEqual([]);
    }
  });
});

describe('paging', () => {
  const many = Array.from({ length: 3321 }, (_, i) => i);
  it('shows one page at a time and says how many are left', () => {
    const first = tablePage('vi', many, PAGE_SIZE);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.shownText).toBe(`Đang hiện ${PAGE_SIZE} trong 3321 đơn vị`);
    expect(first.moreText).toBe(`Xem thêm ${PAGE_SIZE} đơn vị`);
    const last = tablePage('vi', many, 3300 + PAGE_SIZE);
    expect(last.rows).toHaveLength(3321);
    expect(last.shownText).toBeNull();
    expect(last.moreText).toBeNull();
    expect(tablePage('en', many, 3300).moreText).toBe('Show 21 more');
  });
  it('shows everything when it fits in a page', () => {
    expect(tablePage('vi', many.slice(0, 106), PAGE_SIZE)).toMatchObject({ shownText: null, moreText: null });
  });
});

describe('the downloaded sheet', () => {
  const rows = [rowOf(banBo), rowOf(ward), rowOf(noData)];
  const choices = tableChoices('vi', DISTRICTS, criteria, FRAMEWORK_2021);
  const filters = filtersText('vi', { ...noFilter, district: '106', below: true }, choices);
  const sheet = tableSheet('vi', 2025, rows, filters, criteria);

  it('has the unit, its status without the count, the readable list, then one column per criterion', () => {
    expect(sheet.headers.slice(0, 9)).toEqual([
      'Năm',
      'Mã',
      'Đơn vị',
      'Huyện',
      'Loại',
      'Trạng thái',
      'Số tiêu chí đạt',
      'Tổng tiêu chí',
      'Tiêu chí còn thiếu',
    ]);
    expect(sheet.criteriaColumns.map((i) => sheet.headers[i])).toEqual(
      criteria.map((c) => `TC${c.number} ${c.name_vi}`),
    );
    expect(sheet.headers.slice(-2)).toEqual(['Nguồn', 'Bộ lọc']);
    expect(sheet.headers[sheet.codeColumn]).toBe('Mã');
  });

  it('writes met / not met per criterion for an assessed xã, nothing for the others', () => {
    const [b, w, n] = sheet.lines;
    expect(b!.slice(0, 9)).toEqual([
      2025,
      '03511',
      'Xã Bản Bo',
      'Huyện Tam Đường',
      'Xã',
      'Chưa đạt chuẩn NTM',
      16,
      19,
      '2. Giao thông | 3. Thủy lợi và phòng, chống thiên tai | 5. Trường học',
    ]);
    const byNumber = (line: typeof b) => sheet.criteriaColumns.map((i) => line![i]);
    expect(byNumber(b)).toEqual(criteria.map((c) => ([2, 3, 5].includes(c.number) ? 'Không đạt' : 'Đạt')));
    expect(byNumber(w).every((v) => v === '')).toBe(true);
    expect(byNumber(n).every((v) => v === '')).toBe(true);
    expect(w![5]).toBe('Đạt chuẩn văn minh đô thị');
  });

  it('reads back as a CSV with the same columns on every line, the filters in one cell', () => {
    const back = readCsv(tableCsv(sheet));
    expect(back).toHaveLength(3);
    expect(back[0]!['Mã']).toBe('03511');
    expect(back[0]!['TC3 Thủy lợi và phòng, chống thiên tai']).toBe('Không đạt');
    expect(back[0]!['Bộ lọc']).toBe('Huyện: Huyện Tam Đường | Dưới 15 tiêu chí');
    expect(filters).not.toContain(';');
  });

  it("quotes a source with a semicolon, which LibreOffice's CSV import splits on by default", () => {
    const withSource = { ...rowOf(banBo), source: 'Báo cáo 12/BC-UBND; QĐ 34' };
    const csv = tableCsv(tableSheet('vi', 2025, [withSource], 'Không lọc', criteria));
    expect(csv).toContain(',"Báo cáo 12/BC-UBND; QĐ 34",Không lọc\r\n');
  });
});
