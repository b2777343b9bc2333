"""Start and stop a real ``streamlit run app.py`` on a free local port (browser tests, benchmarks)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Flags for Debian's Chromium on a machine with no network but loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    env: dict[str, str],
    timeout_s: float = 90,
    cpus: set[int] | None = None,
    python: str = sys.executable,
    script: str = "app.py",
    root: Path = ROOT,
) -> tuple[subprocess.Popen, str]:
    """Launch the app with extra environment ``env``; return the process and its URL once healthy.

    ``cpus`` pins the server to those cores (benchmarks); ``python`` is the interpreter that runs
    it (a benchmark may compare another environment, e.g. a CPU-only torch). ``script`` is the
    entrypoint relative to ``root``, the checkout served (a benchmark may serve a reference page
    or an older export of the app). Raises ``RuntimeError`` with the end of the server's log if
    it does not answer in time.
    """
    port = free_port()
    proc = subprocess.Popen(
        [
            python,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=root,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.1)  # fine-grained: benchmarks time the start
    proc.kill()
    raise RuntimeError("streamlit did not start: " + proc.stderr.read().decode()[-2000:])


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
