#!/usr/bin/env bash
# Set everything up, ingest the bundled corpora into the embedded SQLite
# database (./policyscope.db) and print the extracted targets.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

policyscope ingest corpora/seed corpora/real corpora/real-docx
policyscope quantities --kind target --format table
