import { describe, expect, it } from 'vitest';
import { buildPosterHtml } from './build-poster';
import { escapeHtml, posterHtml, posterMapSvg, svgDataUrl, type PosterInput } from './poster';
import { STATUS_LEGEND } from '../domain/legend';
import { HATCH } from '../view/unit-visuals';
import type { AreaSummary, UnitYear } from '../domain/types';
import { unassessedXa } from '../../../tests/unit/factories';

const colour = (id: string) => STATUS_LEGEND.find((e) => e.id === id)!.color;

function row(code: string, patch: Partial<UnitYear>): UnitYear {
  return unassessedXa({
    year: 2025,
    code,
    name: `Xã ${code}`,
    district_code: '105',
    district_name: 'Huyện A',
    ...patch,
  });
}

const summary = {
  year: 2025,
  xa_total: 94,
  xa_ntm: 55,
  xa_ntm_pct: 58.51,
  avg_criteria_xa: 17.14,
  xa_below_threshold: 19,
  urban_total: 12,
  urban_civilised: 8,
  urban_civilised_pct: 66.67,
} as AreaSummary;

function input(patch: Partial<PosterInput> = {}): PosterInput {
  return {
    asOf: '2026-06-30',
    illustrative: true,
    year: 2025,
    summary,
    framework: { criteria_total: 19, below_threshold: 15 },
    units: [
      { code: '00001', kind: 'xa' },
      { code: '00002', kind: 'xa' },
      { code: '00003', kind: 'phuong' },
    ],
    rows: [
      row('00001', { tier: 'dat_chuan', criteria_count: 19 }),
      row('00002', { tier: 'chua_dat', criteria_count: 12 }),
    ],
    map: {
      viewBox: '0 0 10 10',
      width: 10,
      height: 10,
      units: [
        { code: '00001', d: 'M0 0h5v5z' },
        { code: '00002', d: 'M5 5h5v5z' },
        { code: '00003', d: 'M0 5h5v5z' },
      ],
    },
    ...patch,
  };
}

describe('the first view written into index.html', () => {
  it('colours every unit by its status, and a unit without data grey', () => {
    const svg = posterMapSvg(input());
    const fills = [...svg.matchAll(/<path fill="([^"]+)" d="([^"]+)"/g)].map((m) => [m[2], m[1]]);
    expect(fills).toEqual([
      ['M0 0h5v5z', colour('dat_chuan')],
      ['M5 5h5v5z', colour('chua_dat')],
      ['M0 5h5v5z', STATUS_LEGEND.find((e) => e.id === 'no_data')?.color ?? '#e0e4e6'],
    ]);
  });

  it("hatches and outlines a commune below the threshold, as the app's maps do, and lists it in the legend", () => {
    const svg = posterMapSvg(input());
    const marks = [...svg.matchAll(/<path fill="url\(#([^)]+)\)" stroke="([^"]+)"[^>]* d="([^"]+)"/g)];
    expect(marks.map((m) => [m[3], m[1], m[2]])).toEqual([
      ['M5 5h5v5z', 'print-hatch-below', HATCH.below.outline],
      ['M0 5h5v5z', 'print-hatch-nodata', 'none'],
    ]);
    expect(svg).toContain('<pattern id="print-hatch-below"');
    const legend = /<ul class="fv-legend">(.*?)<\/ul>/.exec(posterHtml(input()))![1]!;
    const row =
      /<li>(<svg.*?<\/svg>)<span>Xã dưới 15 tiêu chí \(gạch chéo, viền đỏ\)<\/span><span class="fv-count">1<\/span><\/li>/.exec(
        legend,
      );
    expect(row?.[1]).toContain(`stroke="${HATCH.below.outline}"`);
    expect(row?.[1]).toContain('fill="url(#print-swatch-below)"');
  });

  it('shows the headline figures in Vietnamese number format, the date and the illustrative flag', () => {
    const html = posterHtml(input());
    expect(html).toContain('58,5%');
    expect(html).toContain('Xã đạt chuẩn NTM (55/94)');
    expect(html).toContain('17,1');
    expect(html).toContain('Xã dưới 15 tiêu chí');
    expect(html).toContain('66,7%');
    expect(html).toContain('30/06/2026');
    expect(html).toContain('Dữ liệu minh họa');
    expect(posterHtml(input({ illustrative: false }))).not.toContain('minh họa');
  });

  it('describes the map in its alt text with the count of every class shown', () => {
    const alt = /alt="([^"]+)"/.exec(posterHtml(input()))![1];
    expect(alt).toContain('Năm 2025: 3 đơn vị');
    expect(alt).toContain('Xã đạt chuẩn NTM: 1');
    expect(alt).toContain('Xã chưa đạt chuẩn NTM: 1');
  });

  it('is laid out as the app: the year, then the map with its key, then the legend; the figures after', () => {
    const html = posterHtml(input());
    const at = (needle: string) => {
      const i = html.indexOf(needle);
      expect(i, needle).toBeGreaterThan(-1);
      return i;
    };
    expect(at('class="fv-year"')).toBeLessThan(at('class="fv-map"'));
    expect(at('class="fv-map"')).toBeLessThan(at('class="fv-key"'));
    expect(at('class="fv-key"')).toBeLessThan(at('class="fv-legend"'));
    expect(at('class="fv-legend"')).toBeLessThan(at('class="fv-figures"'));
    // The key names the year and the mode, as the app's map key does.
    expect(/<p class="fv-key">([^<]+)</.exec(html)![1]).toBe('Chú giải · 2025 · Trạng thái');
  });

  it('says nothing it does not know: no figures without a summary', () => {
    const html = posterHtml(input({ summary: undefined }));
    expect(html).not.toContain('fv-figures');
    expect(html).toContain('fv-map');
  });

  it('escapes hostile text from the data', () => {
    const hostile = '"><script>alert(1)</script>';
    const svg = posterMapSvg(input({ map: { ...input().map, units: [{ code: '00001', d: hostile }] } }));
    expect(svg).not.toContain('<script>');
    expect(escapeHtml(`<b a='1'>&"`)).toBe('&#60;b a=&#39;1&#39;&#62;&#38;&#34;');
    const html = posterHtml(input({ asOf: '<img src=x onerror=alert(1)>' }));
    expect(html).not.toContain('<img src=x');
  });

  it('puts the SVG in a data URL that decodes back to the same document', () => {
    const svg = posterMapSvg(input());
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(url).not.toMatch(/[<>"#]/);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(svg);
  });

  it('is built from the committed snapshot and static map: 106 units of 2025, the snapshot date', async () => {
    const html = await buildPosterHtml('public');
    const svg = decodeURIComponent(
      /src="data:image\/svg\+xml,([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, '&'),
    );
    expect(svg.match(/<path fill="#/g)).toHaveLength(106);
    // Every commune below 15 criteria hatched and outlined, as many as the figure says.
    const below = /<li><span class="fv-value">(\d+)<\/span><span class="fv-label">Xã dưới 15 tiêu chí/.exec(
      html,
    );
    expect(Number(below![1])).toBeGreaterThan(0);
    expect(svg.match(/<path fill="url\(#print-hatch-below\)" stroke="#b00020"/g)).toHaveLength(
      Number(below![1]),
    );
    expect(html).toContain('Toàn tỉnh · 2025');
    expect(html).toMatch(/lưu kèm ứng dụng, đến ngày \d{2}\/\d{2}\/\d{4}/);
    expect(html).not.toContain('style=');
  });
});
