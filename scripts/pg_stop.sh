#!/usr/bin/env bash
# Stop the throwaway PostgreSQL cluster started by scripts/pg_start.sh and remove its folder.
#
#   scripts/pg_stop.sh [DIR] [--keep]   # DIR defaults to $EVENTWIRE_PG_DIR or /tmp/eventwire-pg
set -euo pipefail

DIR="${1:-${EVENTWIRE_PG_DIR:-/tmp/eventwire-pg}}"
KEEP="${2:-}"
DATA="$DIR/data"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"

if [[ -n "$BIN" && -f "$DATA/PG_VERSION" ]]; then
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
    else
        "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
    fi
fi
if [[ "$KEEP" != "--keep" && -d "$DIR" ]]; then
    rm -rf "$DIR"
fi
