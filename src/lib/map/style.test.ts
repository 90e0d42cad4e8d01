import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { buildStyle } from './style';

const options = {
  unitsUrl: '/tiles/laichau-2020.pmtiles',
  contextUrl: '/tiles/laichau-context.pmtiles',
  hasDistricts: true,
  contextPeriod: 'pre2025' as const,
  palette: { ntm: '#009E73' },
};

type Drawn = LayerSpecification & {
  source?: string;
  'source-layer'?: string;
  paint?: Record<string, unknown>;
};

describe('buildStyle', () => {
  it("draws no fill's own outline, and every fill has a line layer above it on the same features", () => {
    for (const basemap of [null, { version: 8 as const, sources: {}, layers: [] }]) {
      const layers = buildStyle({ ...options, basemap }).layers as Drawn[];
      const fills = layers.filter((l) => l.type === 'fill');
      expect(fills.length).toBeGreaterThanOrEqual(4);
      for (const fill of fills) {
        expect(fill.paint?.['fill-antialias'], fill.id).toBe(false);
        const above = layers.slice(layers.indexOf(fill) + 1);
        const edge = above.find(
          (l) => l.type === 'line' && l.source === fill.source && l['source-layer'] === fill['source-layer'],
        );
        expect(edge, `${fill.id} needs a line layer above it`).toBeDefined();
      }
    }
  });
});
