#!/usr/bin/env bash
# Load on `dedale-cli serve`, with SQLite and with PostgreSQL, and the same
# load on Ralph (France Université Numérique's LRS), in one run. Not in CI:
# figures go to docs/benchmarks.md.
#
#   scripts/bench-serve.sh [LEARNERS] [STATEMENTS]     (default 200 × 300)
#   RALPH_STATEMENTS=N     statements per learner for Ralph (default 5): its
#                          file-system backend reads its whole file at each
#                          POST to look for the ids, so its time grows with the
#                          square of the count; 200 × 300 would take hours.
#
# Each simulated learner sends its statements one POST at a time, as the game
# does, all learners at once, on loopback (game/cli/examples/load.rs); then
# every statement is read back through GET and its `more` links, and the ids
# are counted: none may be missing, none duplicated. For Ralph, the lines its
# file-system backend wrote are counted too.
#
# Needs: PostgreSQL from Debian (scripts/postgres.sh installs it), Python 3
# with venv (Ralph is installed from PyPI into $HOME/.cache/dedale).
set -euo pipefail
cd "$(dirname "$0")/.."
learners="${1:-200}"
per="${2:-300}"
ralph_per="${RALPH_STATEMENTS:-5}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dedale/target}"

echo "== cargo build --release -p dedale-cli (the server and the load generator)" >&2
cargo build -q --release -p dedale-cli --bin dedale-cli --example load
work=$(mktemp -d /tmp/dedale-bench.XXXXXX)
pg_dir=$(mktemp -d /tmp/dedale-bench-pg.XXXXXX)   # apart: the postgres user must reach it
cp "$CARGO_TARGET_DIR/release/dedale-cli" "$work/dedale-cli"
cp "$CARGO_TARGET_DIR/release/examples/load" "$work/load"
mkdir -p "$work/web"

ralph_venv="$HOME/.cache/dedale/ralph-5.1.0"
if [ ! -x "$ralph_venv/bin/ralph" ]; then
  echo "== pip install ralph-malph 5.1.0" >&2
  python3 -m venv "$ralph_venv"
  "$ralph_venv/bin/pip" install -q "ralph-malph[cli,lrs,backends]==5.1.0"
fi

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$work" "$pg_dir"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() {
  for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "nothing answers at $1" >&2; return 1
}

echo "machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%d)"
echo "load: $learners learners × $per statements, one POST each"

# 1. dedale-cli serve, SQLite
port=$(free_port)
"$work/dedale-cli" serve --listen "127.0.0.1:$port" --dir "$work/web" --data "$work/sqlite" --key bench >/dev/null 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$port/xapi/about"
echo -n "dedale-cli serve, SQLite:     "
"$work/load" "http://127.0.0.1:$port/xapi/statements" atelier bench "$learners" "$per"
kill "${pids[-1]}"

# 2. dedale-cli serve, PostgreSQL (a throwaway server, Debian's defaults)
pg_url=$(scripts/postgres.sh start "$pg_dir" "$(free_port)")
port=$(free_port)
"$work/dedale-cli" serve --listen "127.0.0.1:$port" --dir "$work/web" --database "$pg_url" --key bench >/dev/null 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$port/xapi/about"
echo -n "dedale-cli serve, PostgreSQL: "
"$work/load" "http://127.0.0.1:$port/xapi/statements" atelier bench "$learners" "$per"
kill "${pids[-1]}"

# 3. Ralph 5.1.0, file-system backend
port=$(free_port)
RALPH_AUTH_FILE="$work/auth.json" "$ralph_venv/bin/ralph" auth -u bench -p bench -s all -A bench https://dedale.example -w >/dev/null
# scripts/ralph-lrs.py: `ralph runserver -b fs` without its one-write limit (see there).
RALPH_AUTH_FILE="$work/auth.json" "$ralph_venv/bin/python" scripts/ralph-lrs.py "$work/ralph" 127.0.0.1 "$port" >/dev/null 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$port/__heartbeat__"
echo -n "Ralph 5.1.0, fs backend, $learners × $ralph_per: "
"$work/load" "http://127.0.0.1:$port/xAPI/statements/" bench bench "$learners" "$ralph_per"
lines=$(cat "$work/ralph"/* | wc -l)
distinct=$(cat "$work/ralph"/* | python3 -c 'import sys, json; print(len({json.loads(l)["id"] for l in sys.stdin if l.strip()}))')
echo "Ralph's files: $lines statements written, $distinct distinct ids"
