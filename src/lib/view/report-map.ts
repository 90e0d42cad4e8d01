/**
 * The printed report's own map: the report's area (the province, or one district) in the report's year,
 * coloured by status, with its legend. Not a picture of the live map, whose year, mode, filters and zoom
 * are the reader's and may be anything when "Print report" is pressed.
 *
 * Pure: the year's static map geometry (data/static-map.ts), units and rows in; SVG content and legend
 * rows out. The fills, the below-threshold and no-data hatching and the legend counts come from the
 * screen's own rules (unit-visuals.ts, legend-view.ts), so the paper and the screen cannot disagree.
 */
import type { StaticMapPaths } from '../data/static-map';
import { NO_DATA_COLOR } from '../domain/legend';
import type { Framework, UnitKind, UnitYear, VintageId } from '../domain/types';
import type { Lang } from '../i18n/define';
import { tt } from '../i18n/targets';
import { creditsView, type Attribution } from './credits';
import { legendView } from './legend-view';
import { pathBox, type Box } from './static-map-hit';
import { HATCH, unitVisuals, type UnitVisual } from './unit-visuals';

/** What the report's map is drawn from: loaded when the print is prepared (state/app-view.svelte.ts). */
export interface ReportMapData {
  /** The report's year (TargetsReport.asOfYear). */
  year: number;
  /** That year's boundary vintage, and its static map. */
  vintage: VintageId;
  map: StaticMapPaths;
  /** The units of that vintage. */
  units: readonly { code: string; kind: UnitKind; district_code: string | null }[];
  /** The rows of that year. */
  rows: readonly UnitYear[];
  framework: Pick<Framework, 'criteria_total' | 'below_threshold'>;
  /** The boundary credits (public/tiles/attribution.json). */
  attribution: Readonly<Record<string, Attribution>>;
}

export interface ReportMapInput extends ReportMapData {
  lang: Lang;
  /** The report's district (TargetsReport.district), or null for the whole province. */
  district: string | null;
  districtName: string | null;
}

export interface ReportMapPath {
  code: string;
  d: string;
  fill: string;
  /** Outside the report's area: drawn faint, for orientation only, and not counted. */
  context: boolean;
}

/** A hatch laid over a unit (SVG cannot layer a pattern over a fill on one path). */
export interface ReportMapMark {
  code: string;
  d: string;
  kind: 'below' | 'nodata';
  /** The pattern's id in `patterns`. */
  pattern: string;
  /** The red outline of a unit below the threshold (as on the screen's maps), else null. */
  outline: { colour: string; width: number } | null;
}

export interface ReportMapPattern {
  /** Id on the map, where the pattern is scaled with the drawing (`scale`). */
  id: string;
  /** Id of the same pattern, unscaled, for the legend's swatches. */
  swatchId: string;
  size: number;
  path: string;
  stroke: string;
  width: number;
}

export interface ReportLegendRow {
  id: string;
  /** Swatch: fill colour, the hatch drawn over it (a `swatchId` of `patterns`) and outline, as on the map. */
  colour: string;
  pattern: string | null;
  outline: string | null;
  label: string;
  /** Units of the area in this class. */
  count: number;
}

export interface ReportMap {
  /** The caption: what, where, when. */
  title: string;
  viewBox: string;
  /**
   * The drawing's size against the whole province's (1 for the province, < 1 for a district): outlines
   * and hatching are multiplied by it, so a district on paper reads like the province.
   */
  scale: number;
  /** Outline colour and width of the area's units and of the context units. */
  stroke: { colour: string; width: number; contextColour: string };
  patterns: ReportMapPattern[];
  /** Context units first, then the area's units, in the static map's order. */
  paths: ReportMapPath[];
  marks: ReportMapMark[];
  legend: { title: string; rows: ReportLegendRow[] };
  /** Units in the area (the legend's total, below-threshold row aside). */
  unitCount: number;
  /** A note under the legend when context units are drawn, else null. */
  contextNote: string | null;
  /** The credits of the boundaries drawn (the report year's vintage, not the live map's). */
  credits: string[];
}

/** Fill of the units outside a district's report: a faint grey, unlike every legend colour. */
export const CONTEXT_FILL = '#F7F7F7';
const STROKE = { colour: '#FFFFFF', width: 0.8, contextColour: '#9E9E9E' };
/** Room around a district, as a share of its larger side (and at least this many map units). */
const MARGIN_SHARE = 0.06;
const MIN_MARGIN = 4;

export const PATTERN_IDS = { below: 'print-hatch-below', nodata: 'print-hatch-nodata' } as const;
const SWATCH_IDS = { below: 'print-swatch-below', nodata: 'print-swatch-nodata' } as const;

function unionBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => ({
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }));
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The viewBox around a district's units, with a margin; null when none of them is on the map. */
export function districtViewBox(
  map: StaticMapPaths,
  codes: ReadonlySet<string>,
): { viewBox: string; scale: number } | null {
  const box = unionBox(map.units.filter((u) => codes.has(u.code)).map((u) => pathBox(u.d)));
  if (!box || !Number.isFinite(box.minX)) return null;
  const margin = Math.max(MIN_MARGIN, MARGIN_SHARE * Math.max(box.maxX - box.minX, box.maxY - box.minY));
  const x = round(box.minX - margin);
  const y = round(box.minY - margin);
  const w = round(box.maxX - box.minX + 2 * margin);
  const h = round(box.maxY - box.minY + 2 * margin);
  const scale = Math.min(1, Math.max(w / map.width, h / map.height));
  return { viewBox: `${x} ${y} ${w} ${h}`, scale };
}

function markOf(v: UnitVisual | undefined): 'below' | 'nodata' | null {
  if (!v || v.noData) return 'nodata';
  return v.below ? 'below' : null;
}

/**
 * What a status map of an area is drawn from: the report's input without what only the paper needs (its
 * credits, the district's name). The page's first view draws from it too.
 */
export type StatusDrawingInput = Omit<ReportMapInput, 'vintage' | 'attribution' | 'districtName'>;

export type StatusDrawing = Pick<
  ReportMap,
  'viewBox' | 'scale' | 'stroke' | 'patterns' | 'paths' | 'marks' | 'unitCount'
> & {
  legendRows: ReportLegendRow[];
  /** Whether neighbours outside the area are drawn. */
  hasContext: boolean;
};

/**
 * The area's units in the status colouring, by the screen's own rules, with the hatching over units below
 * the threshold or without data, and the legend's rows with their counts.
 */
export function statusDrawing(input: StatusDrawingInput): StatusDrawing {
  const { lang, map, year, framework, district } = input;
  const rows = new Map(input.rows.map((r) => [r.code, r]));
  const inArea = new Set(
    input.units.filter((u) => district === null || u.district_code === district).map((u) => u.code),
  );
  // The screen's rule, in the status colouring, with no filter: the report is about the whole area.
  const visuals = unitVisuals({
    units: input.units.filter((u) => inArea.has(u.code)),
    rows,
    mode: 'status',
    framework,
    criterion: null,
    visible: null,
  });
  const cropped = district === null ? null : districtViewBox(map, inArea);
  const scale = cropped?.scale ?? 1;
  const scaled = (width: number) => Number((width * scale).toFixed(3));

  const area: ReportMapPath[] = [];
  const context: ReportMapPath[] = [];
  const marks: ReportMapMark[] = [];
  for (const unit of map.units) {
    if (!inArea.has(unit.code)) {
      // A district's neighbours, for orientation; the province report draws only its own units.
      if (cropped) context.push({ code: unit.code, d: unit.d, fill: CONTEXT_FILL, context: true });
      continue;
    }
    const v = visuals.get(unit.code);
    area.push({ code: unit.code, d: unit.d, fill: v?.colour ?? NO_DATA_COLOR, context: false });
    const kind = markOf(v);
    if (kind)
      marks.push({
        code: unit.code,
        d: unit.d,
        kind,
        pattern: PATTERN_IDS[kind],
        outline:
          kind === 'below' ? { colour: HATCH.below.outline, width: scaled(HATCH.below.outlineWidth) } : null,
      });
  }

  const legend = legendView({ lang, year, mode: 'status', framework, criterion: null, visuals });
  const legendRows: ReportLegendRow[] = legend.rows.map((r) => ({
    id: r.id,
    colour: r.colour,
    pattern: r.pattern === 'hatch' ? SWATCH_IDS.nodata : null,
    outline: null,
    label: r.label,
    count: r.count,
  }));
  if (legend.below)
    legendRows.push({
      id: 'below',
      colour: '#FFFFFF',
      pattern: SWATCH_IDS.below,
      outline: HATCH.below.outline,
      label: legend.below.label,
      count: legend.below.count,
    });

  return {
    viewBox: cropped?.viewBox ?? map.viewBox,
    scale,
    stroke: { ...STROKE, width: scaled(STROKE.width) },
    patterns: (['below', 'nodata'] as const).map((kind) => ({
      id: PATTERN_IDS[kind],
      swatchId: SWATCH_IDS[kind],
      size: HATCH.size,
      path: HATCH.path,
      stroke: HATCH[kind].stroke,
      width: HATCH[kind].width,
    })),
    paths: [...context, ...area],
    marks,
    legendRows,
    unitCount: visuals.size,
    hasContext: context.length > 0,
  };
}

export function reportMap(input: ReportMapInput): ReportMap {
  const { lang, year, district } = input;
  const { legendRows, hasContext, ...drawing } = statusDrawing(input);
  const areaName = district === null ? tt(lang, 'province') : (input.districtName ?? district);
  return {
    ...drawing,
    title: tt(lang, 'print.mapTitle', { area: areaName, year }),
    legend: {
      title: tt(lang, 'print.legendTitle', { year, count: drawing.unitCount }),
      rows: legendRows,
    },
    contextNote: hasContext ? tt(lang, 'print.mapContext', { area: areaName }) : null,
    credits: creditsView(input.attribution, input.vintage, lang).lines,
  };
}
