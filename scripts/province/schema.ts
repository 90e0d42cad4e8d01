import { z } from 'zod';
import { MEASURES } from '../../src/lib/domain/measures.ts';

/**
 * The files of a province folder (provinces/<slug>/): province.json and, when the province has one, its
 * targets document. Checked here field by field; the loader (load.ts) adds the checks that need several
 * files (unit lists against boundaries, crosswalks, contiguous years). File paths inside these files are
 * relative to the province folder.
 */

const text = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize('NFC'), { message: 'must be Unicode NFC' })
  .refine((s) => s === s.trim(), { message: 'must not have leading or trailing spaces' });

/** The same text in Vietnamese and English. */
const localized = z.strictObject({ vi: text, en: text });

const year = z.int().min(2000).max(2100);
const file = z.string().min(1);

/** A boundary period is named by the year its boundaries took effect ("2016", "2020", "2025"). */
export const periodId = z.string().regex(/^\d{4}$/, { message: 'must be a 4-digit year, e.g. "2025"' });

const boundaryFile = z.strictObject({
  file,
  /** Property holding the GSO code (5 digits for units, 3 for districts); numbers are zero-padded. */
  code_property: z.string().min(1).default('code'),
});
const dissolved = z.strictObject({ dissolve: z.literal(true) });

const period = z.strictObject({
  id: periodId,
  label: localized,
  /** The assessment years drawn on these boundaries; `to: null` while they are in force. */
  years: z.strictObject({ from: year, to: year.nullable() }),
  /** The unit list (CSV: code, name = full name with its prefix, kind; district_code, district_name). */
  units: file,
  boundaries: z.strictObject({
    communes: boundaryFile,
    /** null: the period has no districts (from 1 July 2025). */
    districts: z.union([boundaryFile, dissolved]).nullable(),
    province: z.union([z.strictObject({ file }), dissolved]),
  }),
  /** Keys of `attributions`: who drew these boundaries and under which licence. */
  attribution: z.array(z.string().min(1)).min(1),
  /** Provenance and licence documents of the boundary and unit files (SOURCES.md, LICENCES.md). */
  sources: z.array(file).min(1),
});

const crosswalk = z.strictObject({
  from: periodId,
  to: periodId,
  /** CSV, one row per unit of the `from` period. */
  file,
  from_column: z.string().min(1),
  to_column: z.string().min(1),
});

const attribution = z.strictObject({
  /** A few words for the map's attribution control (phones have little room). */
  short: z.string().min(1),
  /** The same in English, where `short` is Vietnamese only. */
  short_en: z.string().min(1).optional(),
  vi: z.string().min(1),
  en: z.string().min(1),
  url: z.string(),
  licence: z.string(),
  /** True when the licence forbids redistribution without permission (GADM): the app must warn deployers. */
  restricted: z.boolean(),
});

const firstViewTexts = z.strictObject({
  /** The page's <title>. */
  title: text,
  /** The page's meta description. */
  description: text,
  /** The province as the header names it ("Tỉnh Điện Biên"). */
  province: text,
  /** The map's accessible name. */
  map_label: text,
});

export const provinceSchema = z.strictObject({
  $comment: z.string().optional(),
  /** GSO province code, 2 digits (the code of 1 July 2025). */
  code: z.string().regex(/^\d{2}$/, { message: 'must be the 2-digit GSO code, e.g. "11"' }),
  /** The folder's name and the province's address: lower-case ASCII words joined by hyphens. */
  slug: z.string().regex(/^[a-z]+(-[a-z]+)*$/, { message: 'must be lower-case ASCII words joined by "-"' }),
  /** Short name ("Điện Biên"), in each language. */
  name: localized,
  /** Name with its kind ("Tỉnh Điện Biên", "Điện Biên province"). */
  full_name: localized,
  /** The year the app opens on when the data does not say otherwise. */
  default_year: year,
  periods: z.array(period).min(1).max(3),
  crosswalks: z.array(crosswalk),
  attributions: z.record(z.string(), attribution),
  tiles: z.strictObject({
    /** Where `npm run tiles` writes this province's files, relative to the repository root. */
    out_dir: z.string().min(1),
    /** File-name prefix of the archives, indexes and static maps (`<prefix>-<period>.pmtiles`). */
    prefix: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** Name of the attribution file written beside them. */
    attribution_file: z.string().regex(/^[a-z0-9.-]+\.json$/),
    /** Outlines drawn around the province (neighbours, countries); null: none. */
    context: z.strictObject({ file, attribution: z.array(z.string().min(1)).min(1) }).nullable(),
  }),
  /** The province's targets document (targets.ts), or null: the province's figures are shown, not judged. */
  targets: file.nullable(),
  first_view: z.strictObject({ vi: firstViewTexts, en: firstViewTexts }),
});

export type ProvinceConfig = z.infer<typeof provinceSchema>;
export type PeriodConfig = ProvinceConfig['periods'][number];
export type CrosswalkConfig = ProvinceConfig['crosswalks'][number];
export type AttributionConfig = ProvinceConfig['attributions'][string];

const target = z.strictObject({
  /** Stable id, used by the stored indicator rows and the screens ("T1b"). */
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** Group (numbered item of the document). */
  group: z.int().min(1),
  name: localized,
  /** Unit of the figure as the document writes it ("%", "tiêu chí/xã"). */
  unit: z.string().min(1),
  measure: z.enum(MEASURES),
  /** Level the figure is measured at. */
  level: z.enum(['commune', 'district', 'province']),
  /** The figure to reach, the direction that is better, and whether "trên 60%" excludes 60 itself. */
  value: z.number(),
  direction: z.enum(['higher', 'lower', 'target']),
  strict: z.boolean(),
  /** communes_below_threshold: the criteria count under which a xã is counted ("dưới 15 tiêu chí"). */
  threshold: z.int().min(1).optional(),
  /** Defaults to the document's. */
  baseline_year: year.optional(),
  period: z.strictObject({ from: year, to: year }).optional(),
  source: z.string().min(1).optional(),
});

export const targetsSchema = z.strictObject({
  $comment: z.string().optional(),
  document: z.strictObject({
    /** The document's number, e.g. "45-KL/TU". */
    number: z.string().min(1),
    date: z.iso.date(),
    title: localized,
    /** Where its text and the transcription of the targets are kept (relative to the province folder). */
    transcription: file,
  }),
  /** The year the straight path to each target starts from. */
  baseline_year: year,
  /** The years the targets judge. */
  period: z.strictObject({ from: year, to: year }),
  /** Citation of the document, shown with every judged figure. */
  source: z.string().min(1),
  targets: z.array(target).min(1),
});

export type TargetsDocument = z.infer<typeof targetsSchema>;
export type TargetConfig = TargetsDocument['targets'][number];
