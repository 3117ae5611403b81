#!/usr/bin/env bash
# Benchmarks the web build in headless Chromium: download sizes (raw, gzip,
# brotli), time to the title screen and to the first portal page, idle CPU and
# frames, a repeat visit; and, side by side, an empty Bevy + bevy_egui app
# (web/empty) built the same way, so that the game's figures are also given as
# ratios to what the stack alone costs. Not run by CI: see docs/benchmarks.md
# and tests/e2e/bench.mjs.
#
#   web/build.sh --opt-npm && web/bench.sh             # the release build (wasm-opt)
#   web/build.sh --no-opt && RUNS=3 web/bench.sh --no-opt   # quicker, as CI builds
#   EMPTY=0 web/bench.sh [--no-opt] [DIST]              # the game alone, DIST (web/dist)
#
# The empty app is built with the same flag as given here (`--opt-npm` by
# default, as the release): build the game with the same one.
set -euo pipefail
cd "$(dirname "$0")/.."
opt=--opt-npm
case "${1:-}" in --no-opt|--opt-npm) opt=$1; shift ;; esac
dist=${1:-web/dist}
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "== npm ci (tests/e2e: playwright-core, no browser download)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent)
fi
if [ "${EMPTY:-1}" = 0 ]; then
  exec node tests/e2e/bench.mjs "$dist"
fi
# The same `web` profile as the game, or the ratios would compare two builds.
profile() { sed -n '/^\[profile.web\]/,/^\[/p' "$1" | grep -v '^\[\|^#\|^$'; }
if ! diff <(profile Cargo.toml) <(profile web/empty/Cargo.toml) >/dev/null; then
  echo "web/empty/Cargo.toml's [profile.web] differs from the game's (Cargo.toml): make them the same" >&2
  exit 1
fi
echo "== the empty Bevy + bevy_egui app (web/empty), built as the game: web/build.sh $opt" >&2
DEDALE_EMPTY=1 web/build.sh "$opt" >&2
exec node tests/e2e/bench.mjs "$dist" web/empty/dist
