import { describe, expect, it } from 'vitest';
import { referenceCatalog } from '../../../../tests/fixtures/import/catalog';
import { checkForm, formFromRow, type UnitForm } from './unit-form';

const catalog = referenceCatalog();
const numbers = Array.from({ length: 19 }, (_, i) => i + 1);
const XA = '03409'; // Xã San Thàng
const WARD = '03387'; // Phường Tân Phong

function form(met: number[], tier: UnitForm['tier'], extra: Partial<UnitForm> = {}): UnitForm {
  const f = formFromRow(null, numbers);
  for (const n of numbers) f.criteria[n] = met.includes(n) ? 'met' : 'not_met';
  return { ...f, tier, ...extra };
}

describe('the criteria editor form', () => {
  it('starts from the current row (met, not met, no data)', () => {
    const f = formFromRow(
      {
        criteria_met: [1, 2],
        criteria_missing: [3],
        tier: 'chua_dat',
        urban_status: null,
        decision_no: null,
        decision_date: null,
      } as never,
      [1, 2, 3, 4],
    );
    expect(f.criteria).toEqual({ 1: 'met', 2: 'met', 3: 'not_met', 4: 'no_data' });
    expect(f.tier).toBe('chua_dat');
  });

  it('a consistent form becomes the payload row', () => {
    const r = checkForm(
      catalog,
      2024,
      XA,
      form(numbers, 'dat_chuan', { decision_no: '5/QĐ-UBND', decision_date: '2024-12-01' }),
    );
    expect(r.ok).toBe(true);
    expect(r.rows[0]).toMatchObject({
      code: XA,
      tier: 'dat_chuan',
      criteria_met: numbers,
      decision_date: '2024-12-01',
    });
  });

  it('uses the import rules: tier against criteria, wards without criteria', () => {
    const bad = checkForm(catalog, 2024, XA, form([1, 2], 'dat_chuan'));
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]?.code).toBe('tier_contradiction');
    const ward = checkForm(catalog, 2024, WARD, { ...form([1], 'dat_chuan') });
    expect(ward.problems.some((p) => p.code === 'urban_criteria')).toBe(true);
    const wardOk = checkForm(catalog, 2024, WARD, { ...formFromRow(null, numbers), tier: 'dat_chuan' });
    expect(wardOk.ok).toBe(true);
    expect(wardOk.rows[0]).toMatchObject({ urban_status: 'dat_chuan', tier: null });
  });
});
