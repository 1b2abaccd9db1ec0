#!/usr/bin/env bash
# Install everything ExaDesk needs, then open the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/exadesk "$@"
