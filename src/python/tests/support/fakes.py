"""`astro-triggers fakes` for the tests that need it (integration, README snippets, the package test): the five
stateful fakes of Astro.Triggers.Sdk.Testing, served on loopback by the .NET CLI, as the TypeScript integration tests
use them (src/typescript/test/integration/README.md).

Where they come from, in order:
  ASTRO_SKIP_INTEGRATION=1   none: the tests that need them skip (reported as skipped, never as passed);
  ASTRO_FAKES_JSON           the document a running `astro-triggers fakes --out` wrote, as text: fakes started by
                             someone else — .ci/python-test starts them outside the Debian 13 root folder, which has
                             no .NET but shares the network, and hands their URLs in this way;
  otherwise                  started here (`dotnet astro-triggers.dll fakes --fast --out <tmp>`; the CLI is built once
                             when missing) and stopped by its process handle at the end.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = next((p for p in Path(__file__).resolve().parents if (p / "Astro.Triggers.Sdk.sln").exists()), None)
CLI_PROJECT = REPO_ROOT / "src" / "Astro.Triggers.Cli" if REPO_ROOT else None
CLI_DLL = CLI_PROJECT / "bin" / "Release" / "net10.0" / "astro-triggers.dll" if CLI_PROJECT else None
DOTNET_ENV = {**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE": "1"}
START_TIMEOUT = 60.0
LOOPBACK = re.compile(r"^http://127\.0\.0\.1:\d+/?$")  # the admin route has no trailing slash since CLI 1.0
SKIP_REASON = "ASTRO_SKIP_INTEGRATION=1: the tests against astro-triggers fakes are skipped"


def skipped() -> bool:
    return os.environ.get("ASTRO_SKIP_INTEGRATION") == "1"


def _checked(document: dict[str, Any]) -> dict[str, Any]:
    urls = [document["admin"], *(s["baseUrl"] for s in document["services"].values())]
    for url in urls:
        if not LOOPBACK.match(url):
            raise RuntimeError(f"fakes: not on loopback: {url}")
    return document


class Fakes:
    """A running fakes process (ours, or the one ASTRO_FAKES_JSON describes); ``document`` is its JSON."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._folder: str | None = None
        given = os.environ.get("ASTRO_FAKES_JSON")
        if given:
            self.document = _checked(json.loads(given))
            return
        self.document = self._start()

    def _start(self) -> dict[str, Any]:
        if CLI_DLL is None or CLI_PROJECT is None:
            raise RuntimeError("fakes: no checkout around these tests (Astro.Triggers.Sdk.sln): set ASTRO_FAKES_JSON "
                               "or ASTRO_SKIP_INTEGRATION=1")
        if not CLI_DLL.exists():
            if shutil.which("dotnet") is None:
                raise RuntimeError("fakes: the tests run against `astro-triggers fakes`, which needs the .NET 10 SDK "
                                   "(`dotnet` was not found); install it, or set ASTRO_SKIP_INTEGRATION=1 to skip them")
            command = ["dotnet", "build", str(CLI_PROJECT), "-c", "Release", "--nologo", "-v", "quiet"]
            if shutil.which("flock"):
                command = ["flock", "/tmp/dotnet.lock", *command]  # builds are heavy; one at a time on the machine
            subprocess.run(command, cwd=REPO_ROOT, env=DOTNET_ENV, check=True, timeout=600)
        self._folder = tempfile.mkdtemp(prefix="astro-fakes-")
        out = Path(self._folder) / "fakes.json"
        self._process = subprocess.Popen(["dotnet", str(CLI_DLL), "fakes", "--fast", "--out", str(out)], cwd=self._folder,
                                         env=DOTNET_ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                if out.exists():
                    try:  # written whole once every fake listens; a read during the write parses badly, so retry
                        return _checked(json.loads(out.read_text(encoding="utf-8")))
                    except json.JSONDecodeError:
                        pass
                if self._process.poll() is not None:
                    raise RuntimeError(f"fakes: astro-triggers fakes exited {self._process.returncode}: "
                                       f"{self._process.stderr.read() if self._process.stderr else ''}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"fakes: astro-triggers fakes wrote no {out} within {START_TIMEOUT:.0f} s")
                time.sleep(0.05)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """SIGTERM (the CLI stops its fakes and exits), SIGKILL after 5 s; only a process this object started."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def service(self, name: str) -> dict[str, Any]:
        """``{baseUrl, apiKey, env}`` of one fake."""
        return dict(self.document["services"][name])

    def env(self, name: str, variable: str) -> str:
        value = self.document["services"][name]["env"].get(variable)
        if value is None:
            raise KeyError(f"the {name} fake describes no {variable}")
        return str(value)

    def admin(self, method: str, path: str, body: object = None) -> dict[str, Any]:
        """Calls the admin route (faults, failing runs); anything but 200 fails the test."""
        import httpx

        response = httpx.request(method, self.document["admin"].rstrip("/") + path, json=body, timeout=10)
        answer: dict[str, Any] = response.json()
        if response.status_code != 200:
            raise AssertionError(f"admin {method} {path}: {response.status_code} {answer}")
        return answer
