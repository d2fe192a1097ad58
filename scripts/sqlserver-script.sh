#!/usr/bin/env bash
# Writes the idempotent SQL Server script (all migrations, safe to re-run) that DBAs apply.
# Usage: scripts/sqlserver-script.sh [output]   (default: deploy/sql/SmartCity.Portal.SqlServer.idempotent.sql)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-deploy/sql/SmartCity.Portal.SqlServer.idempotent.sql}
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --configuration Release \
  --project src/SmartCity.Portal.Migrations.SqlServer --startup-project src/SmartCity.Portal.Migrations.SqlServer \
  --output "$out"
