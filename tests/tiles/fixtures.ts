import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../tiles/build/config.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';

export const PUBLIC_TILES = path.join(REPO_ROOT, 'public', 'tiles');
/** Lai Châu's tile config (provinces/lai-chau): the archives the app serves today. */
export const CONFIG = loadConfig('lai-chau');
export const TILE_VINTAGES = ['2016', '2020', '2025'] as const;
export type TileVintage = (typeof TILE_VINTAGES)[number];

export const EXPECTED_UNIT_COUNT: Record<TileVintage, number> = { '2016': 108, '2020': 106, '2025': 38 };
export const EXPECTED_LAYERS: Record<TileVintage, string[]> = {
  '2016': ['communes', 'districts', 'province', 'labels'],
  '2020': ['communes', 'districts', 'province', 'labels'],
  '2025': ['communes', 'province', 'labels'],
};
export const MAX_ARCHIVE_BYTES = 300 * 1024;

/** A row of data/reference/units-*.csv, read here independently of the build's own reader. */
export interface CsvUnit {
  code: string;
  full_name: string;
  kind: string;
  district_code?: string;
  district_name?: string;
}

const CSV_BY_VINTAGE: Record<TileVintage, string> = {
  '2016': 'data/reference/units-2016-2019.csv',
  '2020': 'data/reference/units-2020.csv',
  '2025': 'data/reference/units-2025.csv',
};

export function referenceUnits(vintage: TileVintage): CsvUnit[] {
  const [header = '', ...lines] = readFileSync(path.join(REPO_ROOT, CSV_BY_VINTAGE[vintage]), 'utf8')
    .trim()
    .split(/\r?\n/);
  const keys = header.split(',');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(',').map((v, i) => [keys[i], v.trim()]));
    return {
      code: cells.code as string,
      full_name: cells.name as string,
      kind: cells.kind as string,
      district_code: cells.district_code,
      district_name: cells.district_name,
    };
  });
}
