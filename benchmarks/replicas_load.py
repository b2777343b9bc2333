"""The classroom load through nginx: the same students against 1 and then 2 replicas.

It reuses ``benchmarks/classroom_load.py`` (simulated students over Streamlit's websocket
protocol) and points it at the proxy of ``deploy/replicas.py`` instead of one server. Each
replica count gets a fresh set of replicas (classroom mode, as a teacher runs them) behind nginx;
the students, their pace and the seed are the same, so the runs differ only in the replica count.
Server CPU and RSS are summed over the replicas. ``--url`` measures a proxy that is already
running (e.g. ``make serve-replicas``) instead; server CPU and RSS are then not read.

Throughput is the number of script runs the replicas finished per second (``reruns_per_s``),
next to the slider moves' p50/p95. Students pause 2-5 s between moves, so a server that keeps up
finishes about N / 3.5 moves per second; more replicas raise it only when one was the bottleneck.

Run: ``.venv/bin/python benchmarks/replicas_load.py --replicas 1 2`` (needs nginx:
``make nginx``). Last line: a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import benchmarks.classroom_load as load  # noqa: E402
from deploy import replicas  # noqa: E402
from tests.e2e.serve import free_port  # noqa: E402

CPU_S, RSS_MB = load.cpu_s, load.rss_mb  # one process's figures, from /proc


def summed_over(pids: list[int]) -> None:
    """Make the load benchmark read CPU and RSS as the sum over the replicas ``pids``."""
    load.cpu_s = lambda _pid: sum(CPU_S(p) for p in pids)
    load.rss_mb = lambda _pid: sum(RSS_MB(p) for p in pids)


def report(row: dict, args: argparse.Namespace) -> None:
    print(
        f"{row['replicas'] or row.get('url')} replica(s), {args.students} students + "
        f"{args.trainers} trainers: {row['reruns_per_s']} reruns/s, moves p50 "
        f"{row['move_p50_ms']} ms, p95 {row['move_p95_ms']} ms, max {row['move_max_ms']} ms "
        f"({row['moves']} moves in {row['wall_s']} s), errors {row['errors']}, server CPU "
        f"{row['server_cpu_share']} core, RSS peak {row['rss_peak_mb']} MB",
        flush=True,
    )
    for e in row["error_samples"]:
        print("   error:", e, flush=True)


def run(url: str, pid: int, args: argparse.Namespace, pages: list[str]) -> dict:
    return asyncio.run(
        load.scenario(
            url, pid, args.students, args.trainers, args.seconds, args.cap, args.seed, pages
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--replicas", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--url", help="an nginx proxy already running (skips starting replicas)")
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--trainers", type=int, default=0, help="students who press Start")
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--cap", type=float, default=300.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--full", action="store_true", help="full limits, not classroom mode")
    args = ap.parse_args()
    env = {} if args.full else {"PIZARRA_CLASSROOM": "1"}
    pages = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
    rows = []
    if args.url:
        load.cpu_s = lambda _pid: 0.0
        load.rss_mb = lambda _pid: 0.0
        rows.append({"replicas": None, "url": args.url, **run(args.url, 0, args, pages)})
        report(rows[-1], args)
    for n in [] if args.url else args.replicas:
        with tempfile.TemporaryDirectory(prefix="pizarra-replicas-") as tmp:
            base = free_port()
            proxy = free_port()
            while proxy in range(base, base + n):
                proxy = free_port()
            state = replicas.start(n, proxy, base, Path(tmp), env=env)
            try:
                pids = [r["pid"] for r in state["replicas"]]
                summed_over(pids)
                rows.append({"replicas": n, **run(state["url"], pids[0], args, pages)})
            finally:
                replicas.stop(Path(tmp))
        report(rows[-1], args)
    print(json.dumps({"env": env, "seed": args.seed, "runs": rows}))


if __name__ == "__main__":
    main()
