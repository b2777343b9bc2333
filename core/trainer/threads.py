"""Torch's thread count for this process, and its one-time start-up costs."""

from __future__ import annotations

import math
import os

import torch
from torch import nn

from core._validate import check_scalar
from core.trainer.config import TrainConfig
from core.trainer.hyper import build_optimizer

_THREADS_SET = False


def available_cpus() -> int:
    """CPUs this process may use: its affinity mask, capped by a cgroup v2 CPU quota (a
    container such as Streamlit Community Cloud can see more cores than it may use)."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    try:
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as fh:
            quota, period = fh.read().split()[:2]
        if quota != "max":
            n = min(n, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, n)


def configure_threads(n: int | None = None) -> int:
    """Set torch's intra-op thread count and return it.

    ``n`` if given; else ``$PIZARRA_THREADS`` if set; else :func:`available_cpus`. Without
    ``n`` this runs once per process (the first :func:`train` call does it), so a page or a
    test can choose first. On a machine whose cores are busy with other processes, one
    thread can be much faster than two, because OpenMP workers then wait for each other at
    every parallel operation (docs/performance.md); set ``PIZARRA_THREADS=1`` there.
    """
    global _THREADS_SET
    if n is None:
        if _THREADS_SET:
            return torch.get_num_threads()
        env = os.environ.get("PIZARRA_THREADS", "").strip()
        n = int(env) if env.isdigit() and int(env) > 0 else available_cpus()
    n = int(check_scalar(n, "n", low=1, high=1024, integer=True))
    torch.set_num_threads(n)
    _THREADS_SET = True
    return n


def warm_up() -> None:
    """Pay torch's one-time costs now: the thread setting and the lazy imports that the first
    ``torch.optim`` optimizer triggers (several seconds on a busy machine). A page can call it
    where it loads the dataset, so the first Start responds at once."""
    configure_threads()
    layer = nn.Linear(2, 2)
    for name in ("sgd", "adam"):
        build_optimizer(TrainConfig(optimizer=name, lr=0.1), layer.parameters())
