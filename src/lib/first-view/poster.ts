/**
 * The first view written into index.html at build time (build/first-view-plugin.ts): the province map as
 * an SVG picture coloured by NTM / civilised-urban status, the headline figures and the legend, for the
 * default year of the embedded snapshot. It is laid out as the app is (src/styles/first-view.css mirrors
 * ui/shell): on a phone the year and the map with its key come first, the figures under them; on a desktop
 * the figures sit beside the map. So the page does not jump when the app takes its place. A phone on a slow network shows it as soon as the HTML arrives,
 * before any JavaScript; the app replaces it once its own first view is ready, and it stays readable
 * when JavaScript never runs.
 *
 * Pure: data in, HTML text out. Every value from data is escaped. Vietnamese only, the page's default
 * language; the app takes over in the reader's language a moment later. No style attributes (the CSP
 * forbids inline styles): colours are SVG presentation attributes, the rest is src/styles/first-view.css.
 */
import { formatDate, formatNumber, formatPercent } from '../domain/format';
import { statusDrawing, type ReportLegendRow, type StatusDrawing } from '../view/report-map';
import { legendView } from '../view/legend-view';
import { tv } from '../i18n/view';
import { tc } from '../i18n/controls';
import type { AreaSummary, Framework, UnitKind, UnitYear } from '../domain/types';
import { t } from '../i18n/messages';
import type { StaticMapPaths } from '../data/static-map';

export type { StaticMapPaths } from '../data/static-map';

export interface PosterInput {
  /** Snapshot date (YYYY-MM-DD) and whether any figure is illustrative. */
  asOf: string;
  illustrative: boolean;
  year: number;
  /** The province row of that year. */
  summary: AreaSummary | undefined;
  framework: Pick<Framework, 'criteria_total' | 'below_threshold'>;
  /** The units of the year's boundary vintage. */
  units: { code: string; kind: UnitKind }[];
  rows: UnitYear[];
  map: StaticMapPaths;
}

/** Text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The province in the status colouring, with the hatching and red outline of the units below the
 * threshold and the hatching of those without data: the drawing the app's static map and the printed
 * report make (view/report-map.ts), so the picture does not change when the app takes its place.
 */
function posterDrawing(input: PosterInput): StatusDrawing {
  return statusDrawing({
    lang: 'vi',
    year: input.year,
    map: input.map,
    units: input.units.map((u) => ({ ...u, district_code: null })),
    rows: input.rows,
    framework: input.framework,
    district: null,
  });
}

function patternDef(p: { size: number; path: string; stroke: string; width: number }, id: string): string {
  return (
    `<pattern id="${id}" width="${p.size}" height="${p.size}" patternUnits="userSpaceOnUse">` +
    `<path d="${escapeHtml(p.path)}" stroke="${escapeHtml(p.stroke)}" stroke-width="${p.width}"/></pattern>`
  );
}

/** The coloured map as a standalone SVG document. */
export function posterMapSvg(input: PosterInput, drawing = posterDrawing(input)): string {
  const used = new Set(drawing.marks.map((m) => m.pattern));
  const defs = drawing.patterns
    .filter((p) => used.has(p.id))
    .map((p) => patternDef(p, p.id))
    .join('');
  const paths = drawing.paths.map((p) => `<path fill="${escapeHtml(p.fill)}" d="${escapeHtml(p.d)}"/>`);
  const marks = drawing.marks.map((m) => {
    const edge = m.outline
      ? `stroke="${escapeHtml(m.outline.colour)}" stroke-width="${m.outline.width}"`
      : `stroke="none"`;
    return `<path fill="url(#${m.pattern})" ${edge} d="${escapeHtml(m.d)}"/>`;
  });
  const { colour, width } = drawing.stroke;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${escapeHtml(drawing.viewBox)}" ` +
    `width="${input.map.width}" height="${input.map.height}">` +
    (defs ? `<defs>${defs}</defs>` : '') +
    `<g stroke="${colour}" stroke-width="${width}" stroke-linejoin="round" fill-rule="evenodd">${paths.join('')}</g>` +
    (marks.length ? `<g stroke-linejoin="round" fill-rule="evenodd">${marks.join('')}</g>` : '') +
    `</svg>`
  );
}

/**
 * An SVG document as a data: URL for an <img> (an image, unlike inline SVG, is a Largest Contentful Paint
 * candidate and costs the page no DOM). Only the characters that break a URL or the attribute are encoded.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${svg.replace(/[%#<>"\n]/g, (c) => encodeURIComponent(c))}`;
}

interface Figure {
  value: string;
  label: string;
}

function figures(input: PosterInput): Figure[] {
  const s = input.summary;
  if (!s) return [];
  const list: Figure[] = [
    {
      value: formatPercent(s.xa_ntm_pct, 'vi', 1),
      label: `${tv('vi', 'card.T1b')} (${tv('vi', 'card.count', { count: s.xa_ntm, of: s.xa_total })})`,
    },
    {
      value: formatNumber(s.avg_criteria_xa, 'vi', 1),
      label: tv('vi', 'card.T1d', { total: input.framework.criteria_total }),
    },
  ];
  if (input.framework.below_threshold && s.xa_below_threshold !== null)
    list.push({
      value: formatNumber(s.xa_below_threshold, 'vi', 0),
      label: tv('vi', 'card.T1e', { n: input.framework.below_threshold }),
    });
  if (s.urban_total > 0)
    list.push({
      value: formatPercent(s.urban_civilised_pct, 'vi', 1),
      label: `${tv('vi', 'card.T1a')} (${tv('vi', 'card.count', { count: s.urban_civilised, of: s.urban_total })})`,
    });
  return list;
}

/** A legend swatch as the map draws the class: its colour, its hatching and its outline. */
function swatch(row: ReportLegendRow, drawing: StatusDrawing): string {
  const pattern = drawing.patterns.find((p) => p.swatchId === row.pattern);
  const hatch = pattern
    ? `<defs>${patternDef(pattern, pattern.swatchId)}</defs><rect width="14" height="14" fill="url(#${pattern.swatchId})"/>`
    : '';
  const edge = row.outline
    ? `<rect x="0.75" y="0.75" width="12.5" height="12.5" fill="none" stroke="${escapeHtml(row.outline)}" stroke-width="1.5"/>`
    : '';
  return (
    `<svg class="fv-swatch" width="14" height="14" aria-hidden="true">` +
    `<rect width="14" height="14" fill="${escapeHtml(row.colour)}"/>${hatch}${edge}</svg>`
  );
}

/** The first view's HTML (goes before the app's mount point). */
export function posterHtml(input: PosterInput): string {
  const drawing = posterDrawing(input);
  const legend = drawing.legendRows.filter((r) => r.count > 0);
  const summaryText = t('vi', 'map.summary', {
    year: input.year,
    units: input.units.length,
    summary: legend.map((r) => `${r.label}: ${r.count}`).join('; '),
  });
  const figureItems = figures(input)
    .map(
      (f) =>
        `<li><span class="fv-value">${escapeHtml(f.value)}</span><span class="fv-label">${escapeHtml(f.label)}</span></li>`,
    )
    .join('');
  const legendItems = legend
    .map(
      (e) =>
        `<li>${swatch(e, drawing)}<span>${escapeHtml(e.label)}</span><span class="fv-count">${e.count}</span></li>`,
    )
    .join('');
  const m = input.map;
  const legendTitle = legendView({
    lang: 'vi',
    year: input.year,
    mode: 'status',
    framework: input.framework,
    criterion: null,
    visuals: new Map(),
  }).title;
  return [
    `<div id="first-view" class="fv" lang="vi" data-testid="first-view">`,
    `<header class="fv-top"><div><p class="fv-province">${escapeHtml(t('vi', 'app.province'))}</p>`,
    `<h1 class="fv-title">${escapeHtml(t('vi', 'app.title'))}</h1></div>`,
    `<div class="fv-actions"><p class="fv-source"><span>${escapeHtml(t('vi', 'source.snapshot'))}, `,
    `${escapeHtml(t('vi', 'source.asOf', { date: formatDate(input.asOf, 'vi') }))}</span>`,
    input.illustrative
      ? ` <strong class="fv-illustrative">${escapeHtml(t('vi', 'source.illustrative'))}</strong>`
      : '',
    // Where the app's language button goes, so the title bar wraps as the app's does.
    `</p><span class="fv-lang-space"></span></div></header>`,
    `<main class="fv-main"><section class="fv-map-column">`,
    `<p class="fv-year">${escapeHtml(tc('vi', 'year.label'))} <strong>${input.year}</strong></p>`,
    `<p class="fv-options">${escapeHtml(tv('vi', 'controls.more'))} · <span>${escapeHtml(tv('vi', 'mode.status'))}</span></p>`,
    `<div class="fv-map-area">`,
    `<img class="fv-map" src="${escapeHtml(svgDataUrl(posterMapSvg(input, drawing)))}" width="${m.width}" height="${m.height}" alt="${escapeHtml(summaryText)}">`,
    `<p class="fv-key">${escapeHtml(legendTitle)}</p></div>`,
    `<ul class="fv-legend">${legendItems}</ul></section>`,
    `<section class="fv-side"><p class="fv-loading" role="status">${escapeHtml(t('vi', 'source.loading'))}</p>`,
    `<h2 class="fv-heading">${escapeHtml(tv('vi', 'cards.heading', { area: tv('vi', 'area.province'), year: input.year }))}</h2>`,
    figureItems ? `<ul class="fv-figures">${figureItems}</ul>` : '',
    input.illustrative ? `<p class="fv-note">${escapeHtml(tv('vi', 'cards.illustrative'))}</p>` : '',
    `</section></main></div>`,
  ].join('');
}
