// The credits of the boundaries on screen, in the reader's language: the short linked credits for the
// map's attribution control, and the full lines (with the GADM terms where they apply) for the page.
import type { VintageId } from '../domain/types';
import type { Lang } from '../i18n/define';

/** One archive's credits, as `npm run tiles` writes them to public/tiles/attribution.json. */
export interface Attribution {
  vi: string[];
  en: string[];
  html?: string;
  html_en?: string;
}

export interface CreditsView {
  /** HTML links for the map's attribution control (our own build output, not user input). */
  map: string[];
  /** Plain lines for the page's credits and the printed report. */
  lines: string[];
}

export function creditsView(
  attribution: Readonly<Record<string, Attribution>>,
  vintage: VintageId,
  lang: Lang,
): CreditsView {
  const entries = [attribution[`laichau-${vintage}`], attribution['laichau-context']].filter(
    (a): a is Attribution => a !== undefined,
  );
  const html = (a: Attribution) => (lang === 'en' ? (a.html_en ?? a.html) : a.html);
  // The same source can credit both the units and the neighbours (the 2025 map): list it once.
  const map = entries.flatMap((a) => {
    const link = html(a);
    return link ? [link] : a[lang];
  });
  return { map: [...new Set(map)], lines: [...new Set(entries.flatMap((a) => a[lang]))] };
}
