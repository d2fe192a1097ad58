#!/usr/bin/env bash
# Account administration from the command line: today the first administrator of a fresh install.
# Usage: scripts/admin.sh create --user <name> --display-name <Thai name> [--email <e-mail>] [--entra-upn <upn>] [--force]
#                            [--Storage:DataDirectory=<folder>] [--Database:Provider=SqlServer --Database:ConnectionString=...]
# Runs the portal's own command (dotnet SmartCity.Portal.Web.dll admin ...), so a production image does the same with
#   docker exec <container> dotnet SmartCity.Portal.Web.dll admin create --user ... --display-name ...
# Settings come as for the portal: arguments like --Storage:DataDirectory=, environment variables (Storage__DataDirectory),
# appsettings.<Environment>.json. The environment is ASPNETCORE_ENVIRONMENT (Production when unset). A relative data folder
# is taken from the web project's folder, as scripts/run.sh does. Prints "set-password: <URL>" in Local mode.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
project="$repo/src/SmartCity.Portal.Web"
dll="$project/bin/Release/net10.0/SmartCity.Portal.Web.dll"
if [ ! -f "$dll" ]; then
  dotnet build "$project" -c Release -nologo -v quiet >&2
fi
exec dotnet "$dll" admin "$@" --contentRoot "$project"
