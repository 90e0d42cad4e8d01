import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../domain/types';
import { describeChange, type ChangeRow } from './change-text';
import { canEditUnit, identityOf, scopeLabel } from './scope';

const criteria = [1, 2, 3].map((n): Criterion => ({
  framework: '2021-2025',
  number: n,
  name_vi: `Tiêu chí ${n}`,
  name_en: `Criterion ${n}`,
  group_code: 'I',
  group_vi: 'I',
  group_en: 'I',
}));

const change = (
  operation: ChangeRow['operation'],
  old_row: ChangeRow['old_row'],
  new_row: ChangeRow['new_row'],
) => ({
  id: 1,
  changed_at: '2024-12-20T03:00:00Z',
  actor_email: 'a@b.vn',
  actor_role: 'authenticated',
  operation,
  old_row,
  new_row,
});

describe('describeChange', () => {
  it('lists the criteria and fields that changed, in Vietnamese and English', () => {
    const c = change(
      'UPDATE',
      {
        criteria_met: [1],
        criteria_missing: [2, 3],
        tier: 'chua_dat',
        decision_no: null,
        source: 'A',
        published: true,
      },
      {
        criteria_met: [1, 2, 3],
        criteria_missing: [],
        tier: 'dat_chuan',
        decision_no: '9/QĐ-UBND',
        source: 'A',
        published: true,
      },
    );
    expect(describeChange(c, criteria, 'vi')).toEqual([
      'TC2: Không đạt → Đạt',
      'TC3: Không đạt → Đạt',
      'Mức: Chưa đạt → Đạt chuẩn',
      'Số quyết định: — → 9/QĐ-UBND',
    ]);
    expect(describeChange(c, criteria, 'en')[2]).toBe('Tier: not yet → standard');
  });
  it('says "no data" for criteria in neither list, and handles inserts and deletes', () => {
    const ins = change('INSERT', null, { criteria_met: [2], criteria_missing: [], tier: 'chua_dat' });
    expect(describeChange(ins, criteria, 'vi')).toEqual([
      'Nhập mới',
      'Tiêu chí: 1/3 đạt, 0 không đạt',
      'Mức: — → Chưa đạt',
    ]);
    const upd = change(
      'UPDATE',
      { criteria_met: [1], decision_date: null },
      { criteria_met: [1, 2], decision_date: '2024-12-15' },
    );
    expect(describeChange(upd, criteria, 'vi')).toEqual([
      'TC2: chưa có số liệu → Đạt',
      'Ngày quyết định: — → 15/12/2024',
    ]);
    expect(describeChange(change('DELETE', { criteria_met: [1] }, null), criteria, 'vi')).toEqual([
      'Xóa đánh giá của năm này',
    ]);
  });
});

describe('editor scope (mirrors private.can_edit_unit)', () => {
  it('reads app_metadata like the database does', () => {
    expect(
      identityOf({ email: 'x@y.vn', app_metadata: { role: 'editor', districts: [' 106', 105, {}] } }),
    ).toEqual({
      email: 'x@y.vn',
      editor: true,
      province: false,
      districts: ['105', '106'],
    });
    expect(
      identityOf({ email: 'x@y.vn', app_metadata: { role: 'viewer', scope: 'province' } })?.province,
    ).toBe(false);
    expect(
      identityOf({ email: 'x@y.vn', app_metadata: { role: 'editor', districts: '105' } })?.districts,
    ).toEqual([]);
    expect(identityOf(null)).toBeNull();
  });
  it('district editors edit their districts; units without district need province scope', () => {
    const d = identityOf({ app_metadata: { role: 'editor', districts: ['105'] } });
    const p = identityOf({ app_metadata: { role: 'editor', scope: 'province' } });
    expect(canEditUnit(d, { district_code: '105' })).toBe(true);
    expect(canEditUnit(d, { district_code: '106' })).toBe(false);
    expect(canEditUnit(d, { district_code: null })).toBe(false);
    expect(canEditUnit(p, { district_code: null })).toBe(true);
    expect(canEditUnit(identityOf({ app_metadata: {} }), { district_code: '105' })).toBe(false);
    expect(scopeLabel(d!, 'vi', new Map([['105', 'Thành phố Lai Châu']]))).toBe('Thành phố Lai Châu');
  });
});
