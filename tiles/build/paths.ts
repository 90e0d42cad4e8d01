import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root (tiles/build/ is two levels below it); config paths are relative to it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The committed config that names each vintage's boundary files. */
export const DEFAULT_CONFIG = path.join(REPO_ROOT, 'tiles', 'sources', 'vintages.json');

/** Where `npm run tiles` writes (served by Vite as /tiles/...). */
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'public', 'tiles');

export function fromRepo(relative: string): string {
  return path.resolve(REPO_ROOT, relative);
}
