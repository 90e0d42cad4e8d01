// As root, the embedded PostgreSQL runs as the `postgres` user: a checkout inside a private folder must be
// named in a clear error, not crash the run with a bare `spawn … EACCES`.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldersClosedToOthers } from '../../supabase/tools/embedded-db';

const root = mkdtempSync(path.join(tmpdir(), 'ntm-pg-access-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('foldersClosedToOthers', () => {
  it('names a private folder on the way to the binaries, and nothing once it is open', async () => {
    const bin = path.join(root, 'p', 'node_modules', 'bin');
    mkdirSync(bin, { recursive: true, mode: 0o755 });
    chmodSync(path.join(root, 'p'), 0o700);
    chmodSync(root, 0o755);
    expect(await foldersClosedToOthers(path.join(bin, 'initdb'))).toEqual([path.join(root, 'p')]);
    chmodSync(path.join(root, 'p'), 0o755);
    expect(await foldersClosedToOthers(path.join(bin, 'initdb'))).not.toContain(path.join(root, 'p'));
  });
});
