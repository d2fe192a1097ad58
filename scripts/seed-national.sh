#!/usr/bin/env bash
# Creates (or extends) a SQLite database with the synthetic national data set for measuring:
# migrations, org tree, demo data and accounts, then ~2,470 synthetic municipalities with a year
# of submissions, registers and dispatches (docs/decisions/0008-synthetic-national-data.md).
# Runs the web project once in Development with Seed:National and Seed:ExitAfterSeeding, so the
# data is exactly what the app itself would seed. Idempotent: a second run adds nothing.
# Usage: scripts/seed-national.sh [data-dir]   (default: src/SmartCity.Portal.Web/data, what scripts/run.sh uses)
# Then:  scripts/run.sh --Seed:National=true   (or plain scripts/run.sh: the rows stay in the file)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-src/SmartCity.Portal.Web/data}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
ASPNETCORE_ENVIRONMENT=Development dotnet run --project src/SmartCity.Portal.Web -c Release --no-launch-profile -- \
  --Seed:Demo=true --Seed:National=true --Seed:ExitAfterSeeding=true "--Storage:DataDirectory=$dir"
echo "Synthetic national data set in $dir/portal.db"
