#!/usr/bin/env bash
# Builds the web version and serves it on http://127.0.0.1:8080 (or --port N).
set -euo pipefail
cd "$(dirname "$0")/.."
port=8080
[ "${1:-}" = "--port" ] && port="${2:-8080}"
web/build.sh ${NO_OPT:+--no-opt}
exec python3 web/serve.py --port "$port" --dir web/dist
