#!/usr/bin/env bash
# Browser suites in headless Chromium (Selenium) against a real `solex serve` on a loopback port with its own
# database: `journeys` (Tests/Browser/journeys.py) or `accessibility` (axe-core on every page template,
# Tests/Browser/accessibility.py). On failure a screenshot and the page source are saved under .build/NAME-artefacts
# and named in the output. Prints "N passed, N failed"; exits non-zero on failure.
#
#   scripts/browser-tests.sh journeys|accessibility
set -uo pipefail
cd "$(dirname "$0")/.."
suite=${1:?usage: scripts/browser-tests.sh journeys|accessibility}
SWIFT=${SWIFT:-swift}
if [ -z "${SOLEX_BIN:-}" ]; then
    "$SWIFT" build --product solex >/dev/null || { echo "$suite: build failed"; echo "0 passed, 1 failed"; exit 1; }
fi
export SOLEX_BIN=${SOLEX_BIN:-.build/debug/solex}
PYTHONDONTWRITEBYTECODE=1 exec python3 "Tests/Browser/$suite.py" ".build/$suite-artefacts"
