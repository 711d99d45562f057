#!/usr/bin/env bash
# Set up (if needed) and run the demo: a sandbox Open Dental practice day, scanned and prompted.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/medlane demo "$@"
