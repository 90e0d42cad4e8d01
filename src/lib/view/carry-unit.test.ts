import { describe, expect, it } from 'vitest';
import { metaJson } from '../../../tests/unit/fixture-data';
import { carryUnit } from './carry-unit';

const meta = metaJson();

describe('carryUnit: the selected unit across a boundary change', () => {
  it('2025 → 2026: to the unit it merged into', () => {
    expect(carryUnit('03386', 2025, 2026, meta)).toMatchObject({
      code: '03388',
      fromName: 'Phường Quyết Thắng',
      toName: 'Phường Đoàn Kết',
      unchanged: false,
    });
  });

  it('2026 → 2025: back to the unit with the same code when there is one', () => {
    // Xã Bum Tở 03433 (2025) was formed from Thị trấn Mường Tè 03433, Xã Bum Tở 03454 and Xã Kan Hồ.
    expect(carryUnit('03433', 2026, 2025, meta)).toMatchObject({
      code: '03433',
      fromName: 'Xã Bum Tở',
      toName: 'Thị trấn Mường Tè',
      among: 3,
      unchanged: false,
    });
  });

  it('2026 → 2025: else the first candidate by code', () => {
    // Phường Tân Phong 03408 (2025) came from 03387, 03408, …: same code first.
    expect(carryUnit('03408', 2026, 2025, meta)?.code).toBe('03408');
    const noSameCode = carryUnit('03408', 2026, 2025, {
      ...meta,
      crosswalk: meta.crosswalk.filter((r) => !(r.to_vintage === '2025' && r.from_code === '03408')),
    });
    expect(noSameCode?.code).toBe('03387');
  });

  it('2019 → 2020 and across two changes (2019 → 2026)', () => {
    // Nậm Loỏng 03397 merged into Sùng Phài 03403 on 1 Feb 2020.
    expect(carryUnit('03397', 2019, 2020, meta)?.code).toBe('03403');
    expect(carryUnit('03397', 2019, 2026, meta)?.code).toMatch(/^\d{5}$/);
  });

  it('nothing to carry within a vintage, or without a link', () => {
    expect(carryUnit('03386', 2022, 2025, meta)).toBeNull();
    expect(carryUnit('99999', 2025, 2026, meta)).toBeNull();
  });

  it('a unit carried over under the same code and name is unchanged', () => {
    const r = carryUnit('03424', 2025, 2026, meta);
    expect(r).toMatchObject({ code: '03424', fromName: 'Xã Bản Bo', toName: 'Xã Bản Bo', unchanged: true });
  });
});
