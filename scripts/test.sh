#!/usr/bin/env bash
# Runs the whole test suite. Starts a throwaway PostgreSQL server on 127.0.0.1 for the
# store tests (scripts/pg_start.sh installs Debian's postgresql if it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${EVENTWIRE_TEST_PG_URL:-}" ] && [ -x scripts/pg_start.sh ]; then
  EVENTWIRE_TEST_PG_URL="$(bash scripts/pg_start.sh)"
  export EVENTWIRE_TEST_PG_URL
  trap 'bash scripts/pg_stop.sh >/dev/null 2>&1 || true' EXIT
fi
.venv/bin/python -m pytest "$@"
