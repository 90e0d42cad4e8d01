import type { FrameworkId, NtmTier, Unit, VintageId } from '../domain/types';
import { frameworkForYear, isSupportedYear } from '../domain/periods';
import { vietnamToday } from '../domain/vietnam-date';
import {
  CatalogError,
  vintageYearsLabel,
  yearContext,
  type ImportCatalog,
  type YearContext,
} from './catalog';
import {
  codeCell,
  criterionCell,
  dateCell,
  decisionNoCell,
  nameCell,
  readCell,
  screenCell,
  tierCell,
  yearCell,
} from './cells';
import { findFixedColumn, readHeader, type FixedKey, type HeaderMap } from './columns';
import type { CellValue, Grid, GridCell } from './grid';
import { isBlankCell, isBlankRow } from './grid';
import { MAX_DATA_ROWS } from './limits';
import {
  columnLetter,
  countBySeverity,
  fileProblem,
  showValue,
  sortProblems,
  tooManyRows,
  type ImportProblem,
  type Severity,
} from './problems';
import { headerWidth, rowShapeProblem } from './row-shape';
import { importRowSchema, type ImportRow } from './rows';
import { vnDate } from './template';
import { foldCell, isUrban, KIND_LABELS, TIER_LABELS } from './vocab';

export interface ImportReport {
  /** True when there is no error and at least one row to write. Only then may rows be written. */
  ok: boolean;
  format: 'csv' | 'xlsx' | null;
  sheet: string | null;
  year: number | null;
  vintage: VintageId | null;
  framework: FrameworkId | null;
  /** Rows with data, validated (complete only when ok). */
  rows: ImportRow[];
  /** Unit rows present but left entirely blank: not written, existing data kept. */
  blank_rows: number;
  problems: ImportProblem[];
  counts: Record<Severity, number>;
}

export interface ValidateOptions {
  /** The year to import (CLI --year, or the year chosen in the dialog). Otherwise read from column "Năm". */
  year?: number;
  /** Today as yyyy-mm-dd, the latest decision date accepted; defaults to the date in Viet Nam at `now`. */
  today?: string;
  /** The moment of the check (default: the clock); "today" is its date in Viet Nam, as in the database. */
  now?: Date;
}

/** The first decision date accepted, the same bound as the database's. */
const FIRST_DECISION_DATE = '2000-01-01';

export function fileReport(
  problems: ImportProblem[],
  extra: Partial<Pick<ImportReport, 'format' | 'sheet'>> = {},
): ImportReport {
  return finish({
    ok: false,
    format: extra.format ?? null,
    sheet: extra.sheet ?? null,
    year: null,
    vintage: null,
    framework: null,
    rows: [],
    blank_rows: 0,
    problems,
  });
}

function finish(r: Omit<ImportReport, 'counts'>): ImportReport {
  const problems = sortProblems(r.problems);
  const counts = countBySeverity(problems);
  return { ...r, problems, counts, ok: r.ok && counts.error === 0 && r.rows.length > 0 };
}

/**
 * A file saved in decomposed Unicode has hundreds of such cells: one note per column is enough to tell
 * what happened, with the count and the row range.
 */
function collapseNfcNotes(problems: ImportProblem[]): ImportProblem[] {
  const byColumn = new Map<string, ImportProblem[]>();
  for (const p of problems) {
    if (p.code !== 'not_nfc' || p.column === null) continue;
    const list = byColumn.get(p.column) ?? [];
    list.push(p);
    byColumn.set(p.column, list);
  }
  const out = problems.filter(
    (p) => p.code !== 'not_nfc' || p.column === null || byColumn.get(p.column)!.length === 1,
  );
  for (const list of byColumn.values()) {
    if (list.length === 1) continue;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    out.push({
      ...first,
      message_vi: `${list.length} ô của cột này (dòng ${first.row}–${last.row}) chưa ở dạng Unicode dựng sẵn (NFC); đã tự chuẩn hóa.`,
      message_en: `${list.length} cells of this column (rows ${first.row}–${last.row}) were not in Unicode NFC; they were normalised.`,
    });
  }
  return out;
}

/** Decides the import year: the option wins; otherwise the first readable value of column "Năm". */
function decideYear(grid: Grid, opts: ValidateOptions): number | ImportProblem {
  if (opts.year !== undefined) return opts.year;
  const header = grid.rows[0] ?? [];
  const col = findFixedColumn(header, 'year');
  if (col < 0) {
    return fileProblem(
      'year_missing',
      'Không xác định được năm: tệp không có cột "Năm" và chưa chọn năm khi nhập (--year).',
      'The year is unknown: the file has no "Năm" column and no year was given (--year).',
    );
  }
  for (let i = 1; i < grid.rows.length; i++) {
    const cell = grid.rows[i]?.[col];
    if (!cell || isBlankCell(cell)) continue;
    const r = readCell(yearCell, screenCell(cell).value);
    if (r.ok && r.value !== null) return r.value;
  }
  return fileProblem(
    'year_missing',
    'Không xác định được năm: cột "Năm" không có giá trị hợp lệ nào.',
    'The year is unknown: column "Năm" holds no valid year.',
  );
}

function stripKind(name: string): string {
  return name.replace(/^(xã|phường|thị trấn)\s+/, '');
}

/** The name matches when equal after folding, with or without the "Xã / Phường / Thị trấn" prefix. */
function nameMatches(given: string, unit: Unit): boolean {
  const g = foldCell(given);
  const u = foldCell(unit.name);
  return g === u || stripKind(g) === stripKind(u);
}

/**
 * Validates a grid read from a filled template against the catalogue. Never throws and never stops at
 * the first problem: the report lists them all. Nothing here writes anything.
 */
export function validateGrid(grid: Grid, catalog: ImportCatalog, opts: ValidateOptions = {}): ImportReport {
  const base = { format: grid.format, sheet: grid.sheet };
  const header = grid.rows[0];
  if (!header || isBlankRow(header)) {
    return fileReport(
      [
        fileProblem(
          'no_rows',
          'Tệp không có dòng tiêu đề và dữ liệu.',
          'The file has no header and no data.',
        ),
      ],
      base,
    );
  }
  if (grid.rows.length - 1 > MAX_DATA_ROWS) {
    return fileReport([tooManyRows(grid.rows.length - 1)], base);
  }
  const year = decideYear(grid, opts);
  if (typeof year !== 'number') return fileReport([year], base);

  let ctx: YearContext;
  try {
    ctx = yearContext(catalog, year);
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    return fileReport([fileProblem('year_invalid', e.message_vi, e.message)], base);
  }

  const { map, problems } = readHeader(header, ctx, { yearGiven: opts.year !== undefined });
  const headerBroken = problems.some((p) => p.severity === 'error');
  const rows: ImportRow[] = [];
  let blankRows = 0;
  if (!headerBroken) {
    const seen = new Map<string, number>();
    const width = headerWidth(header);
    const today = opts.today ?? vietnamToday(opts.now ?? new Date());
    for (let i = 1; i < grid.rows.length; i++) {
      const cells = grid.rows[i] ?? [];
      const shape = rowShapeProblem(cells, i + 1, width, grid.format);
      if (shape) problems.push(shape);
      if (shape?.severity === 'error') continue;
      const out = validateRow(cells, i + 1, ctx, map, seen, problems, today);
      if (out === 'blank') blankRows += 1;
      else if (out) rows.push(out);
    }
    const dataRows = rows.length;
    const errorsInRows = problems.some((p) => p.severity === 'error' && p.row !== null && p.row > 1);
    if (dataRows === 0 && !errorsInRows) {
      problems.push(
        fileProblem(
          'no_rows',
          'Tệp không có dòng nào có số liệu để nhập (mọi dòng đều để trống).',
          'The file has no row with data to import (every row is blank).',
        ),
      );
    }
    const untouched = ctx.units.length - dataRows;
    if (untouched > 0 && dataRows > 0 && !problems.some((p) => p.severity === 'error')) {
      problems.push(
        fileProblem(
          'units_not_in_file',
          `${untouched}/${ctx.units.length} đơn vị không có số liệu trong tệp (dòng để trống hoặc không có dòng); số liệu hiện có của các đơn vị này được giữ nguyên.`,
          `${untouched} of ${ctx.units.length} units have no data in the file (blank or absent rows); their existing data is kept.`,
          'note',
        ),
      );
    }
  }
  return finish({
    ok: true,
    ...base,
    problems: collapseNfcNotes(problems),
    year,
    vintage: ctx.vintage,
    framework: ctx.framework.id,
    rows,
    blank_rows: blankRows,
  });
}

/**
 * Checks one data row. Returns the row to write, 'blank' for a unit row with no data at all, or null
 * when the row has errors (already added to `problems`) or is empty.
 */
function validateRow(
  cells: readonly GridCell[],
  rowNo: number,
  ctx: YearContext,
  map: HeaderMap,
  seen: Map<string, number>,
  problems: ImportProblem[],
  today: string,
): ImportRow | 'blank' | null {
  const columns: { key: FixedKey | number; index: number }[] = [
    ...(Object.entries(map.fixed) as [FixedKey, number][]).map(([key, index]) => ({ key, index })),
    ...[...map.criteria].map(([n, index]) => ({ key: n, index })),
  ];
  if (columns.every((c) => isBlankCell(cells[c.index]))) return null;

  let failed = false;
  const at = (index: number) => ({
    row: rowNo,
    column: columnLetter(index),
    header: map.headerText.get(index) ?? null,
  });
  const add = (
    index: number,
    severity: Severity,
    code: ImportProblem['code'],
    raw: unknown,
    vi: string,
    en: string,
  ) => {
    if (severity === 'error') failed = true;
    problems.push({ severity, code, ...at(index), value: showValue(raw), message_vi: vi, message_en: en });
  };

  // Step 1: screen every mapped cell (formulas, injection, NFC, length).
  const values = new Map<FixedKey | number, CellValue>();
  const refused = new Set<FixedKey | number>();
  for (const { key, index } of columns) {
    const cell = cells[index] ?? { value: null };
    const s = screenCell(cell);
    for (const f of s.findings) {
      add(
        index,
        f.severity,
        f.code,
        cell.formula !== undefined ? `=${cell.formula}` : cell.value,
        f.message_vi,
        f.message_en,
      );
    }
    if (s.refused) refused.add(key);
    values.set(key, s.value);
  }

  // Step 2: typed values, one zod schema per column.
  function read<T>(key: FixedKey | number, schema: Parameters<typeof readCell<T>>[0]): T | null {
    if (refused.has(key)) return null;
    const index = typeof key === 'number' ? map.criteria.get(key) : map.fixed[key];
    if (index === undefined || index < 0) return null;
    const raw = values.get(key) ?? null;
    const r = readCell(schema, raw);
    if (r.ok) return r.value;
    add(index, 'error', r.issue.problem, raw, r.issue.message_vi, r.issue.message_en);
    return null;
  }

  // Year.
  const yearIdx = map.fixed.year;
  const year = read<number | null>('year', yearCell);
  if (year !== null && yearIdx !== undefined && year !== ctx.year) {
    const inFramework = isSupportedYear(year) && frameworkForYear(year) === ctx.framework.id;
    if (inFramework) {
      add(
        yearIdx,
        'error',
        'year_mismatch',
        year,
        `Năm ${year} khác năm đang nhập (${ctx.year}). Mỗi tệp chỉ nhập một năm.`,
        `Year ${year} differs from the year being imported (${ctx.year}). One file holds one year.`,
      );
    } else {
      add(
        yearIdx,
        'error',
        'year_outside_framework',
        year,
        `Năm ${year} nằm ngoài giai đoạn ${ctx.framework.first_year}–${ctx.framework.last_year} của bộ tiêu chí ${ctx.framework.decision} dùng cho năm ${ctx.year}.`,
        `Year ${year} is outside ${ctx.framework.first_year}–${ctx.framework.last_year}, the period of framework ${ctx.framework.decision} used for ${ctx.year}.`,
      );
    }
  }

  // Unit code: Excel drops leading zeros of numbers, so 3386 is read as 03386 (with a note).
  const codeIdx = map.fixed.code!;
  let rawCode = values.get('code') ?? null;
  if (typeof rawCode === 'number' && Number.isInteger(rawCode) && rawCode > 0 && rawCode < 100000) {
    const padded = String(rawCode).padStart(5, '0');
    if (padded !== String(rawCode)) {
      add(
        codeIdx,
        'note',
        'code_padded',
        rawCode,
        `Mã ${rawCode} được hiểu là ${padded} (Excel đã bỏ số 0 ở đầu).`,
        `Code ${rawCode} was read as ${padded} (Excel dropped the leading zero).`,
      );
    }
    rawCode = padded;
    values.set('code', rawCode);
  }
  const code = read<string | null>('code', codeCell);
  let unit: Unit | undefined;
  if (code === null && !refused.has('code') && rawCode === null) {
    add(
      codeIdx,
      'error',
      'code_missing',
      null,
      'Thiếu mã ĐVHC: dòng có số liệu nhưng không có mã đơn vị.',
      'Missing unit code: the row has data but no unit code.',
    );
  } else if (code !== null) {
    unit = ctx.unitByCode.get(code);
    if (!unit) {
      const other = ctx.otherVintages.get(code);
      if (other && other.length > 0) {
        const where = other
          .map((u) => `${u.name} – địa giới ${vintageYearsLabel(u.vintage, 'vi')}`)
          .join('; ');
        const whereEn = other
          .map((u) => `${u.name}, boundaries ${vintageYearsLabel(u.vintage, 'en')}`)
          .join('; ');
        add(
          codeIdx,
          'error',
          'other_vintage_unit',
          code,
          `Mã ${code} là đơn vị của địa giới khác (${where}), không có trong ${ctx.units.length} đơn vị của năm ${ctx.year} (địa giới ${vintageYearsLabel(ctx.vintage, 'vi')}).`,
          `Code ${code} belongs to another boundary vintage (${whereEn}), not to the ${ctx.units.length} units of ${ctx.year}.`,
        );
      } else {
        add(
          codeIdx,
          'error',
          'unknown_unit',
          code,
          `Mã ${code} không phải đơn vị hành chính nào của tỉnh Lai Châu.`,
          `Code ${code} is not a unit of Lai Châu province.`,
        );
      }
    } else {
      const first = seen.get(code);
      if (first !== undefined) {
        add(
          codeIdx,
          'error',
          'duplicate_unit',
          code,
          `Mã ${code} (${unit.name}) bị lặp: đã có ở dòng ${first}.`,
          `Code ${code} (${unit.name}) appears twice: already on row ${first}.`,
        );
        unit = undefined;
      } else seen.set(code, rowNo);
    }
  }

  // Name: a mismatch is only a warning, because the code is what identifies the unit.
  const name = read<string | null>('name', nameCell);
  if (unit && name !== null && !nameMatches(name, unit) && map.fixed.name !== undefined) {
    add(
      map.fixed.name,
      'warning',
      'name_mismatch',
      name,
      `Tên "${showValue(name)}" không khớp mã ${unit.code}: mã này là ${unit.name}. Số liệu sẽ được ghi cho ${unit.name}.`,
      `Name "${showValue(name)}" does not match code ${unit.code}, which is ${unit.name}. Data will be written for ${unit.name}.`,
    );
  }

  // Criteria.
  const met: number[] = [];
  const missing: number[] = [];
  const given: number[] = [];
  for (const c of ctx.criteria) {
    const v = read<boolean | null>(c.number, criterionCell);
    if (v === null) continue;
    given.push(c.number);
    (v ? met : missing).push(c.number);
  }
  const tier = read<NtmTier | null>('tier', tierCell);
  const decisionNo = read<string | null>('decision_no', decisionNoCell);
  const decisionDate = read<string | null>('decision_date', dateCell);
  if (decisionDate !== null && (decisionDate > today || decisionDate < FIRST_DECISION_DATE)) {
    const future = decisionDate > today;
    add(
      map.fixed.decision_date!,
      'error',
      'date_out_of_range',
      values.get('decision_date') ?? null,
      future
        ? `Ngày quyết định ${vnDate(decisionDate)} ở tương lai (hôm nay là ${vnDate(today)}). Hãy ghi đúng ngày ký quyết định.`
        : `Ngày quyết định ${vnDate(decisionDate)} trước ${vnDate(FIRST_DECISION_DATE)}: hãy kiểm tra lại năm.`,
      future
        ? `Decision date ${decisionDate} is in the future (today is ${today}). Give the date the decision was signed.`
        : `Decision date ${decisionDate} is before ${FIRST_DECISION_DATE}: check the year.`,
    );
  }

  if (failed || !unit) return null;

  const hasData =
    given.length > 0 ||
    tier !== null ||
    decisionNo !== null ||
    decisionDate !== null ||
    [...refused].some(
      (k) => typeof k === 'number' || k === 'tier' || k === 'decision_no' || k === 'decision_date',
    );
  if (!hasData) return 'blank';

  const tierIdx = map.fixed.tier!;
  // The database requires a tier for an assessed xã and a status for an assessed ward or town. A blank
  // tier is read as "Chưa đạt" only when that cannot be wrong: criteria missing and no decision given.
  let tierOut = tier;
  if (tier === null) {
    const hasDecision = decisionNo !== null || decisionDate !== null;
    if (!isUrban(unit.kind) && !hasDecision && met.length < ctx.criteria.length) {
      tierOut = 'chua_dat';
      add(
        tierIdx,
        'note',
        'tier_inferred',
        null,
        `Mức để trống: ghi là "${TIER_LABELS.chua_dat}" vì mới đạt ${met.length}/${ctx.criteria.length} tiêu chí.`,
        `Blank tier recorded as "not yet": ${met.length} of ${ctx.criteria.length} criteria met.`,
      );
    } else {
      const allowed = isUrban(unit.kind)
        ? `"${TIER_LABELS.chua_dat}" hoặc "${TIER_LABELS.dat_chuan}" (văn minh đô thị)`
        : `"${TIER_LABELS.chua_dat}", "${TIER_LABELS.dat_chuan}", "${TIER_LABELS.nang_cao}" hoặc "${TIER_LABELS.kieu_mau}"`;
      add(
        tierIdx,
        'error',
        'tier_missing',
        null,
        `Thiếu "Mức đạt chuẩn" cho ${unit.name}: hãy ghi ${allowed}.`,
        `Missing tier for ${unit.name}.`,
      );
    }
  }
  if (isUrban(unit.kind)) {
    if (given.length > 0) {
      const first = map.criteria.get(given[0]!)!;
      add(
        first,
        'error',
        'urban_criteria',
        values.get(given[0]!) ?? null,
        `${unit.name} là ${KIND_LABELS[unit.kind].toLowerCase()}: không đánh giá theo tiêu chí xã nông thôn mới. Hãy để trống các cột tiêu chí; chỉ ghi "Mức đạt chuẩn" (văn minh đô thị).`,
        `${unit.name} is a ${unit.kind === 'phuong' ? 'ward' : 'town'}: it is not assessed on the NTM commune criteria. Leave the criteria blank; fill only the tier (civilised-urban status).`,
      );
    }
    if (tier === 'nang_cao' || tier === 'kieu_mau') {
      add(
        tierIdx,
        'error',
        'tier_kind',
        values.get('tier') ?? null,
        `${unit.name} là ${KIND_LABELS[unit.kind].toLowerCase()}: chỉ có mức "Chưa đạt" hoặc "Đạt chuẩn" (văn minh đô thị), không có mức "${TIER_LABELS[tier]}".`,
        `${unit.name} is a ward or town: only "Chưa đạt" or "Đạt chuẩn" (civilised urban) apply, not "${TIER_LABELS[tier]}".`,
      );
    }
  } else if (tier !== null && tier !== 'chua_dat' && met.length < ctx.criteria.length) {
    const lacking = ctx.criteria.filter((c) => !met.includes(c.number)).map((c) => `TC${c.number}`);
    add(
      tierIdx,
      'error',
      'tier_contradiction',
      values.get('tier') ?? null,
      `Mức "${TIER_LABELS[tier]}" cần đạt đủ ${ctx.criteria.length}/${ctx.criteria.length} tiêu chí, nhưng dòng này chỉ đạt ${met.length}/${ctx.criteria.length} (chưa đạt hoặc để trống: ${lacking.join(', ')}).`,
      `Tier "${TIER_LABELS[tier]}" needs all ${ctx.criteria.length} criteria met, but this row meets ${met.length} (not met or blank: ${lacking.join(', ')}).`,
    );
  }
  if (
    (decisionNo !== null || decisionDate !== null) &&
    tier === 'chua_dat' &&
    met.length >= ctx.criteria.length
  ) {
    // The database's rule too (private.check_tier_criteria): every criterion met and a recognition
    // decision means recognised; "Chưa đạt" with every criterion met is only "recognition pending".
    add(
      tierIdx,
      'error',
      'tier_contradiction',
      values.get('tier') ?? null,
      `Đạt đủ ${ctx.criteria.length}/${ctx.criteria.length} tiêu chí và có quyết định công nhận, nên "Mức đạt chuẩn" phải từ "${TIER_LABELS.dat_chuan}" trở lên. Nếu chưa có quyết định công nhận, hãy để trống số và ngày quyết định.`,
      `All ${ctx.criteria.length} criteria met and a recognition decision given, so the tier must be "${TIER_LABELS.dat_chuan}" or above. If recognition is still pending, leave the decision blank.`,
    );
  } else if ((decisionNo !== null || decisionDate !== null) && tier === 'chua_dat') {
    const idx = map.fixed[decisionNo !== null ? 'decision_no' : 'decision_date']!;
    add(
      idx,
      'warning',
      'decision_without_tier',
      decisionNo ?? decisionDate,
      'Có quyết định công nhận nhưng "Mức đạt chuẩn" là "Chưa đạt". Hãy kiểm tra lại.',
      'A recognition decision is given but the tier is "not yet". Please check.',
    );
  }
  if (failed) return null;

  const urban = isUrban(unit.kind);
  const row: ImportRow = {
    row: rowNo,
    code: unit.code,
    kind: unit.kind,
    criteria_met: met,
    criteria_missing: missing,
    tier: urban ? null : tierOut,
    urban_status: urban ? (tierOut === 'chua_dat' || tierOut === 'dat_chuan' ? tierOut : null) : null,
    decision_no: decisionNo,
    decision_date: decisionDate,
  };
  // Defence in depth: the typed row must satisfy the same schema the writer uses.
  const checked = importRowSchema.safeParse(row);
  if (!checked.success) {
    add(
      codeIdx,
      'error',
      'row_invalid',
      code,
      `Dòng ${rowNo} không hợp lệ: ${checked.error.issues[0]?.message ?? ''}`,
      `Row ${rowNo} is not valid: ${checked.error.issues[0]?.message ?? ''}`,
    );
    return null;
  }
  return row;
}
