"""What live training in the browser costs against the command line, for the same run.

Issue 5 asks that training on the Trainer page take at most 15 % longer than the CLI for the same
configuration. This script measures both in one go, alternating them so that a change of load on
the machine hits both sides:

* **CLI** -- the loop of ``python -m core.train`` (``train(config, data, report_every_s=2.0)``,
  printing each epoch) in this process, timed with the wall clock;
* **page** -- a real ``streamlit run app.py`` server and headless Chromium (Playwright): open
  ``/trainer`` with the configuration in the URL, click **Start**, and time until the results
  heading is on screen. That includes everything the student waits for: the script run of the
  click, every fragment tick with its redraws, the browser's rendering on the same machine, and
  the final full rerun that draws the results.

By default training (this process and the server) is pinned to the first core and the browser
to the others: both sides get the same CPU budget and one torch thread, and the browser plays
the student's own laptop (``--shared-cores`` lets everything share every core). The first run of
each side is a warm-up (torch's lazy initialization) and is not counted.

Prints one line per pair and, last, a JSON object with the medians, ``ratio`` = median of
page / CLI over the pairs (goal <= 1.15), and ``page_over_own_computing`` = the page's wall time
over the seconds its run spent computing (core's own clock, printed on the page): the cost of
the live view itself, insensitive to other load on a shared machine changing between the two
sides of a pair.

Run: ``.venv/bin/python benchmarks/live_overhead.py [--repeats 3] [--shared-cores]``
(default run: preset digits_b, batch 16, 300 epochs, no early stopping).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.data import load_dataset  # noqa: E402
from core.train import PRESETS, train  # noqa: E402
from tests.e2e.serve import CHROMIUM, CHROMIUM_ARGS, IDLE, start_server, stop_server  # noqa: E402
from ui import classroom  # noqa: E402


def cli_seconds(config, data) -> float:
    """Wall time of the CLI's loop (same report cadence and per-epoch printing as main())."""
    out = io.StringIO()
    start = time.perf_counter()
    with redirect_stdout(out):
        for rec in train(config, data, report_every_s=2.0):
            if rec.kind == "epoch":
                print(f"epoch {rec.epoch:4d} val {rec.val_loss:.4f} {rec.val_acc:.4f}")
    return time.perf_counter() - start


WORK = re.compile(r"It took ([0-9.]+) s from Start to the end, ([0-9.]+) s of them computing")


def page_seconds(browser, url: str) -> tuple[float, float]:
    """Open the page, press Start, wait for the results heading.

    Returns the seconds from the click to the results, and the seconds the run spent inside
    the training generator (core's own clock, printed on the page).
    """
    pg = browser.new_page(viewport={"width": 1366, "height": 900})
    pg.set_default_timeout(3_600_000)
    try:
        pg.goto(url)
        pg.wait_for_selector(IDLE)
        pg.wait_for_timeout(500)
        pg.wait_for_selector(IDLE)
        start_button = pg.get_by_role("button", name="Start", exact=True)
        # the button in view and enabled before the clock starts, as under a student's cursor
        start_button.scroll_into_view_if_needed()
        start_button.wait_for(state="visible")
        pg.wait_for_timeout(300)
        start = time.perf_counter()
        start_button.click()
        pg.get_by_role("heading", name="4 · Results").wait_for(state="visible")
        elapsed = time.perf_counter() - start
        if pg.locator("[data-testid='stException']").count():
            raise SystemExit("the page raised an exception")
        found = WORK.search(pg.inner_text("[data-testid='stMain']"))
        if found is None:
            raise SystemExit("the page did not report its computing time")
        return elapsed, float(found.group(2))
    finally:
        pg.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=300, help="epochs of the measured run")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--preset", default="digits_b")
    parser.add_argument("--batch", type=int, default=16, help="mini-batch size of the run")
    parser.add_argument(
        "--shared-cores",
        action="store_true",
        help="do not pin: server, CLI and browser share every core (the browser then competes "
        "with training, which a student's own laptop would not)",
    )
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing (make chromium)")
    from playwright.sync_api import sync_playwright

    cores = sorted(os.sched_getaffinity(0))
    pin = not args.shared_cores and len(cores) >= 2
    # Training (CLI loop and Streamlit server) on the first core, the browser on the others:
    # the same CPU budget for both sides, and the browser plays the student's own machine.
    train_cpus = {cores[0]} if pin else None
    browser_cpus = set(cores[1:]) if pin else None

    cap = classroom.FULL.max_epochs
    if args.epochs > cap:
        raise SystemExit(f"--epochs must be <= {cap} (the page's cap), got {args.epochs}")
    config = PRESETS[args.preset].replace(epochs=args.epochs, patience=0, batch_size=args.batch)
    query = f"lang=en&preset={args.preset}&epochs={args.epochs}&patience=0&batch={args.batch}"
    if config.dataset != "digits" and "PIZARRA_DATA_DIR" not in os.environ:
        subset = ROOT.parent / "shared" / "data" / "mnist-subset"
        if subset.is_dir():
            os.environ["PIZARRA_DATA_DIR"] = str(subset)  # read by the server and the CLI loop
    print(f"config: {config.summary()}, {args.epochs} epochs, no early stopping")
    print(
        f"cores: training on {sorted(train_cpus)}, browser on {sorted(browser_cpus)}"
        if pin
        else f"cores: all shared ({cores})"
    )
    cli, page, work = [], [], []
    server = None
    try:
        if pin:
            os.sched_setaffinity(0, browser_cpus)  # inherited by Playwright and Chromium
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            if pin:
                os.sched_setaffinity(0, train_cpus)  # this process runs the CLI loop
            # the page sets torch's thread count itself (default 1): the same count as the CLI
            server, url = start_server(
                {"PIZARRA_TORCH_THREADS": str(len(train_cpus or cores))},
                timeout_s=120,
                cpus=train_cpus,
            )
            base = f"{url}/trainer"
            data = load_dataset(config.dataset)
            page_seconds(
                browser, f"{base}?lang=en&preset={args.preset}&epochs=1&patience=0"
            )  # warm-up
            cli_seconds(config.replace(epochs=1), data)
            import torch

            print(f"torch threads in the CLI loop: {torch.get_num_threads()}")
            for i in range(args.repeats):
                c = cli_seconds(config, data)
                s, w = page_seconds(browser, f"{base}?{query}")
                cli.append(c)
                page.append(s)
                work.append(w)
                print(
                    f"run {i + 1}: cli {c:6.2f} s   page {s:6.2f} s (computing {w:6.2f} s)   "
                    f"page/cli {s / c:.3f}   page/own computing {s / w:.3f}",
                    flush=True,
                )
            browser.close()
    finally:
        if server is not None:
            stop_server(server)
    cli_med, page_med = statistics.median(cli), statistics.median(page)
    ratios = [s / c for s, c in zip(page, cli, strict=True)]
    own = [s / w for s, w in zip(page, work, strict=True)]
    print(
        json.dumps(
            {
                "config": config.summary(),
                "epochs": args.epochs,
                "pinned": pin,
                "cli_s": round(cli_med, 2),
                "page_s": round(page_med, 2),
                "ratio": round(statistics.median(ratios), 3),
                "ratio_per_pair": [round(r, 3) for r in ratios],
                "page_over_own_computing": round(statistics.median(own), 3),
                "goal": 1.15,
            }
        )
    )


if __name__ == "__main__":
    main()
