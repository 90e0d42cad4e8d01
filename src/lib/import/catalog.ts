import type { Criterion, Framework, FrameworkId, Unit, VintageId } from '../domain/types';
import { FRAMEWORK_YEARS, frameworkForYear, isSupportedYear, vintageForYear } from '../domain/periods';
import type { Lang } from '../i18n/define';
import { ti } from '../i18n/import';

/**
 * What the import checks a file against: the frameworks with their criteria, and the units of every
 * boundary vintage. The app takes it from its data source (snapshot meta.json or Supabase views
 * `framework`, `criterion`, `unit`); the CLI from the database or the committed snapshot.
 */
export interface ImportCatalog {
  frameworks: readonly Framework[];
  criteria: readonly Criterion[];
  units: readonly Unit[];
}

/** Everything about one year that the template and the validator need. */
export interface YearContext {
  year: number;
  vintage: VintageId;
  framework: Framework;
  /** The framework's criteria, by number. */
  criteria: Criterion[];
  /** Units of the year's vintage, by code. */
  units: Unit[];
  unitByCode: ReadonlyMap<string, Unit>;
  /** Units of the other vintages, by code (a code can name different units in different vintages). */
  otherVintages: ReadonlyMap<string, Unit[]>;
}

export class CatalogError extends Error {
  constructor(
    readonly message_vi: string,
    message_en: string,
  ) {
    super(message_en);
    this.name = 'CatalogError';
  }
}

export function yearContext(catalog: ImportCatalog, year: number): YearContext {
  if (!isSupportedYear(year)) {
    const last = FRAMEWORK_YEARS[FRAMEWORK_YEARS.length - 1]?.last_year ?? 2030;
    throw new CatalogError(
      `Năm ${year} không được hỗ trợ (chỉ từ 2016 đến ${last}).`,
      `Year ${year} is not supported (2016–${last} only).`,
    );
  }
  const vintage = vintageForYear(year);
  const frameworkId: FrameworkId = frameworkForYear(year);
  const framework = catalog.frameworks.find((f) => f.id === frameworkId);
  if (!framework) {
    throw new CatalogError(
      `Danh mục không có bộ tiêu chí ${frameworkId}.`,
      `The catalogue has no framework ${frameworkId}.`,
    );
  }
  const criteria = catalog.criteria
    .filter((c) => c.framework === frameworkId)
    .sort((a, b) => a.number - b.number);
  if (criteria.length === 0) {
    throw new CatalogError(
      `Danh mục không có tiêu chí nào của bộ ${frameworkId}.`,
      `The catalogue has no criteria for framework ${frameworkId}.`,
    );
  }
  const units = catalog.units
    .filter((u) => u.vintage === vintage)
    .sort((a, b) => a.code.localeCompare(b.code));
  if (units.length === 0) {
    throw new CatalogError(
      `Danh mục không có đơn vị hành chính nào của địa giới ${vintage}.`,
      `The catalogue has no units for boundary vintage ${vintage}.`,
    );
  }
  const otherVintages = new Map<string, Unit[]>();
  for (const u of catalog.units) {
    if (u.vintage === vintage) continue;
    const list = otherVintages.get(u.code) ?? [];
    list.push(u);
    otherVintages.set(u.code, list);
  }
  return {
    year,
    vintage,
    framework,
    criteria,
    units,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    otherVintages,
  };
}

/** "2016–2019", "2020–2025", "từ 2026": the years a vintage is used, for messages. */
export function vintageYearsLabel(vintage: VintageId, lang: Lang): string {
  if (vintage === '2016') return '2016–2019';
  if (vintage === '2020') return '2020–2025';
  return ti(lang, 'vintage.from2026');
}
