#!/usr/bin/env sh
# Runs each browser test file in its own vitest process (each builds and serves the app once).
# Why: in one process, the files after the resilience suite stalled (map never idle, no CPU use) while
# every file passes on its own; separate processes keep one file's browser state from reaching the next.
set -e
for file in tests/e2e/*.test.ts; do
  npx vitest run --project e2e "$file"
done
