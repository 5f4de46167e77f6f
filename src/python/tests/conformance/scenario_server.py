"""The suite's scripted loopback server (tests/Astro.Triggers.Conformance.Server), run as ``dotnet <dll>`` and spoken
to in JSON lines over stdin/stdout (tests/conformance/README.md, "Scenarios"): the same bytes every language's runner
gets. Built once (Release) when its output is missing, under the machine's dotnet lock.

With ASTRO_SCENARIO_SERVER=<host>:<port> the runner starts nothing: it connects to serve_scenarios.py, which runs the
same server outside (where .NET is, e.g. outside .ci/python-test's Debian 13 root folder) and relays the protocol."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path
from queue import Empty, Queue
from typing import Any

from .suite import CONFORMANCE, REPO_ROOT

PROJECT = REPO_ROOT / "tests" / "Astro.Triggers.Conformance.Server"
DLL = PROJECT / "bin" / "Release" / "net10.0" / "Astro.Triggers.Conformance.Server.dll"
_ENV = {**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE": "1"}


def build_if_missing() -> None:
    """Builds the server when its dll is missing (``flock /tmp/dotnet.lock`` when flock exists: builds are heavy)."""
    if DLL.exists():
        return
    command = ["dotnet", "build", str(PROJECT), "-c", "Release", "--nologo", "-v", "quiet"]
    if shutil.which("flock"):
        command = ["flock", "/tmp/dotnet.lock", *command]
    subprocess.run(command, cwd=REPO_ROOT, env=_ENV, check=True, timeout=600)


def server_command() -> list[str]:
    return ["dotnet", str(DLL), str(CONFORMANCE / "scenarios")]


class ScenarioServer:
    """One server process; ``begin`` starts a listener for a scenario, ``report`` stops it and answers what it saw."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._socket: socket.socket | None = None
        remote = os.environ.get("ASTRO_SCENARIO_SERVER")
        if remote:
            host, _, port = remote.rpartition(":")
            self._socket = socket.create_connection((host, int(port)), timeout=30)
            self._socket.settimeout(None)
            self._stdin = self._socket.makefile("w", encoding="utf-8", newline="\n")
            self._stdout = self._socket.makefile("r", encoding="utf-8", newline="\n")
        else:
            build_if_missing()
            self._process = subprocess.Popen(server_command(), env=_ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.DEVNULL, text=True, bufsize=1)
            assert self._process.stdin is not None and self._process.stdout is not None
            self._stdin, self._stdout = self._process.stdin, self._process.stdout
        self._lines: Queue[dict[str, Any]] = Queue()
        threading.Thread(target=self._read, daemon=True).start()
        ready = self._next(60)
        if ready.get("ready") is not True:
            raise RuntimeError(f"scenarios: the server did not start: {ready}")

    def _read(self) -> None:
        for line in self._stdout:
            if line.strip():
                self._lines.put(json.loads(line))

    def _next(self, timeout: float) -> dict[str, Any]:
        try:
            return self._lines.get(timeout=timeout)
        except Empty:
            raise RuntimeError(f"scenarios: no answer from the server within {timeout} s") from None

    def _send(self, command: dict[str, Any]) -> dict[str, Any]:
        self._stdin.write(json.dumps(command) + "\n")
        self._stdin.flush()
        return self._next(30)

    def begin(self, scenario_id: str) -> tuple[int, str]:
        """A fresh listener playing ``<file>/<name>``: its id and base URL."""
        answer = self._send({"start": scenario_id})
        if not isinstance(answer.get("baseUrl"), str):
            raise RuntimeError(f"scenarios: could not start {scenario_id}: {answer}")
        return answer["id"], answer["baseUrl"]

    def report(self, listener: int) -> dict[str, Any]:
        """``{requests, mismatches, seen}``; the listener stops."""
        return self._send({"report": listener})

    def stop(self) -> None:
        """Ends stdin (the server stops) and waits for the process (ours, by its handle); a relayed server stops when
        its connection closes."""
        self._stdin.close()
        if self._socket is not None:
            self._socket.close()
            return
        assert self._process is not None
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
