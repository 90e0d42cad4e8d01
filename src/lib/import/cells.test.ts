import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  criterionCell,
  dateCell,
  looksLikeFormula,
  readCell,
  readDate,
  screenCell,
  tierCell,
  yearCell,
} from './cells';
import { foldCell } from './vocab';

describe('criterion cells', () => {
  it.each([
    ['Đạt', true],
    [' đạt ', true],
    ['ĐẠT', true],
    ['Không đạt', false],
    ['KHÔNG   ĐẠT', false],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
    [null, null],
  ] as const)('reads %j as %j', (input, expected) => {
    expect(readCell(criterionCell, input)).toEqual({ ok: true, value: expected });
  });

  it.each(['dat', 'khong dat', 'x', 'có', 'yes', '1.0', '2', 'đạt chuẩn'])(
    'refuses %j with the allowed values',
    (v) => {
      const r = readCell(criterionCell, v);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issue.problem).toBe('criterion_value');
        expect(r.issue.message_vi).toContain('"Đạt", "Không đạt", 1, 0 hoặc để trống');
      }
    },
  );

  it('refuses numbers other than 0 and 1, and booleans', () => {
    for (const v of [2, -1, 0.5, true, false]) expect(readCell(criterionCell, v).ok).toBe(false);
  });

  it('accepts exactly the allowed words, whatever the case, spacing or normalisation (property)', () => {
    const allowed = new Set(['đạt', 'không đạt', '1', '0']);
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = readCell(criterionCell, s);
        expect(r.ok).toBe(allowed.has(foldCell(s)));
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('Đạt', 'Không đạt'),
        fc.boolean(),
        fc.nat(3),
        fc.nat(3),
        (word, upper, lead, trail) => {
          let s = upper ? word.toUpperCase() : word;
          s = ' '.repeat(lead) + s.normalize('NFD') + ' '.repeat(trail);
          expect(readCell(criterionCell, s)).toEqual({ ok: true, value: word === 'Đạt' });
        },
      ),
    );
  });
});

describe('tier cells', () => {
  it('reads the four tiers, long forms and codes', () => {
    expect(readCell(tierCell, 'Chưa đạt')).toEqual({ ok: true, value: 'chua_dat' });
    expect(readCell(tierCell, 'đạt chuẩn NTM')).toEqual({ ok: true, value: 'dat_chuan' });
    expect(readCell(tierCell, 'Đạt chuẩn văn minh đô thị')).toEqual({ ok: true, value: 'dat_chuan' });
    expect(readCell(tierCell, 'NTM nâng cao')).toEqual({ ok: true, value: 'nang_cao' });
    expect(readCell(tierCell, 'kieu_mau')).toEqual({ ok: true, value: 'kieu_mau' });
  });
  it('refuses anything else', () => {
    const r = readCell(tierCell, 'xuất sắc');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.message_vi).toMatch(/^Mức "xuất sắc" không hợp lệ/);
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, ISO and date cells', () => {
    expect(readDate('25/12/2024')).toBe('2024-12-25');
    expect(readDate('5/3/2024')).toBe('2024-03-05');
    expect(readDate('05-03-2024')).toBe('2024-03-05');
    expect(readDate('05.03.2024')).toBe('2024-03-05');
    expect(readDate('2024-03-05')).toBe('2024-03-05');
    expect(readDate(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
  });
  it.each(['31/02/2024', '29/02/2023', '2024-13-01', '12/2024', 'hôm qua', '00/01/2024', '1/1/24', '45321'])(
    'refuses %j',
    (v) => {
      const r = readCell(dateCell, v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issue.problem).toBe('date_invalid');
    },
  );
  it('refuses a bare number (a serial date without date format is ambiguous)', () => {
    expect(readCell(dateCell, 45321).ok).toBe(false);
  });
  it('agrees with the calendar for every day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const real = new Date(Date.UTC(y, m - 1, d));
          const exists = real.getUTCMonth() === m - 1;
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(readDate(`${d}/${m}/${y}`)).toBe(exists ? iso : undefined);
          if (exists) expect(readDate(real)).toBe(iso);
        },
      ),
    );
  });
});

describe('year cells', () => {
  it('reads numbers and 4-digit text, refuses the rest', () => {
    expect(readCell(yearCell, 2024)).toEqual({ ok: true, value: 2024 });
    expect(readCell(yearCell, '2024')).toEqual({ ok: true, value: 2024 });
    expect(readCell(yearCell, '24').ok).toBe(false);
    expect(readCell(yearCell, 2024.5).ok).toBe(false);
  });
});

describe('screening', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    '+1',
    '@SUM(A1)',
    '-2+3',
    '=1',
    ' =1',
    // Issue 20: other widths, other leading whitespace, the DDE pipe, and text the database refuses
    // as a decision number although a spreadsheet would read it as a number.
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '\u00a0=1',
    '\u3000=1',
    '|cmd',
    "'=1",
    '-5',
    '-',
  ])('flags formula-like text %j', (s) => {
    expect(looksLikeFormula(s)).toBe(true);
    const r = screenCell({ value: s });
    expect(r.refused).toBe(true);
    expect(r.findings[0]?.code).toBe('formula_text');
  });
  it.each(['Xã Bản Bo', '123/QĐ-UBND', 'a=b', "'tên", 'QĐ 12 = 3-4 @tỉnh | ＝'])('lets %j through', (s) => {
    expect(looksLikeFormula(s)).toBe(false);
  });
  it('refuses formula cells and error cells, whatever the cached result', () => {
    expect(screenCell({ value: 'Đạt', formula: 'IF(A1>0,"Đạt","Không đạt")' }).findings[0]?.code).toBe(
      'formula',
    );
    expect(screenCell({ value: null, error: '#N/A' }).findings[0]?.code).toBe('cell_error');
  });
  it('normalises decomposed text to NFC with a note', () => {
    const nfd = 'Xã Bản Bo'.normalize('NFD');
    const r = screenCell({ value: nfd });
    expect(r.value).toBe('Xã Bản Bo'.normalize('NFC'));
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'note', code: 'not_nfc' })]);
  });
  it.each([
    '123/QĐ\u0000',
    '\u0000',
    'Xã\u0007Bản Bo',
    'a\u001bb',
    'a\u007f',
    // Issue 20: tab, line breaks, format characters.
    '\tX',
    'a\nb',
    '\n=1',
    '\u200b=1',
    '\ufeff=1',
    '\u2028=1',
    'Số \u202eFDP.exe',
    'QĐ\u00ad12',
  ])('refuses control characters such as NUL in %j', (s) => {
    const r = screenCell({ value: s });
    expect(r.refused).toBe(true);
    expect(r.findings[0]?.code).toBe('control_char');
  });
  it('refuses tabs and line breaks inside text too: no imported cell is a note (issue 20)', () => {
    expect(screenCell({ value: 'Xã\tBản\r\nBo' }).refused).toBe(true);
  });
  it('takes off the apostrophe the CSV writer puts before formula-like text, then judges the text', () => {
    expect(screenCell({ value: "'=1+1" }).findings[0]?.code).toBe('formula_text');
    expect(screenCell({ value: "'-5" })).toMatchObject({ value: null, refused: true });
    expect(screenCell({ value: "'Bản" })).toMatchObject({ value: "'Bản", refused: false });
  });
  it('refuses text longer than the limit instead of cutting it', () => {
    const r = screenCell({ value: 'a'.repeat(10_000) });
    expect(r.refused).toBe(true);
    expect(r.findings[0]?.code).toBe('cell_too_long');
  });
  it('never throws on any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), (s) => {
        const r = screenCell({ value: s });
        expect(typeof r.refused).toBe('boolean');
      }),
    );
  });
});
