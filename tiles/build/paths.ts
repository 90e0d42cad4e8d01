import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root (tiles/build/ is two levels below it); output folders are relative to it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fromRepo(relative: string): string {
  return path.resolve(REPO_ROOT, relative);
}
