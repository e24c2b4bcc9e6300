#!/usr/bin/env bash
# Set everything up, then run the whole quality gate: lint, format, import
# layers, and the full test suite (slow and PostgreSQL suites included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"; ruff check . && ruff format --check .
echo "== import layers"; lint-imports
echo "== types"; mypy ingest nlp store reports api
echo "== tests"; pytest -q -p no:cacheprovider "$@"
