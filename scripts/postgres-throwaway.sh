#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 in a temporary data directory and prints the lines to source:
#   pg_env=$(scripts/postgres-throwaway.sh start) && eval "$pg_env"   ...   scripts/postgres-throwaway.sh stop "$WAYMARK_PG_DIR"
set -euo pipefail
PORT=${WAYMARK_PG_PORT:-55432}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$(printf '%q ' "$@")"; else "$@"; fi
}

case "${1:-}" in
  start)
    DIR=$(mktemp -d /tmp/waymark-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_postgres "$BIN/initdb" -D "$DIR/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >"$DIR/init.log" 2>&1
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
    psql -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE ROLE waymark LOGIN CREATEDB PASSWORD 'waymark'" >&2
    psql -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE DATABASE waymark OWNER waymark" >&2
    echo "export WAYMARK_PG_DIR=$DIR"
    echo "export WAYMARK_TEST_POSTGRES_URL=postgres://waymark:waymark@127.0.0.1:$PORT/waymark"
    ;;
  stop)
    DIR=${2:?data directory}
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
