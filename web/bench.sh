#!/usr/bin/env bash
# Benchmarks the web build in headless Chromium: download sizes (raw, gzip,
# brotli), time to the title screen and to the first portal page, idle CPU.
# Not run by CI: see docs/benchmarks.md and tests/e2e/bench.mjs.
#
#   web/bench.sh                 # measures web/dist (build it first: web/build.sh)
#   RUNS=3 web/bench.sh /tmp/dist
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "== npm ci (tests/e2e: playwright-core, no browser download)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent)
fi
exec node tests/e2e/bench.mjs "${1:-web/dist}"
