import { describe, expect, it } from 'vitest';
import {
  criteriaBin,
  criteriaBins,
  criteriaToStandard,
  criterionState,
  isBelowThreshold,
  isNearStandard,
  missingCriteria,
  statusClass,
} from './status';
import type { Criterion } from './types';
import {
  FRAMEWORK_2016,
  FRAMEWORK_2021,
  FRAMEWORK_2026,
  unassessedXa,
  urbanRow,
  xaRow,
} from '../../../tests/unit/factories';

describe('statusClass', () => {
  it('classes a xã by its tier', () => {
    expect(statusClass(xaRow(12))).toBe('chua_dat');
    expect(statusClass(xaRow(19))).toBe('dat_chuan');
    expect(statusClass(xaRow(19, { tier: 'nang_cao' }))).toBe('nang_cao');
    expect(statusClass(xaRow(19, { tier: 'kieu_mau' }))).toBe('kieu_mau');
  });

  it('counts a xã as assessed only with a tier, like the database summaries', () => {
    const noTier = xaRow(12, { tier: null });
    expect(statusClass(noTier)).toBe('no_data');
    expect(criteriaBin(noTier, FRAMEWORK_2021)).toBe('no_data');
    expect(isBelowThreshold(noTier, FRAMEWORK_2021)).toBe(false);
    expect(criteriaToStandard(noTier)).toBeNull();
    // Its criteria lists are still readable one by one.
    expect(criterionState(noTier, 1)).toBe('met');
    expect(criterionState(noTier, 19)).toBe('not_met');
  });

  it('shows no data for a missing row or an unassessed xã', () => {
    expect(statusClass(undefined)).toBe('no_data');
    expect(statusClass(null)).toBe('no_data');
    expect(statusClass(unassessedXa())).toBe('no_data');
  });

  it('never classes a ward or town as failing NTM', () => {
    expect(statusClass(urbanRow('dat_chuan'))).toBe('urban_dat_chuan');
    expect(statusClass(urbanRow('chua_dat'))).toBe('urban_chua_dat');
    expect(statusClass(urbanRow(null))).toBe('no_data');
    // Even a malformed town row carrying a tier and criteria is judged on urban status only.
    const odd = urbanRow(null, { kind: 'thi_tran', tier: 'chua_dat', criteria_met: [1], criteria_count: 1 });
    expect(statusClass(odd)).toBe('no_data');
    expect(criteriaBin(odd, FRAMEWORK_2021)).toBe('not_applicable');
    expect(isBelowThreshold(odd, FRAMEWORK_2021)).toBe(false);
    expect(criteriaToStandard(odd)).toBeNull();
  });
});

describe('criteriaBins / criteriaBin', () => {
  it('uses six bins for 19 criteria, split at the 15-criteria warning line', () => {
    expect(criteriaBins(FRAMEWORK_2021).map((b) => b.id)).toEqual([
      '0-9',
      '10-12',
      '13-14',
      '15-16',
      '17-18',
      '19',
    ]);
  });

  it('uses five bins for the 10-criteria set of 2026–2030', () => {
    expect(criteriaBins(FRAMEWORK_2026).map((b) => b.id)).toEqual(['0-4', '5-6', '7-8', '9', '10']);
  });

  it('covers 0…total exactly once for any total', () => {
    for (let n = 1; n <= 40; n++) {
      const bins = criteriaBins({ criteria_total: n });
      const covered = bins.flatMap((b) => Array.from({ length: b.max - b.min + 1 }, (_, i) => b.min + i));
      expect(covered).toEqual(Array.from({ length: n + 1 }, (_, i) => i));
      expect(bins[bins.length - 1]).toEqual({ id: String(n), min: n, max: n });
    }
  });

  it('bins every count 0…19 and the edges correctly', () => {
    const got = Array.from({ length: 20 }, (_, c) => criteriaBin(xaRow(c), FRAMEWORK_2021));
    expect(got.slice(0, 11)).toEqual([...Array(10).fill('0-9'), '10-12']);
    expect(got[12]).toBe('10-12');
    expect(got[13]).toBe('13-14');
    expect(got[14]).toBe('13-14');
    expect(got[15]).toBe('15-16');
    expect(got[18]).toBe('17-18');
    expect(got[19]).toBe('19');
  });

  it('gives no_data without assessment, not_applicable for wards, and clamps impossible counts', () => {
    expect(criteriaBin(undefined, FRAMEWORK_2021)).toBe('no_data');
    expect(criteriaBin(unassessedXa(), FRAMEWORK_2021)).toBe('no_data');
    expect(criteriaBin(urbanRow('dat_chuan'), FRAMEWORK_2021)).toBe('not_applicable');
    expect(criteriaBin(xaRow(5, { criteria_count: 25 }), FRAMEWORK_2021)).toBe('19');
    // Zero criteria met but assessed is a real, low value, not "no data".
    expect(criteriaBin(xaRow(0), FRAMEWORK_2021)).toBe('0-9');
  });
});

describe('isBelowThreshold', () => {
  it('flags an assessed xã under 15 of 19, strictly', () => {
    expect(isBelowThreshold(xaRow(14), FRAMEWORK_2021)).toBe(true);
    expect(isBelowThreshold(xaRow(15), FRAMEWORK_2021)).toBe(false);
    expect(isBelowThreshold(xaRow(0), FRAMEWORK_2016)).toBe(true);
  });

  it('is false without data, for wards, and when the framework has no threshold', () => {
    expect(isBelowThreshold(undefined, FRAMEWORK_2021)).toBe(false);
    expect(isBelowThreshold(unassessedXa(), FRAMEWORK_2021)).toBe(false);
    expect(isBelowThreshold(urbanRow('chua_dat'), FRAMEWORK_2021)).toBe(false);
    expect(isBelowThreshold(xaRow(3, { criteria_total: 10, framework: '2026-2030' }), FRAMEWORK_2026)).toBe(
      false,
    );
  });
});

describe('criterionState / missingCriteria', () => {
  const criteria: Criterion[] = [19, 3, 17, 1].map((n) => ({
    framework: '2021-2025',
    number: n,
    name_vi: `Tiêu chí ${n}`,
    name_en: `Criterion ${n}`,
    group_code: 'I',
    group_vi: 'Nhóm',
    group_en: 'Group',
  }));

  it('distinguishes met, not met and not assessed', () => {
    const row = xaRow(0, {
      criteria_met: [1, 2],
      criteria_missing: [3],
      criteria_count: 2,
      tier: 'chua_dat',
    });
    expect(criterionState(row, 1)).toBe('met');
    expect(criterionState(row, 3)).toBe('not_met');
    expect(criterionState(row, 4)).toBe('no_data');
    expect(criterionState(undefined, 1)).toBe('no_data');
  });

  it('returns the Criterion objects assessed not met, of the row framework, in order', () => {
    const row = xaRow(16); // missing 17, 18, 19
    expect(missingCriteria(row, criteria).map((c) => c.number)).toEqual([17, 19]);
    const other = criteria.map((c) => ({ ...c, framework: '2016-2020' as const }));
    expect(missingCriteria(row, other)).toEqual([]);
    expect(missingCriteria(undefined, criteria)).toEqual([]);
  });
});

describe('criteriaToStandard / isNearStandard', () => {
  it('counts criteria still to meet for an assessed xã below the standard', () => {
    expect(criteriaToStandard(xaRow(17))).toBe(2);
    expect(criteriaToStandard(xaRow(18))).toBe(1);
    expect(criteriaToStandard(xaRow(4))).toBe(15);
    expect(isNearStandard(xaRow(17))).toBe(true);
    expect(isNearStandard(xaRow(18))).toBe(true);
    expect(isNearStandard(xaRow(16))).toBe(false);
    expect(isNearStandard(xaRow(16), 3)).toBe(true);
  });

  it('is null at the standard, without data and for wards', () => {
    expect(criteriaToStandard(xaRow(19))).toBeNull();
    expect(criteriaToStandard(xaRow(19, { tier: 'kieu_mau' }))).toBeNull();
    expect(criteriaToStandard(unassessedXa())).toBeNull();
    expect(criteriaToStandard(urbanRow('chua_dat'))).toBeNull();
    expect(criteriaToStandard(undefined)).toBeNull();
  });

  it('gives 0 (not near) when all criteria are met but recognition is pending', () => {
    const pending = xaRow(19, { tier: 'chua_dat' });
    expect(criteriaToStandard(pending)).toBe(0);
    expect(isNearStandard(pending)).toBe(false);
  });
});
