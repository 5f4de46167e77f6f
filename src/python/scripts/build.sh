#!/usr/bin/env bash
# Builds the wheel and the sdist into dist/ (or $1): generates the models, copies LICENSE in, then `python -m build` without isolation
# (PyPI is not reachable here: the backend, hatchling, comes from Debian's python3-hatchling).
# PYTHON picks the interpreter (default /usr/bin/python3, Debian's, which has the python3-* packages).
set -euo pipefail
python_dir="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$python_dir/dist}"
py="${PYTHON:-/usr/bin/python3}"
if command -v dotnet >/dev/null; then
  bash "$python_dir/scripts/generate.sh" >/dev/null
elif [ ! -f "$python_dir/src/astro_triggers/_generated/_wire.py" ]; then
  echo "build.sh: no .NET SDK to generate the models, and none generated (src/astro_triggers/_generated)" >&2; exit 1
fi  # else: models generated outside (.ci/python-test's Debian 13 root folder has no .NET)
# The repository's LICENSE, as a file of the project: hatchling puts a root LICENSE into the wheel's dist-info and the
# sdist lists it, but neither reaches outside the project folder (a symlink would travel into the sdist dangling).
cp "$python_dir/../../LICENSE" "$python_dir/LICENSE"
args=(--no-isolation --outdir "$out")
# Debian 12's hatchling asks for `editables`, which Debian 12 does not package; nothing here builds editable wheels.
"$py" -c 'import editables' 2>/dev/null || args+=(--skip-dependency-check)
cd "$python_dir"
"$py" -m build "${args[@]}" .
