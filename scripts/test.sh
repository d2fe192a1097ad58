#!/usr/bin/env bash
# Runs every test of SmartCity.Portal: schema gates, Core, Web and the Playwright journeys in
# real Chromium. Installs what the tests need when it is missing (Debian's chromium as root).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Chromium for the Playwright journeys"
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version || true
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-thai-tlwg >/dev/null
  /usr/bin/chromium --version
else
  echo "Chromium is missing. Install Debian's package first:  sudo apt-get install -y chromium" >&2
  echo "(Playwright drives /usr/bin/chromium; 'playwright install' is never used.)" >&2
  exit 1
fi

step "Local tools (dotnet-ef, see dotnet-tools.json)"
dotnet tool restore

step "Build"
dotnet build SmartCity.Portal.sln -c Release -nologo -v quiet

step "Schema gates: no pending model changes for either provider"
for provider in Sqlite SqlServer; do
  dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
    --project "src/SmartCity.Portal.Migrations.$provider" --startup-project "src/SmartCity.Portal.Migrations.$provider"
done

step "Schema gates: deploy/sql idempotent script is current"
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
scripts/sqlserver-script.sh "$fresh" >/dev/null
if ! diff -q <(tr -d '\r' < "$fresh") <(tr -d '\r' < deploy/sql/SmartCity.Portal.SqlServer.idempotent.sql) >/dev/null; then
  echo "deploy/sql/SmartCity.Portal.SqlServer.idempotent.sql is stale: run scripts/sqlserver-script.sh and commit it." >&2
  diff <(tr -d '\r' < "$fresh") <(tr -d '\r' < deploy/sql/SmartCity.Portal.SqlServer.idempotent.sql) | head -20 >&2
  exit 1
fi
echo "current"

step "Tests"
log=$(mktemp)
set +e
dotnet test SmartCity.Portal.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" | grep -vE '^\s*(Passed|Skipped) [A-Za-z]' 
status=${PIPESTATUS[0]}
# Totals over the three test assemblies (a runner prints no Skipped line when none were).
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
set -e
echo
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
