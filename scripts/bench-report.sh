#!/usr/bin/env bash
# Times `dedale-cli report` on generated sessions (1 million events by default)
# against sqlite3 running the equivalent GROUP BY queries on the same data
# (the CSV export of the same sessions). Not run by CI: see docs/benchmarks.md.
#
#   scripts/bench-report.sh            # 1 000 000 events
#   EVENTS=200000 scripts/bench-report.sh
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS="${EVENTS:-1000000}"
RUNS="${RUNS:-3}"
TARGET="${CARGO_TARGET_DIR:-target}"

if ! command -v sqlite3 >/dev/null; then
  echo "== installing sqlite3 (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null
fi

echo "== cargo build --release -p dedale-cli"
nice cargo build --release -p dedale-cli --quiet
bin="$TARGET/release/dedale-cli"

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
"$bin" generate-sessions scenarios/rsa-mesallocs.ron --events "$EVENTS" --output "$dir/sessions.jsonl"
"$bin" export "$dir/sessions.jsonl" --format csv --comma --output "$dir/events.csv"
echo "sessions.jsonl: $(du -h "$dir/sessions.jsonl" | cut -f1), events.csv: $(du -h "$dir/events.csv" | cut -f1), $(($(wc -l <"$dir/events.csv") - 1)) events"

# Median of RUNS wall-clock timings of a command, in seconds.
timed() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk "BEGIN { print $end - $start }")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

import() {
  rm -f "$dir/events.db"
  sqlite3 "$dir/events.db" ".import --csv $dir/events.csv events"
}
queries() { sqlite3 "$dir/events.db" <scripts/bench-report.sql; }

report_text=$(timed "$bin" report "$dir/sessions.jsonl")
report_html=$(timed "$bin" report "$dir/sessions.jsonl" --format html)
sqlite_import=$(timed import)
sqlite_queries=$(timed queries)
sqlite_total=$(awk "BEGIN { print $sqlite_import + $sqlite_queries }")

echo
echo "== median of $RUNS runs, $EVENTS events ($(date +%F), $(nproc) cores)"
printf '%-46s %8.2f s\n' "dedale-cli report (text), JSON Lines → report" "$report_text"
printf '%-46s %8.2f s\n' "dedale-cli report --format html" "$report_html"
printf '%-46s %8.2f s\n' "sqlite3: .import of the CSV" "$sqlite_import"
printf '%-46s %8.2f s\n' "sqlite3: GROUP BY queries (already imported)" "$sqlite_queries"
printf '%-46s %8.2f s\n' "sqlite3: import + queries" "$sqlite_total"
