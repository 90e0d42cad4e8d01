// The English report speaks English: the fixed note the database view gives computed figures
// (COMPUTED_SOURCE, kept as the data value) is translated for display, data sources are shown as stored.
import { describe, expect, it } from 'vitest';
import { groupTitle } from './groups';
import { COMPUTED_SOURCE } from './series';
import { buildTargetsReport } from './targets-report';
import { indicator, provinceRow, TARGETS } from './test-data';
import { resultText, sourceName, sourceText } from './text';
import { formatGap, formatValue } from './units';

// Official (non-illustrative) summaries: their computed figures carry COMPUTED_SOURCE.
const data = {
  province: [2020, 2021, 2022].map((y) => provinceRow(y, { illustrative: false })),
  district: [],
  indicators: [indicator('T2', 2021, 20, { illustrative: false, source: '[S46] Báo Dân sinh' })],
  districts: [],
};
const report = buildTargetsReport(TARGETS, data, { year: 2022 });
const computedLine = report.rows.find((r) => r.target.id === 'T1b')!.sources[0]!;

describe('source notes by language', () => {
  it('keeps the database’s words as the data value', () => {
    expect(computedLine.source).toBe(COMPUTED_SOURCE);
  });
  it('shows the computed-figure note in English in the English report', () => {
    const en = sourceText(computedLine, 'en');
    expect(en).toBe('2020–2022: Computed from the assessment of each unit (unit_year)');
    expect(en).not.toContain(COMPUTED_SOURCE);
  });
  it('shows it as the database writes it in the Vietnamese report', () => {
    expect(sourceText(computedLine, 'vi')).toBe(`2020–2022: ${COMPUTED_SOURCE}`);
  });
  it('leaves a data source as stored, and says in English that it is in Vietnamese (issue 19)', () => {
    expect(sourceName('[S46] Báo Dân sinh', 'en')).toBe('[S46] Báo Dân sinh (in Vietnamese)');
    expect(sourceName('[S46] Báo Dân sinh', 'vi')).toBe('[S46] Báo Dân sinh');
    const t2 = report.rows.find((r) => r.target.id === 'T2')!.sources[0]!;
    expect(sourceText(t2, 'en')).toBe('2021: [S46] Báo Dân sinh (in Vietnamese)');
    expect(sourceText(t2, 'vi')).toBe('2021: [S46] Báo Dân sinh');
  });
  it('has no Vietnamese fixed note in any English source line of the report', () => {
    const lines = report.rows.flatMap((r) => r.sources.map((l) => sourceText(l, 'en')));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/Tổng hợp|minh họa/);
  });
});

describe('the other fixed words of the report by language', () => {
  it('names groups, units and verdicts in the reader’s language', () => {
    expect(groupTitle(3, 'en')).toBe('Poverty reduction, income');
    expect(groupTitle(3, 'vi')).toBe('Giảm nghèo, thu nhập');
    expect(groupTitle(9, 'en')).toBe('Group 9');
    expect(formatValue(3, 'huyện', 'en')).toBe('3 districts');
    expect(formatValue(3, 'đơn vị lạ', 'en')).toBe('3 đơn vị lạ');
    expect(formatGap(1.5, '%', 'en')).toBe('1.5 pp');
    expect(formatGap(1.5, '%', 'vi')).toBe('1,5 điểm %');
    const t1b = report.rows.find((r) => r.target.id === 'T1b')!;
    expect(resultText(t1b.target, t1b.result, 'en')).toMatch(
      /^Not yet known \((on track|at risk)\): no 2025 figure yet \(2022: /,
    );
  });
});
