"""The package as a user gets it (issue 29 §4): build the wheel and the sdist (scripts/build.sh), check what they
carry, install the wheel into a fresh `python -m venv --system-site-packages` (httpx comes from Debian's packages:
PyPI is unreachable here), type-check consumer scripts with mypy --strict and run them — the models, and the sync and
async clients against `astro-triggers fakes` (the .NET CLI; built once when missing).

Run on its own (`python3 -m pytest src/python/tests/package`); the rest of src/python/tests does not need it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PYTHON_DIR = HERE.parents[1]
ROOT = PYTHON_DIR.parents[1]
CLI_PROJECT = ROOT / "src" / "Astro.Triggers.Cli"
CLI_DLL = CLI_PROJECT / "bin" / "Release" / "net10.0" / "astro-triggers.dll"
DOTNET_ENV = {**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE": "1"}
GENERATED = ["_wire.py", "__init__.py", "agentset.py", "astropod.py", "mixpeek.py", "shipyard.py", "truefoundry.py"]


def run(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{' '.join(map(str, args))} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run("bash", PYTHON_DIR / "scripts" / "build.sh", out, env={**os.environ, "PYTHON": sys.executable})
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    env = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", "--system-site-packages", env)
    wheel = next(dist.glob("astro_triggers-*.whl"))
    # --no-index: everything the wheel needs must already be there (httpx from the system), nothing downloaded.
    run(env / "bin" / "python", "-m", "pip", "install", "--no-index", "--disable-pip-version-check", "--quiet", wheel)
    return env


@pytest.fixture(scope="module")
def consumers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Outside the checkout, so nothing imports src/astro_triggers by accident.
    folder = tmp_path_factory.mktemp("consumer")
    for name in ("consumer_models.py", "consumer_sync.py", "consumer_async.py"):
        shutil.copy(HERE / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def fakes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    if os.environ.get("ASTRO_SKIP_INTEGRATION") == "1":
        pytest.skip("ASTRO_SKIP_INTEGRATION=1: no astro-triggers fakes")
    if not CLI_DLL.exists():
        run("flock", "/tmp/dotnet.lock", "dotnet", "build", CLI_PROJECT, "-c", "Release", "--nologo", "-v", "quiet", cwd=ROOT, env=DOTNET_ENV)
    folder = tmp_path_factory.mktemp("fakes")
    out = folder / "fakes.json"
    child = subprocess.Popen(["dotnet", str(CLI_DLL), "fakes", "--fast", "--out", str(out)], cwd=folder, env=DOTNET_ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not out.exists():
            if child.poll() is not None:
                raise AssertionError(f"astro-triggers fakes exited {child.returncode}: {child.stderr.read() if child.stderr else ''}")
            if time.monotonic() > deadline:
                raise AssertionError("astro-triggers fakes did not start within 60 s")
            time.sleep(0.1)
        time.sleep(0.1)  # the file is written whole once every fake listens; let the writer finish
        yield json.loads(out.read_text())
    finally:
        child.terminate()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()


def test_the_wheel_carries_the_generated_models_and_py_typed(dist: Path) -> None:
    wheel = next(dist.glob("astro_triggers-*-py3-none-any.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "astro_triggers/py.typed" in names
    for module in GENERATED:
        assert f"astro_triggers/_generated/{module}" in names, sorted(names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "Requires-Python: >=3.11" in metadata
    assert "Requires-Dist: httpx<1,>=0.23" in metadata or "Requires-Dist: httpx>=0.23,<1" in metadata, metadata
    assert "Provides-Extra: brotli" in metadata
    requirements = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert len(requirements) == 1, requirements


def test_the_sdist_carries_the_generated_models_and_builds_without_the_generator(dist: Path, tmp_path: Path) -> None:
    sdist = next(dist.glob("astro_triggers-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
        root = next(iter(names)).split("/")[0]
        for module in GENERATED:
            assert f"{root}/src/astro_triggers/_generated/{module}" in names, sorted(names)
        archive.extractall(tmp_path)
    # A wheel from the sdist alone (no openapi/, no .NET): what a user's `pip install astro-triggers-*.tar.gz` does.
    args = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp_path / "wheel", tmp_path / root]
    if subprocess.run([sys.executable, "-c", "import editables"], capture_output=True, check=False).returncode != 0:
        args.append("--skip-dependency-check")
    run(*args)
    assert any((tmp_path / "wheel").glob("astro_triggers-*.whl"))


def test_the_installed_package_is_the_wheel_not_the_checkout(venv: Path, consumers: Path) -> None:
    result = run(venv / "bin" / "python", "-c", "import astro_triggers._generated.agentset as a; print(a.__file__)", cwd=consumers)
    assert result.stdout.strip().startswith(str(venv)), result.stdout


def test_a_consumer_of_the_models_type_checks_strictly_and_runs(venv: Path, consumers: Path) -> None:
    run(venv / "bin" / "python", "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, "consumer_models.py", cwd=consumers)
    result = run(venv / "bin" / "python", "consumer_models.py", cwd=consumers)
    assert result.stdout.strip() == "models: job_1 hi succeeded"


def has_clients(venv: Path) -> bool:
    probe = subprocess.run([str(venv / "bin" / "python"), "-c", "from astro_triggers import AgentsetClient, AsyncAgentsetClient"],
                           capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.parametrize("script", ["consumer_sync.py", "consumer_async.py"])
def test_a_consumer_of_the_client_type_checks_strictly_and_runs_against_the_fakes(
    venv: Path, consumers: Path, request: pytest.FixtureRequest, script: str
) -> None:
    if not has_clients(venv):
        pytest.skip("the wheel has no AgentsetClient yet (the client lands from branch py-runtime)")
    # Only now: starting the fakes may first build the .NET CLI.
    fakes: dict[str, object] = request.getfixturevalue("fakes")
    run(venv / "bin" / "python", "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, script, cwd=consumers)
    services = fakes["services"]
    assert isinstance(services, dict)
    env = {**os.environ, **services["agentset"]["env"]}
    result = run(venv / "bin" / "python", script, cwd=consumers, env=env)
    assert "started and completed" in result.stdout
