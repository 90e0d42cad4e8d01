/**
 * The static map's unit paths, written straight to the DOM (StaticMap.svelte).
 *
 * Why not a Svelte `{#each}`: 106 components-worth of effects, templates and listeners cost about 30 ms of
 * main thread on this machine (×4 on a mid-range phone), in the task that replaces the first view; plain
 * `createElementNS` is a few milliseconds. Clicks and keys are delegated to the `<svg>` (see `unitCodeOf`).
 *
 * Values are set with setAttribute and textContent only: names and codes are never parsed as markup.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface UnitPath {
  code: string;
  d: string;
}

/** How one unit looks (view/unit-visuals.ts UnitVisual): the static map draws what MapLibre draws. */
export interface PathLook {
  colour: string;
  /** Below the criteria threshold: hatched, red outline. */
  below: boolean;
  /** Not assessed: light hatch over the grey. */
  noData: boolean;
  /** Outside the active filters: faded. */
  dim: boolean;
}

export interface PathPaint {
  /** Look per unit code; a unit without one is drawn as "no data". */
  looks: Readonly<Record<string, PathLook>>;
  noData: string;
  /** Unit name per code, for the tooltip and, when focusable, the button's name. */
  names: Record<string, string>;
  selected: string | null;
  /** Each unit a keyboard button (when the static map is the only map). */
  focusable: boolean;
}

/**
 * Replaces the children of `group` with one `<path data-code>` (and its `<title>`) per unit, painted
 * before they enter the page (attributes on detached elements cost no style invalidation).
 */
export function drawUnitPaths(
  group: SVGGElement,
  units: readonly UnitPath[],
  paint: PathPaint,
): Map<string, SVGPathElement> {
  const doc = group.ownerDocument;
  const paths = new Map<string, SVGPathElement>();
  const fragment = doc.createDocumentFragment();
  for (const unit of units) {
    const path = doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', unit.d);
    path.setAttribute('data-code', unit.code);
    path.append(doc.createElementNS(SVG_NS, 'title'));
    fragment.append(path);
    paths.set(unit.code, path);
  }
  paintUnitPaths(paths, paint);
  group.replaceChildren(fragment);
  return paths;
}

/** Colours, names and keyboard roles; only attributes that change are written. */
export function paintUnitPaths(paths: Map<string, SVGPathElement>, paint: PathPaint): void {
  for (const [code, path] of paths) {
    const name = paint.names[code] ?? code;
    const look = paint.looks[code];
    setAttr(path, 'fill', look?.colour ?? paint.noData);
    setAttr(path, 'data-dim', look?.dim ? 'true' : null);
    setAttr(path, 'data-below', look?.below ? 'true' : null);
    setAttr(path, 'data-nodata', !look || look.noData ? 'true' : null);
    const title = path.firstElementChild;
    if (title && title.textContent !== name) title.textContent = name;
    setAttr(path, 'role', paint.focusable ? 'button' : null);
    setAttr(path, 'tabindex', paint.focusable ? '0' : null);
    setAttr(path, 'aria-label', paint.focusable ? name : null);
    setAttr(path, 'aria-pressed', paint.focusable ? String(code === paint.selected) : null);
  }
}

/**
 * The hatching over below-threshold and no-data units, as copies of their outlines in `group` (drawn above
 * the fills, ignoring the pointer): SVG cannot layer a pattern over a fill on one path.
 */
export function drawMarks(
  group: SVGGElement,
  units: readonly UnitPath[],
  looks: Readonly<Record<string, PathLook>>,
): void {
  const doc = group.ownerDocument;
  const fragment = doc.createDocumentFragment();
  for (const unit of units) {
    const look = looks[unit.code];
    const mark = !look || look.noData ? 'nodata' : look.below ? 'below' : null;
    if (!mark) continue;
    const path = doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', unit.d);
    path.setAttribute('class', `mark ${mark}`);
    if (look?.dim) path.setAttribute('data-dim', 'true');
    path.setAttribute('data-mark', unit.code);
    fragment.append(path);
  }
  group.replaceChildren(fragment);
}

/** The unit code of the path an event came from, if any. */
export function unitCodeOf(target: EventTarget | null): string | null {
  const element = target as Element | null;
  return element?.closest?.('path[data-code]')?.getAttribute('data-code') ?? null;
}

function setAttr(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}
