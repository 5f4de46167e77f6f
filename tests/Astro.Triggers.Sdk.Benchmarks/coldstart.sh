#!/usr/bin/env bash
# Cold start (issue 30): whole-process start to the first answered get, raw HttpClient vs the SDK (and the CLI tool),
# JIT and ReadyToRun, in paired rounds. Usage: bash tests/Astro.Triggers.Sdk.Benchmarks/coldstart.sh [rounds, default 20]
# On a shared machine, wrap only the builds in a lock (LOCK="flock /tmp/dotnet.lock"); the measurement runs unlocked.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/artifacts/coldstart"
lock=${LOCK:-}
rid=linux-x64
$lock dotnet build "$here" -c Release >/dev/null
publish() { $lock dotnet publish "$1" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/$2" >/dev/null; }
publish "$here/ColdStart/Raw" raw-r2r
publish "$here/ColdStart/Sdk" sdk-r2r
publish "$root/src/Astro.Triggers.Cli" cli-r2r
"$here/bin/Release/net10.0/Astro.Triggers.Sdk.Benchmarks" --coldstart "${1:-20}" "$out"
