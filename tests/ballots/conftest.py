"""The ballot server as a real subprocess on loopback, and one headless Chromium for every browser test."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, Council



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`deliberate serve` on a free loopback port; `url` once it answers."""

    def __init__(self, db: Path):
        self.db = db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self) -> "Server":
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "deliberate", "--db", str(self.db), "--lang", "en", "serve", "--host", "127.0.0.1",
             "--port", str(self.port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:  # poll for the port: no fixed wait
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(self.process.stderr.read().decode())
                time.sleep(0.02)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def project_poll(folder: Path, lang: str = "en", **open_options) -> tuple[Council, list[str]]:
    """Four voters present, three projects (one name with markup), a project poll open, codes drawn."""
    council = Council(folder, lang)
    council.seat(roster=6, present=("王芳", "陈静", "刘洋", "张伟", "赵磊"))
    for line in (["budget", "1000"], ["project", "add", "路灯", "--cost", "500", "--name-en", "<script>x</script>Lights"],
                 ["project", "add", "座椅", "--cost", "300", "--name-en", "Benches"],
                 ["project", "add", "花坛", "--cost", "400", "--name-en", "Flower beds"]):
        assert council(*line).exit_code == 0
    assert council("poll", "open", "--projects", *open_options.get("options", ["--max", "2"])).exit_code == 0
    code, slips = council.json("slips")
    assert code == 0
    return council, slips["codes"]


@pytest.fixture
def serve():
    started: list[Server] = []

    def start(db: Path) -> Server:
        started.append(Server(db).start())
        return started[-1]

    yield start
    for server in started:
        server.stop()


# `browser`: the one in tests/conftest.py (one playwright per test process).
