#!/usr/bin/env bash
# Runs the whole test suite. Starts a throwaway PostgreSQL server on 127.0.0.1 for the
# store tests (scripts/pg_start.sh installs Debian's postgresql package if it is missing)
# and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${EVENTWIRE_TEST_PG_URL:-}" ]; then
  PG_DIR="$(mktemp -d /tmp/eventwire-pg-XXXXXX)"
  EVENTWIRE_TEST_PG_URL="$(bash scripts/pg_start.sh "$PG_DIR")"
  export EVENTWIRE_TEST_PG_URL
  trap 'bash scripts/pg_stop.sh "$PG_DIR" >/dev/null 2>&1 || true' EXIT
fi
.venv/bin/python -m pytest "$@"
