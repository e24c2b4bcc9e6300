#!/usr/bin/env bash
# Start a throw-away PostgreSQL 15 on 127.0.0.1 for tests and print its SQLAlchemy URL.
#
#   scripts/start-postgres.sh [DIR]      initdb into DIR (default: a new temp dir), start on a
#                                        free port, print postgresql+psycopg://... on stdout
#   scripts/start-postgres.sh --stop DIR stop that server and delete DIR
#
# The server listens on 127.0.0.1 only, with trust auth and its socket inside DIR.
# Run as root, it initialises and runs the cluster as the `postgres` user.
set -euo pipefail

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  for d in /usr/lib/postgresql/*/bin; do
    if [[ -x "$d/initdb" ]]; then echo "$d"; return; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "start-postgres: no PostgreSQL binaries (initdb) found; apt-get install postgresql" >&2
  exit 2
}

as_owner() {
  # postgres refuses to run as root: drop to the postgres user when we are root
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

BIN="$(find_bin)"

if [[ "${1:-}" == "--stop" ]]; then
  DIR="${2:?usage: start-postgres.sh --stop DIR}"
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  exit 0
fi

DIR="${1:-$(mktemp -d /tmp/policyscope-pg.XXXXXX)}"
mkdir -p "$DIR"
if [[ "$(id -u)" == 0 ]]; then chown postgres "$DIR"; fi
chmod 700 "$DIR"

as_owner "$BIN/initdb" -D "$DIR/data" -E UTF8 --locale=C.UTF-8 -U postgres -A trust >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }

# a port can be taken between choosing and binding it: try a few
for _ in 1 2 3 4 5; do
  PORT="$(free_port)"
  if as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null 2>&1; then
    echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
    echo "start-postgres: data in $DIR; stop with: $0 --stop $DIR" >&2
    exit 0
  fi
done
cat "$DIR/server.log" >&2
exit 1
