"""Server memory (RSS) with trainer sessions on MNIST-sized data: idle, 1 session, 5 sessions.

Builds a 60,000 + 10,000 image MNIST-shaped folder by tiling the real 8,000 + 2,000 subset in
``../shared/data/mnist-subset`` (torchvision's raw layout), starts ``streamlit run app.py`` on it,
opens trainer sessions in headless Chromium, presses Start in each and reads the server's RSS
from ``/proc``. Goals (issue "classroom readiness"): <= 1.0 GB with one trainer session and
<= +60 MB per extra session. Last line: a JSON object with the figures.

Run: ``.venv/bin/python benchmarks/memory.py`` (needs /usr/bin/chromium, as ``make test`` installs).

The torch build matters: the CUDA build that PyPI serves on x86-64 (what ``make`` installs here,
the only one reachable from this machine) maps about 290 MB more at ``import torch`` than the
CPU-only build that Streamlit Cloud installs (``requirements.txt``'s extra index). ``make
bench-memory-cpu`` builds ``.venv-cpu`` with a CPU-only torch and runs the server from it:
``benchmarks/memory.py --python .venv-cpu/bin/python``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.serve import CHROMIUM, CHROMIUM_ARGS, IDLE, start_server, stop_server  # noqa: E402

SUBSET = ROOT.parent / "shared" / "data" / "mnist-subset" / "MNIST" / "raw"


def read_idx(path: Path) -> np.ndarray:
    raw = path.read_bytes()
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def write_idx(path: Path, arr: np.ndarray) -> None:
    header = bytes([0, 0, 8, arr.ndim]) + b"".join(int(n).to_bytes(4, "big") for n in arr.shape)
    path.write_bytes(header + np.ascontiguousarray(arr, dtype=np.uint8).tobytes())


def mnist_sized(folder: Path) -> None:
    """Tile the subset to the real MNIST sizes (60k train, 10k test)."""
    raw = folder / "MNIST" / "raw"
    raw.mkdir(parents=True)
    for split, n in (("train", 60_000), ("t10k", 10_000)):
        images = read_idx(SUBSET / f"{split}-images-idx3-ubyte")
        labels = read_idx(SUBSET / f"{split}-labels-idx1-ubyte")
        reps = -(-n // len(images))
        write_idx(raw / f"{split}-images-idx3-ubyte", np.tile(images, (reps, 1, 1))[:n])
        write_idx(raw / f"{split}-labels-idx1-ubyte", np.tile(labels, reps)[:n])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def settle(pid: int, seconds: float = 3.0) -> float:
    """RSS after a short pause (the allocator returns pages lazily): the max of a few reads."""
    readings = []
    for _ in range(int(seconds / 0.5)):
        time.sleep(0.5)
        readings.append(rss_mb(pid))
    return max(readings)


def torch_build(python: str) -> str:
    """torch's version string in the server's interpreter (``+cpu`` marks the CPU-only build)."""
    code = "import torch; print(torch.__version__, 'cuda' if torch.backends.cuda.is_built() else 'cpu')"
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="interpreter that runs the server (default: this one), e.g. .venv-cpu/bin/python",
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    build = torch_build(args.python)
    print(f"server interpreter: {args.python} (torch {build})")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        mnist_sized(data_dir)
        server, url = start_server(
            {"PIZARRA_DATA_DIR": str(data_dir), "PIZARRA_OFFLINE": "1"}, python=args.python
        )
        try:
            figures: dict[str, float] = {"rss_start_mb": settle(server.pid)}
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                contexts = []

                def open_session(path: str):
                    ctx = browser.new_context()
                    page = ctx.new_page()
                    page.set_default_timeout(180_000)
                    page.goto(f"{url}/{path}")
                    page.wait_for_selector(IDLE)
                    contexts.append(ctx)
                    return page

                open_session("least_squares?lang=en")
                open_session("optimizers?lang=es")
                figures["rss_theory_pages_mb"] = settle(server.pid)

                def start_trainer(lang: str) -> None:
                    page = open_session(f"trainer?lang={lang}&dataset=mnist&epochs=3")
                    label = "Start" if lang == "en" else "Iniciar"
                    page.get_by_role("button", name=label, exact=True).click()
                    page.wait_for_timeout(6000)  # let it train a few slices

                start_trainer("en")
                figures["rss_one_trainer_mb"] = settle(server.pid)
                for i in range(4):
                    start_trainer(["es", "en"][i % 2])
                figures["rss_five_trainers_mb"] = settle(server.pid)
                for ctx in contexts:
                    ctx.close()
                browser.close()
        finally:
            stop_server(server)

    per_extra = (figures["rss_five_trainers_mb"] - figures["rss_one_trainer_mb"]) / 4
    figures["per_extra_session_mb"] = per_extra
    print(f"server after start:               {figures['rss_start_mb']:8.0f} MB")
    print(f"with two theory-page sessions:    {figures['rss_theory_pages_mb']:8.0f} MB (no torch)")
    print(
        f"with one trainer session (MNIST): {figures['rss_one_trainer_mb']:8.0f} MB (goal <= 1024)"
    )
    print(f"with five trainer sessions:       {figures['rss_five_trainers_mb']:8.0f} MB")
    print(f"per extra trainer session:        {per_extra:8.1f} MB (goal <= 60)")
    print(json.dumps({"torch": build, **{k: round(v, 1) for k, v in figures.items()}}))


if __name__ == "__main__":
    main()
