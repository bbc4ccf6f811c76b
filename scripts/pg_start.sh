#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for eventwire's tests and print its URL.
#
#   scripts/pg_start.sh [DIR]      # DIR defaults to $EVENTWIRE_PG_DIR or /tmp/eventwire-pg
#
# Idempotent: when a cluster is already running in DIR, it only prints its URL.
# Installs the Debian package "postgresql" with apt-get when no server binaries are found
# (needs root). The server listens on 127.0.0.1 only, on a free port (or $EVENTWIRE_PG_PORT),
# trusts local connections and keeps everything inside DIR; stop it with scripts/pg_stop.sh.
# PostgreSQL refuses to run as root, so as root the cluster is run as the "postgres" user.
# Progress messages go to stderr; stdout carries only the URL.
set -euo pipefail

DIR="${1:-${EVENTWIRE_PG_DIR:-/tmp/eventwire-pg}}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
DATA="$DIR/data"
say() { echo "pg_start: $*" >&2; }

find_bin() {
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$d" && -x "$d/pg_ctl" && -x "$d/initdb" ]]; then
        echo "$d"
    fi
}

BIN="$(find_bin)"
if [[ -z "$BIN" ]]; then
    if [[ "$(id -u)" != 0 ]]; then
        say "PostgreSQL server binaries not found and not root: install the Debian package 'postgresql'"
        exit 1
    fi
    say "installing postgresql with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN="$(find_bin)"
    if [[ -z "$BIN" ]]; then
        say "postgresql installed but no server binaries under /usr/lib/postgresql"
        exit 1
    fi
fi

# as root, run the server as the postgres user
if [[ "$(id -u)" == 0 ]]; then
    RUN_USER=postgres
    as_user() { runuser -u "$RUN_USER" -- "$@"; }
else
    RUN_USER="$(id -un)"
    as_user() { "$@"; }
fi

if [[ -f "$DIR/url" ]] && as_user "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    cat "$DIR/url"
    exit 0
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
    rm -rf "$DATA"
    mkdir -p "$DATA"
    chown -R "$RUN_USER" "$DIR"
    chmod 700 "$DATA"
    say "initdb in $DATA"
    as_user "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || as_user "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; exit 1; }
fi
chown -R "$RUN_USER" "$DIR"

PORT="${EVENTWIRE_PG_PORT:-}"
if [[ -z "$PORT" ]]; then
    for candidate in $(seq 55432 55531); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            PORT="$candidate"
            break
        fi
    done
fi
if [[ -z "$PORT" ]]; then
    say "no free port in 55432-55531; set EVENTWIRE_PG_PORT"
    exit 1
fi

say "starting PostgreSQL ($BIN) on 127.0.0.1:$PORT"
as_user "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
    >&2 || { tail -n 30 "$DIR/server.log" >&2; exit 1; }

URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "$URL" >"$DIR/url"
echo "$URL"
