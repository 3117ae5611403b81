#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and the load script, from
# Debian's packages (installed if missing). Its data lives in DIR only.
#
#   scripts/postgres.sh start DIR [PORT]   prints the server's URL
#   scripts/postgres.sh stop DIR
#
# As root (CI), the server runs as the `postgres` user, since PostgreSQL
# refuses to run as root; DIR must then be reachable by that user (/tmp is).
set -euo pipefail
action="${1:-}"; dir="${2:-}"; port="${3:-55432}"
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "usage: scripts/postgres.sh start|stop DIR [PORT]" >&2; exit 2
fi
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "== apt-get install postgresql" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    chmod 700 "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir" -A trust -U postgres -E UTF8 >/dev/null
    fi
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    ;;
  *) echo "usage: scripts/postgres.sh start|stop DIR [PORT]" >&2; exit 2 ;;
esac
