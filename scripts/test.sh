#!/usr/bin/env bash
# The one test command (npm test): unit + integration + e2e, all inside a throwaway
# Secret Service session (a real keychain: scripts/with-keyring.sh), the e2e suite in
# Debian's Chromium. Prints one closing "N passed, N failed, N skipped" line.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIMMER_IN_KEYRING_SESSION:-}" != "1" ] && command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  exec scripts/with-keyring.sh "$0" "$@"
fi

mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json

npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json "$@"
unit_status=$?
npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json
e2e_status=$?
node scripts/summarize-tests.mjs test-results/unit.json test-results/e2e.json
summary_status=$?

if [ $unit_status -ne 0 ] || [ $e2e_status -ne 0 ] || [ $summary_status -ne 0 ]; then
  exit 1
fi
