import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTiles } from '../../tiles/build/build-tiles.ts';
import { vintageOf, type TilesConfig } from '../../tiles/build/config.ts';
import { buildVintageLayers, contextFeatureId } from '../../tiles/build/layers.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';
import { parseSimpleCsv } from '../../tiles/build/reference-units.ts';
import { communeProps, communeWithDistrictProps } from '../../tiles/build/schema.ts';
import { CONFIG, PUBLIC_TILES } from './fixtures.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'laichau-tiles-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run tiles', () => {
  it('reproduces the committed public/tiles byte for byte (deterministic build)', () => {
    const out = path.join(tmp, 'fresh');
    const result = buildTiles(CONFIG, { outDir: out });
    const built = readdirSync(out).sort();
    expect(built).toEqual(result.files.map((f) => f.file).sort());
    expect(readdirSync(PUBLIC_TILES).sort()).toEqual(built);
    for (const file of built) {
      const fresh = readFileSync(path.join(out, file));
      const committed = readFileSync(path.join(PUBLIC_TILES, file));
      expect(
        fresh.equals(committed),
        `${file} differs from a fresh build: run npm run tiles and commit`,
      ).toBe(true);
    }
  });

  it('gives identical bytes when run again', () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    buildTiles(CONFIG, { outDir: a, vintages: ['2025'] });
    buildTiles(CONFIG, { outDir: b, vintages: ['2025'] });
    for (const file of readdirSync(a)) {
      expect(readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))), file).toBe(true);
    }
  });
});

/** A copy of the committed config with one vintage's communes replaced by a test file. */
function configWithCommunes(file: string): TilesConfig {
  const cfg = structuredClone(CONFIG);
  vintageOf(cfg, '2025').communes = { file, code_property: 'code' };
  return cfg;
}

function writeGeoJson(name: string, value: unknown): string {
  const file = path.join(tmp, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('bad boundary input gets a clear message', () => {
  const source = JSON.parse(
    readFileSync(path.resolve(REPO_ROOT, vintageOf(CONFIG, '2025').communes.file), 'utf8'),
  ) as { type: string; features: { id: string; properties: Record<string, unknown>; geometry: unknown }[] };

  it('names the missing and the unexpected codes when a layer does not match the unit list', () => {
    const features = source.features.filter((f) => f.properties.code !== '03451');
    const first = features[0];
    if (first) features.push({ ...first, properties: { ...first.properties, code: '09999' } });
    const file = writeGeoJson('missing.geojson', { ...source, features });
    expect(() => buildVintageLayers(configWithCommunes(file), '2025')).toThrow(
      /missing: 03451; not in the list: 09999/,
    );
  });

  it('refuses a feature without a 5-digit code and a non-polygon geometry', () => {
    const [first, ...rest] = source.features;
    const noCode = writeGeoJson('nocode.geojson', {
      ...source,
      features: [{ ...first, properties: { code: 'abc' } }, ...rest],
    });
    expect(() => buildVintageLayers(configWithCommunes(noCode), '2025')).toThrow(
      /"abc" is not a 5-digit code/,
    );
    const point = { ...first, geometry: { type: 'Point', coordinates: [103, 22] } };
    const pointFile = writeGeoJson('point.geojson', { ...source, features: [point, ...rest] });
    expect(() => buildVintageLayers(configWithCommunes(pointFile), '2025')).toThrow(
      /geometry Point, expected \(Multi\)Polygon/,
    );
  });

  it('accepts numeric codes from a deployer layer (zero-padded) and takes names from the unit list', () => {
    const features = source.features.map((f) => ({
      ...f,
      properties: { ma_xa: Number(f.properties.code), ten: 'ignored' },
    }));
    const file = writeGeoJson('numeric.geojson', { ...source, features });
    const cfg = configWithCommunes(file);
    vintageOf(cfg, '2025').communes.code_property = 'ma_xa';
    const layers = buildVintageLayers(cfg, '2025');
    expect(layers.communes).toHaveLength(38);
    expect(layers.communes.find((c) => c.id === 3451)?.properties).toEqual({
      code: '03451',
      name: 'Mù Cả',
      full_name: 'Xã Mù Cả',
      kind: 'xa',
    });
  });
});

describe('names and ids', () => {
  it('normalises decomposed (NFD) Vietnamese in the unit lists to NFC', () => {
    const nfd = 'code,name\r\n03445,Xã Mường Tè\r\n'.normalize('NFD');
    const [row] = parseSimpleCsv(nfd);
    expect(row?.name).toBe('Xã Mường Tè'.normalize('NFC'));
    expect(row?.name).not.toBe('Xã Mường Tè'.normalize('NFD'));
  });

  it('rejects decomposed names and names whose prefix does not match the kind', () => {
    const ok = { code: '03445', name: 'Mường Tè', full_name: 'Xã Mường Tè', kind: 'xa' };
    expect(communeProps.safeParse(ok).success).toBe(true);
    expect(
      communeProps.safeParse({
        ...ok,
        name: ok.name.normalize('NFD'),
        full_name: ok.full_name.normalize('NFD'),
      }).success,
    ).toBe(false);
    expect(communeProps.safeParse({ ...ok, kind: 'phuong' }).success).toBe(false);
    expect(communeProps.safeParse({ ...ok, code: '3445' }).success).toBe(false);
    expect(communeWithDistrictProps.safeParse(ok).success).toBe(false);
  });

  it('gives context outlines small stable integer ids', () => {
    expect(contextFeatureId('CHN')).toEqual({ id: 1, period: 'any' });
    expect(contextFeatureId('LAO')).toEqual({ id: 2, period: 'any' });
    expect(contextFeatureId('VN-14-pre2025')).toEqual({ id: 114, period: 'pre2025' });
    expect(contextFeatureId('VN-15-post2025')).toEqual({ id: 215, period: 'post2025' });
    expect(() => contextFeatureId('VN-15')).toThrow(/neither/);
  });
});
