import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip } from './gzip.ts';
import { NATIONAL_DIR } from './national-layers.ts';
import { fromRepo } from './paths.ts';

/**
 * Regenerates tiles/national-2025/ from the national layer as published (tiles/national-2025/SOURCES.md):
 *
 *   npx tsx tiles/build/national-sources.ts <folder holding the original files>
 *
 * The two GeoJSON files are stored gzip-compressed, byte for byte (gunzip gives the original, whose
 * SHA-256 SOURCES.md records); gzip.ts is deterministic, so the .gz bytes are reproducible too. The unit
 * list is copied as is (small, and readable in a diff). Refuses files whose SHA-256 differs.
 */
export const ORIGINAL_SHA256: Record<string, string> = {
  'communes-2025.simplified-30m.geojson': 'ea9ed981a48b8076601bff78db0f89879e207bdf9f478da9235526d71f7bb275',
  'provinces-2025.simplified-30m.geojson': 'bac7a3803d0e346da8549345852a0951a057a3f31036f4f989af4e4791cdff16',
  'units-2025.csv': '6716cef3e14e22bacf2b41ba9c060966448e1ad61d900dd40124b4a861417ec8',
};

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function main(from: string): void {
  for (const [name, want] of Object.entries(ORIGINAL_SHA256)) {
    const src = path.join(from, name);
    const bytes = readFileSync(src);
    const got = sha256(bytes);
    if (got !== want) throw new Error(`${src}: SHA-256 ${got}, expected ${want} (a different release?)`);
    if (name.endsWith('.geojson')) {
      const out = fromRepo(path.join(NATIONAL_DIR, `${name}.gz`));
      const gz = gzip(bytes);
      writeFileSync(out, gz);
      console.log(`${sha256(gz)}  ${name}.gz (${gz.length} bytes, from ${bytes.length})`);
    } else {
      copyFileSync(src, fromRepo(path.join(NATIONAL_DIR, name)));
      console.log(`${got}  ${name} (${bytes.length} bytes)`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const from = process.argv[2];
  if (!from) {
    console.error('usage: npx tsx tiles/build/national-sources.ts <folder holding the original files>');
    process.exitCode = 1;
  } else main(from);
}
