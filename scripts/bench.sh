#!/usr/bin/env bash
# Seeds a fresh SQLite file (migrations, org tree, demo, synthetic national set) in a temp folder
# and prints the benchmark figures as a Markdown table (see docs/benchmarks.md).
# Usage: scripts/bench.sh [--keep]   (--keep leaves the database and prints its path)
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project bench/SmartCity.Portal.Benchmarks -c Release -- "$@"
