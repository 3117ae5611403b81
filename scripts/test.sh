#!/usr/bin/env bash
# Dédale's one test command. On a fresh Debian machine it installs what is
# missing (Debian's build packages and Chromium, Node.js and npm, rustfmt,
# clippy, the wasm32 target, wasm-bindgen-cli at the lock file's version,
# the npm packages of the browser tests), then runs everything:
#   formatting, clippy (native, with the dev tools, and for the browser),
#   the Rust tests (with a throwaway PostgreSQL from Debian's packages and
#   Ralph, an LRS from PyPI, for `dedale-cli serve`), the browser build,
#   the Chromium tests.
# Builds are cached in $HOME/.cache/dedale (outside the clone) for the next run.
#
#   scripts/test.sh           everything
#   scripts/test.sh --rust    stop after the Rust tests (no web build, no browser)
set -euo pipefail
cd "$(dirname "$0")/.."

rust_only=no
case "${1:-}" in
  --rust) rust_only=yes ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--rust]" >&2; exit 2 ;;
esac

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dedale/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
mkdir -p "$CARGO_TARGET_DIR"

# The game (Bevy) links against ALSA, udev and xkbcommon and needs pkg-config
# to find them; the browser tests drive Debian's Chromium with Node.js (no
# browser download is possible or wanted).
need=()
for pkg in libasound2-dev libudev-dev libxkbcommon-dev libwayland-dev pkg-config postgresql python3-venv; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "$rust_only" = no ]; then
  dpkg -s chromium >/dev/null 2>&1 || need+=(chromium)
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "== apt-get install ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true
if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  echo "== rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# `dedale-cli serve` is tested against a real PostgreSQL (a throwaway server
# in /tmp, stopped on exit) and a real LRS, Ralph (France Université
# Numérique), installed from PyPI in a virtual environment kept in the cache.
pg_dir=$(mktemp -d /tmp/dedale-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "== PostgreSQL for the tests (port $pg_port)"
DEDALE_TEST_POSTGRES_URL=$(scripts/postgres.sh start "$pg_dir" "$pg_port")
export DEDALE_TEST_POSTGRES_URL
trap 'scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
ralph_venv="$HOME/.cache/dedale/ralph-5.1.0"
if [ ! -x "$ralph_venv/bin/ralph" ]; then
  echo "== pip install ralph-malph 5.1.0 (the LRS the relay is tested against)"
  python3 -m venv "$ralph_venv"
  "$ralph_venv/bin/pip" install -q "ralph-malph[cli,lrs,backends]==5.1.0"
fi
export DEDALE_TEST_RALPH="$ralph_venv/bin/ralph"

start=$(date +%s)
echo "== cargo fmt --all --check"
cargo fmt --all --check
echo "== cargo clippy --workspace --all-targets --locked -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo clippy -p dedale --features dev (the screenshot tour and the file watcher)"
cargo clippy -p dedale --all-targets --features dev --locked -- -D warnings
echo "== cargo clippy -p dedale --target wasm32-unknown-unknown (the browser glue)"
cargo clippy -p dedale --target wasm32-unknown-unknown --locked -- -D warnings
echo "== cargo test --workspace --locked"
cargo test --workspace --locked
if [ "$rust_only" = yes ]; then
  echo "== Rust checks and tests passed in $(( $(date +%s) - start )) s (web build and browser tests skipped)"
  exit 0
fi
echo "== web/build.sh --no-opt (the browser build, without wasm-opt: see ../shared/BUILD.md)"
web/build.sh --no-opt
echo "== browser tests (tests/e2e, Chromium)"
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && npm test)
echo "== all checks and tests passed in $(( $(date +%s) - start )) s"
