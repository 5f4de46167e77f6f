#!/usr/bin/env bash
# Generates src/astro_triggers/_generated/ (never committed) from ../../openapi/*.yaml with the project's generator
# (src/Astro.Triggers.Sdk.Generator, Python mode; src/python/README-generated.md says what it writes). Needs the .NET
# SDK. Builds the generator (Release) when its output is missing or older than its sources.
set -euo pipefail
python_dir="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$python_dir/../.." && pwd)"
project="$root/src/Astro.Triggers.Sdk.Generator"
dll="$project/bin/Release/net10.0/Astro.Triggers.Sdk.Generator.dll"
out="$python_dir/src/astro_triggers/_generated"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -f "$dll" ] || [ -n "$(find "$project" \( -name '*.cs' -o -name '*.py' -o -name '*.csproj' \) -newer "$dll" -not -path '*/obj/*' -not -path '*/bin/*' | head -1)" ]; then
  # Other builds may run on this machine at the same time; one dotnet build at a time where flock exists.
  lock=(); command -v flock >/dev/null && lock=(flock /tmp/dotnet.lock)
  "${lock[@]}" dotnet build "$project" -c Release --nologo -v quiet >&2
fi
# Started afresh, so a module of a removed document cannot outlive it.
rm -rf "$out"
dotnet "$dll" --lang python --out "$out" "$root"/openapi/*.yaml
