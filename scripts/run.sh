#!/usr/bin/env bash
# Runs the portal on its embedded default: SQLite under src/SmartCity.Portal.Web/data, local
# accounts, demo data. Prints the address and the demo sign-in when it is ready.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project src/SmartCity.Portal.Web --launch-profile http "$@"
