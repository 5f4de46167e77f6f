"""The package as a user gets it (issue 29 §4): build the wheel and the sdist (scripts/build.sh), check what they
carry, install the wheel into a fresh `python -m venv --system-site-packages` (httpx comes from Debian's packages:
PyPI is unreachable here), type-check consumer scripts with mypy --strict and run them — the models, and the sync and
async clients against `astro-triggers fakes` (the session's `fakes` fixture, tests/conftest.py: started here, built
once when missing, or handed in with ASTRO_FAKES_JSON).

Run on its own (`python3 -m pytest src/python/tests/package`); the rest of src/python/tests does not need it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from ..support.fakes import Fakes

HERE = Path(__file__).resolve().parent
PYTHON_DIR = HERE.parents[1]
ROOT = PYTHON_DIR.parents[1]
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


def test_the_wheel_carries_the_generated_models_and_py_typed(dist: Path) -> None:
    wheel = next(dist.glob("astro_triggers-*-py3-none-any.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "astro_triggers/py.typed" in names
    license_file = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/license_files/LICENSE"))
    assert zipfile.ZipFile(wheel).read(license_file) == (ROOT / "LICENSE").read_bytes()
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
        member = archive.getmember(f"{root}/LICENSE")
        assert member.isfile(), "LICENSE must travel as a file, not a link"
        license_file = archive.extractfile(member)
        assert license_file is not None and license_file.read() == (ROOT / "LICENSE").read_bytes()
        # The "data" filter where the interpreter has it (3.11.4+; Debian 12's 3.11.2 does not, 3.14 makes it the default).
        archive.extractall(tmp_path, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
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


@pytest.mark.parametrize("script", ["consumer_sync.py", "consumer_async.py"])
def test_a_consumer_of_the_client_type_checks_strictly_and_runs_against_the_fakes(
    venv: Path, consumers: Path, fakes: Fakes, script: str
) -> None:
    run(venv / "bin" / "python", "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, script, cwd=consumers)
    env = {**os.environ, **fakes.service("agentset")["env"]}
    result = run(venv / "bin" / "python", script, cwd=consumers, env=env)
    assert "started and completed" in result.stdout
