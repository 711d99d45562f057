#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite. PostgreSQL (127.0.0.1:5432) and Redis
# (127.0.0.1:6379) are used when they answer; their tests skip with a message otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
# pytest exits 5 when it collected no test: that is a broken suite, not a pass.
if [ "$status" -eq 5 ]; then
  echo "No tests were collected." >&2
  exit 1
fi
exit "$status"
