#!/usr/bin/env bash
# The one test command (npm test): unit + integration inside a throwaway Secret Service
# session (real keychain), then the e2e suite in Debian's Chromium. Prints one closing
# "N passed, N failed, N skipped" line for the whole run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json

run_unit() {
  local cmd=(npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json "$@")
  if [ -x scripts/with-keyring.sh ]; then
    scripts/with-keyring.sh "${cmd[@]}"
  else
    "${cmd[@]}"
  fi
}

run_unit "$@"
unit_status=$?
npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json
e2e_status=$?
node scripts/summarize-tests.mjs test-results/unit.json test-results/e2e.json
summary_status=$?

if [ $unit_status -ne 0 ] || [ $e2e_status -ne 0 ] || [ $summary_status -ne 0 ]; then
  exit 1
fi
