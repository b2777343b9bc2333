"""The training slots: K at once, FIFO queue, positions, release on end/stop/lease, threads."""

from __future__ import annotations

import random
import threading

import pytest

from core.trainer import slots as slots_mod
from core.trainer.slots import Slots, max_trainings
from core.trainer.threads import available_cpus


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_k_holders_then_fifo_positions():
    s = Slots(capacity=2)
    assert [s.request(o) for o in "abcde"] == [0, 0, 1, 2, 3]
    assert s.counts() == (2, 3)
    # asking again keeps the place: no one jumps the queue by asking often
    assert s.request("e") == 3 and s.request("c") == 1
    s.release("b")  # a run ended: the first in line gets the slot
    assert s.position("c") == 0
    assert [s.position(o) for o in "de"] == [1, 2]
    s.release("a")
    assert s.request("d") == 0 and s.request("e") == 1


def test_stop_while_queued_leaves_the_queue():
    s = Slots(capacity=1)
    for o in "abcd":
        s.request(o)
    s.release("c")  # Stop pressed while waiting
    assert s.position("c") is None
    assert s.position("d") == 2
    s.release("a")
    assert [s.position(o) for o in "bd"] == [0, 1]
    s.release("unknown")  # ignored
    assert s.counts() == (1, 1)


def test_release_after_an_error_frees_the_slot():
    s = Slots(capacity=1)
    s.request("a")
    assert s.request("b") == 1
    try:
        raise ValueError("core refused the configuration")
    except ValueError:
        s.release("a")
    assert s.request("b") == 0


def test_lease_expiry_frees_the_slot_and_the_queue_place():
    clock = FakeClock()
    s = Slots(capacity=1, lease_s=10, clock=clock)
    s.request("gone")  # holds the slot, then its tab closes
    s.request("waiting-gone")  # waits, then its tab closes
    assert s.request("alive") == 2
    for _ in range(4):  # "alive" keeps asking every 3 s
        clock.now += 3
        pos = s.request("alive")
    assert clock.now == 12 and pos == 0
    assert s.position("gone") is None and s.position("waiting-gone") is None
    # the old holder comes back: it queues again behind the current holder
    assert s.request("gone") == 1


def test_renewed_holders_keep_their_slot():
    clock = FakeClock()
    s = Slots(capacity=1, lease_s=10, clock=clock)
    s.request("a")
    for _ in range(10):
        clock.now += 9
        assert s.request("a") == 0
        assert s.request("b") == 1


@pytest.mark.parametrize("capacity", [0, -1, 1.5, True, "2"])
def test_bad_capacity_is_refused(capacity):
    with pytest.raises(ValueError, match="capacity"):
        Slots(capacity=capacity)


def test_bad_lease_is_refused():
    with pytest.raises(ValueError, match="lease_s"):
        Slots(capacity=1, lease_s=0)


def test_max_trainings_from_env(monkeypatch):
    monkeypatch.delenv(slots_mod.ENV, raising=False)
    assert max_trainings() == available_cpus()
    assert max_trainings(default=1) == 1
    monkeypatch.setenv(slots_mod.ENV, "3")
    assert max_trainings() == 3 and max_trainings(default=1) == 3
    for bad in ("0", "-2", "two", ""):
        monkeypatch.setenv(slots_mod.ENV, bad)
        assert max_trainings(default=2) == 2


def test_many_threads_never_exceed_k_and_everyone_trains():
    """64 threads each wait for a slot, 'train', release; at no moment more than K hold one."""
    k, n = 3, 64
    s = Slots(capacity=k)
    inside = 0
    peak = 0
    done: list[str] = []
    guard = threading.Lock()
    barrier = threading.Barrier(n)

    def student(i: int) -> None:
        nonlocal inside, peak
        owner = f"s{i}"
        barrier.wait()
        rng = random.Random(i)
        while s.request(owner) != 0:
            threading.Event().wait(0.001)
        with guard:
            inside += 1
            peak = max(peak, inside)
        threading.Event().wait(rng.random() * 0.003)
        with guard:
            inside -= 1
            done.append(owner)
        s.release(owner)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert sorted(done) == sorted(f"s{i}" for i in range(n))
    assert 1 <= peak <= k  # never more than K at once
    assert s.counts() == (0, 0)


def test_positions_from_many_threads_are_a_permutation():
    """Concurrent first requests: K owners get 0 and the others the positions 1..n-K, each once,
    in the order the queue holds them."""
    k, n = 2, 40
    s = Slots(capacity=k)
    got: dict[str, int] = {}
    barrier = threading.Barrier(n)

    def ask(i: int) -> None:
        barrier.wait()
        got[f"s{i}"] = s.request(f"s{i}")

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    values = sorted(got.values())
    assert values == [0] * k + list(range(1, n - k + 1))
    # positions now (without renewing) match what each got
    assert all(s.position(o) == p for o, p in got.items())
