import { describe, expect, it } from 'vitest';
import {
  AreaSummarySchema,
  CriterionSchema,
  CrosswalkRowSchema,
  DistrictYearSchema,
  FrameworkSchema,
  IndicatorValueSchema,
  StatisticValueSchema,
  TargetSchema,
  UnitSchema,
  UnitYearSchema,
  unitYearIssues,
} from './schemas';
import { metaJson, summariesJson, yearRows } from '../../../tests/unit/fixture-data';
import { urbanRow, xaRow } from '../../../tests/unit/factories';

describe('schemas accept every well-formed row of the fixture dataset unchanged', () => {
  const meta = metaJson();
  const sums = summariesJson();
  const cases = [
    ['framework', FrameworkSchema, meta.frameworks],
    ['criterion', CriterionSchema, meta.criteria],
    ['unit', UnitSchema, meta.units],
    ['crosswalk', CrosswalkRowSchema, meta.crosswalk],
    ['target', TargetSchema, meta.targets],
    ['unit_year', UnitYearSchema, [...yearRows(2019), ...yearRows(2022), ...yearRows(2026)]],
    ['area_summary', AreaSummarySchema, [...sums.province, ...sums.district]],
    ['district_year', DistrictYearSchema, sums.districts],
    ['indicator_value', IndicatorValueSchema, sums.indicators],
    ['statistic_value', StatisticValueSchema, sums.statistics],
  ] as const;
  for (const [name, schema, rows] of cases) {
    it(name, () => {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const r = (schema as typeof UnitSchema).safeParse(row);
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
        expect(r.data).toEqual(row);
      }
    });
  }
  it('has 108 + 106 + 38 units', () => {
    expect(meta.units).toHaveLength(252);
  });
});

describe('UnitYearSchema', () => {
  it('NFC-normalises and trims text', () => {
    const nfd = 'Xã Mường Tè'.normalize('NFD');
    const r = UnitYearSchema.parse({
      ...xaRow(3),
      name: `  ${nfd} `,
      district_name: 'Huyện Mường Tè'.normalize('NFD'),
    });
    expect(r.name).toBe('Xã Mường Tè');
    expect(r.name).toBe(r.name.normalize('NFC'));
    expect(r.district_name).toBe('Huyện Mường Tè');
  });

  it('strips unknown fields', () => {
    const r = UnitYearSchema.parse({ ...xaRow(3), published: false, extra: { nested: 1 } });
    expect(r).not.toHaveProperty('published');
    expect(r).not.toHaveProperty('extra');
  });

  it.each([
    ['a 4-digit code', { code: '3424' }],
    ['a code with letters', { code: '0342a' }],
    ['a 2-digit district', { district_code: '10' }],
    ['a year before 2016', { year: 2015 }],
    ['a year after 2030', { year: 2031 }],
    ['a fractional year', { year: 2022.5 }],
    ['a year as text', { year: '2022' }],
    ['NaN criteria', { criteria_count: Number.NaN }],
    ['criterion 0', { criteria_met: [0] }],
    ['a criterion as text', { criteria_met: ['1'] }],
    ['an unknown tier', { tier: 'xuat_sac' }],
    ['an unknown kind', { kind: 'huyen' }],
    ['a bad date', { decision_date: '2022-02-30' }],
    ['a javascript: link', { source_url: 'javascript:alert(1)' }],
    ['a data: link', { source_url: 'data:text/html,<script>alert(1)</script>' }],
    ['an empty name', { name: '   ' }],
    ['a 10 000-character name', { name: 'x'.repeat(10_000) }],
    ['a name with a bidi override', { name: 'Xã \u202Eabc' }],
    ['a name with a NUL', { name: 'Xã\u0000Bo' }],
    ['illustrative as text', { illustrative: 'true' }],
    ['a nested object', { name: { toString: 'Xã' } }],
    ['null criteria list', { criteria_met: null }],
  ])('rejects %s', (_label, patch) => {
    expect(UnitYearSchema.safeParse({ ...xaRow(3), ...patch }).success).toBe(false);
  });

  it('keeps hostile but printable text as text', () => {
    const r = UnitYearSchema.parse({
      ...xaRow(3),
      source: '<img src=x onerror=alert(1)>',
      decision_no: '=HYPERLINK("x")',
    });
    expect(r.source).toBe('<img src=x onerror=alert(1)>');
    expect(r.decision_no).toBe('=HYPERLINK("x")');
  });

  it('accepts an https source link', () => {
    expect(UnitYearSchema.safeParse({ ...xaRow(3), source_url: 'https://vov.vn/x?y=1' }).success).toBe(true);
  });
});

describe('unitYearIssues', () => {
  it('passes a consistent row', () => {
    expect(unitYearIssues(xaRow(12))).toEqual([]);
    expect(unitYearIssues(urbanRow('dat_chuan'))).toEqual([]);
  });

  it('reports wrong vintage and framework for the year', () => {
    const issues = unitYearIssues(xaRow(12, { year: 2026 }));
    expect(issues.map((i) => i.field)).toEqual(['vintage', 'framework']);
    expect(issues[0]!.message_vi).toContain('năm 2026');
  });

  it('reports criteria out of the set, listed twice, or both met and missing', () => {
    expect(unitYearIssues(xaRow(3, { criteria_met: [1, 2, 25] })).map((i) => i.field)).toContain(
      'criteria_met',
    );
    expect(unitYearIssues(xaRow(3, { criteria_met: [1, 1, 2] }))[0]?.message_vi).toBe(
      'danh sách tiêu chí bị lặp',
    );
    expect(unitYearIssues(xaRow(3, { criteria_missing: [3, 4] })).map((i) => i.message_en)).toContain(
      'criterion 3 is both met and not met',
    );
    expect(unitYearIssues(xaRow(3, { criteria_count: 20 })).map((i) => i.field)).toContain('criteria_count');
  });

  it('reports an NTM tier on a ward and an urban status on a xã', () => {
    expect(unitYearIssues(urbanRow(null, { tier: 'dat_chuan' }))[0]?.field).toBe('tier');
    expect(unitYearIssues(xaRow(3, { urban_status: 'dat_chuan' }))[0]?.field).toBe('urban_status');
  });
});
