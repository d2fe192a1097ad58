#!/usr/bin/env bash
# Adds a migration with the same name for both providers and refreshes the SQL Server script.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <Name>}
dotnet tool restore >/dev/null
dotnet build SmartCity.Portal.sln -c Release -nologo -v quiet
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --no-build --configuration Release --output-dir Migrations \
    --project "src/SmartCity.Portal.Migrations.$provider" --startup-project "src/SmartCity.Portal.Migrations.$provider"
done
dotnet build SmartCity.Portal.sln -c Release -nologo -v quiet
scripts/sqlserver-script.sh
