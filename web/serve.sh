#!/usr/bin/env bash
# Builds the web version and serves it with `dedale-cli serve` on
# http://127.0.0.1:8080 (or --port N); other arguments go to `serve`
# (--listen 0.0.0.0:8080 opens it to the room, --key, --data, --database…).
set -euo pipefail
cd "$(dirname "$0")/.."
port=8080
if [ "${1:-}" = "--port" ]; then port="${2:-8080}"; shift 2 || shift $#; fi
web/build.sh ${NO_OPT:+--no-opt}
exec cargo run -q -p dedale-cli --release -- serve --listen "127.0.0.1:$port" --dir web/dist "$@"
