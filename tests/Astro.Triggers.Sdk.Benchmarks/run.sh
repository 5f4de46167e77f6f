#!/usr/bin/env bash
# Runs the BenchmarkDotNet suite as a short job and writes docs/benchmarks.md (results + memory checks + machine).
# Usage: bash tests/Astro.Triggers.Sdk.Benchmarks/run.sh [extra BenchmarkDotNet args, e.g. --filter '*Agentset*']
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
artifacts="$root/artifacts/benchmarks"
out="$root/docs/benchmarks.md"
mkdir -p "$root/docs"

cd "$here"
dotnet build -c Release >/dev/null
# REPORT_ONLY=1 rewrites docs/benchmarks.md from the results already in artifacts/benchmarks (e.g. after a --filter run,
# or after editing analysis.md).
if [ "${REPORT_ONLY:-0}" != 1 ]; then
  [ "$#" -gt 0 ] || rm -rf "$artifacts"
  [ "$#" -gt 0 ] || set -- --filter '*'
  dotnet run -c Release --no-build -- --job short --memory --exporters github --artifacts "$artifacts" "$@"
fi
# Each mode's output is kept in artifacts/benchmarks/<mode>.md: REPORT_ONLY=1 reuses them all (only the analysis is new);
# CHECKS=0 / PACING=0 / STARTMANY=0 / WAITS=0 / COMPRESSION=0 skip one mode and reuse its last output (none after a full run's cleanup).
mkdir -p "$artifacts"
mode() { # mode NAME FLAG SKIP-VARIABLE
  local file="$artifacts/$1.md"
  if [ "${REPORT_ONLY:-0}" = 1 ] || [ "${!3:-1}" = 0 ]; then
    if [ -f "$file" ]; then cat "$file"; fi
  else
    dotnet run -c Release --no-build -- "$2" | tee "$file"
  fi
}
checks="$(mode checks --checks CHECKS)"
# The bulk rate-limit run (issue 18 #1): real loopback HTTP against the Agentset fake, ~1 min.
pacing="$(mode pacing --pacing PACING)"
# Issue 31: 2,000 jobs started exactly once under ambiguous faults, against the Agentset fake's enforced limit, ~1 min.
startmany="$(mode startmany --startmany STARTMANY)"
# The poll schedules of WaitForCompletionAsync (issue 18 #3): the Agentset and TrueFoundry fakes in virtual time over
# loopback HTTP, ~40 s.
waits="$(mode waits --waits WAITS)"
# Bytes on the wire per 100-item page with the fakes compressing (issue 18 #4), ~10 s.
compression="$(mode compression --compression COMPRESSION)"
# BenchmarkDotNet's per-job build passes an absolute ArtifactsPath that lands, leading slash dropped, under the
# referenced project's folder (src/Astro.Triggers.Sdk/work/...); its generated sources would then be compiled twice.
rm -rf "$root/src/Astro.Triggers.Sdk/${root#/}" "$root/src/Astro.Triggers.Sdk/$(echo "${root#/}" | cut -d/ -f1)"

{
  echo "# Benchmarks"
  echo
  echo "Written by \`tests/Astro.Triggers.Sdk.Benchmarks/run.sh\` on $(date -u +%Y-%m-%d) — BenchmarkDotNet \`--job short\` (3 warm-ups, 3 iterations: indicative, ±10% between runs on a shared machine)."
  echo "Every variant of a benchmark calls through the same in-memory \`HttpMessageHandler\` returning canned bytes; ratios are to the raw"
  echo "\`HttpClient\` + \`System.Net.Http.Json\` baseline (source-generated context) in the same run. \`CompressionBenchmarks\` instead reads"
  echo "one page through the SDK from a loopback server of precompressed bytes (the SocketsHttpHandler decodes), ratios to identity."
  echo "The \`--pacing\`, \`--waits\` and \`--compression\` sections run against the fakes over loopback HTTP. Targets and analysis: see the end."
  echo
  echo "## Machine"
  echo
  echo '```'
  echo "$(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo ".NET SDK $(dotnet --version)"
  echo '```'
  for report in "$artifacts"/results/*-report-github.md; do
    echo
    echo "## $(basename "$report" -report-github.md | sed 's/.*\.//')"
    echo
    sed -n '/^|/,$p' "$report"
  done
  echo
  echo "## Memory checks (\`--checks\`)"
  echo
  echo "$checks"
  if [ -n "$pacing" ]; then
    echo
    echo "## Bulk work at the service's rate limit (\`--pacing\`)"
    echo
    echo "$pacing"
  fi
  if [ -n "$startmany" ]; then
    echo
    echo "## Starting many, exactly once (\`--startmany\`)"
    echo
    echo "$startmany"
  fi
  if [ -n "$waits" ]; then
    echo
    echo "## Waiting for a run to end (\`--waits\`)"
    echo
    echo "$waits"
  fi
  if [ -n "$compression" ]; then
    echo
    echo "## Bytes on the wire (\`--compression\`)"
    echo
    echo "$compression"
  fi
  if [ -f "$here/analysis.md" ]; then
    echo
    cat "$here/analysis.md"
  fi
  # The Python client's per-call cost is measured by its own bench (src/python/bench), written up beside it.
  if [ -f "$root/src/python/bench/results.md" ]; then
    echo
    cat "$root/src/python/bench/results.md"
  fi
} > "$out"
echo "wrote $out"
