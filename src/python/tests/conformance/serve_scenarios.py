"""The scripted server's JSON-lines protocol over TCP on loopback, for a runner that cannot start .NET itself: the
Debian 13 root folder of .ci/python-test has no .NET SDK, yet shares the machine's network. Each connection gets a
server process of its own (``dotnet Astro.Triggers.Conformance.Server.dll <scenarios>``) whose stdin and stdout are the
connection, so the runner speaks to it exactly as to a child process; the process ends when the connection closes.

    /usr/bin/python3 src/python/tests/conformance/serve_scenarios.py     prints {"listening": "127.0.0.1:<port>"}

and serves until SIGTERM. The runner is pointed at it with ASTRO_SCENARIO_SERVER=127.0.0.1:<port> (scenario_server.py).
"""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.conformance.scenario_server import _ENV, DLL, build_if_missing, server_command  # noqa: E402


def serve(connection: socket.socket, children: list[subprocess.Popen[bytes]]) -> None:
    with connection:
        child = subprocess.Popen(server_command(), env=_ENV, stdin=connection.fileno(), stdout=connection.fileno(),
                                 stderr=subprocess.DEVNULL)
        children.append(child)
        child.wait()


def main() -> None:
    build_if_missing()
    assert DLL.exists()
    listener = socket.create_server(("127.0.0.1", 0))
    children: list[subprocess.Popen[bytes]] = []

    def stop(*_: object) -> None:
        listener.close()
        for child in children:  # only the processes this bridge started
            if child.poll() is None:
                child.kill()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    host, port = listener.getsockname()[:2]
    print(json.dumps({"listening": f"{host}:{port}"}), flush=True)
    while True:
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=serve, args=(connection, children), daemon=True).start()


if __name__ == "__main__":
    main()
