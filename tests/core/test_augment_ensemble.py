"""Augmentation, ensembles and snapshot ensembles of the trainer, against oracles.

* shifts: exact, against ``numpy.roll`` with the wrapped edge zeroed;
* rotations: against ``torchvision.transforms.functional.rotate`` (bilinear, same angle);
* the training loop: augmentation sees training rows only, "none" changes nothing, same seed
  same numbers;
* ensembles: ``average_probabilities``/``ensemble_report`` against numpy and scikit-learn,
  ``train_ensemble`` against single runs with the members' seeds;
* snapshots: one member per finished cosine cycle, the same weights as a shorter run's;
* the command line's JSON keys and its refusals.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch
from sklearn.metrics import accuracy_score
from torchvision.transforms.functional import InterpolationMode, rotate

from core import train as T
from core.data import load_dataset, split_indices
from core.trainer import augment as A
from core.trainer import ensemble as E
from core.trainer import loop as L

DIGITS = load_dataset("digits")
SMALL = T.TrainConfig(
    hidden=(16,), optimizer="adam", lr=0.01, epochs=3, batch_size=64, train_fraction=0.3
)


def _result(config: T.TrainConfig) -> T.TrainResult:
    return [r for r in T.train(config, DIGITS, report_every_s=None) if r.kind == "result"][0]


def _roll_zeroed(img: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """The oracle of a shift: numpy.roll by (dy, dx), the rows/columns that wrapped set to 0."""
    out = np.roll(img, (dy, dx), axis=(0, 1))
    if dy > 0:
        out[:dy] = 0
    elif dy < 0:
        out[dy:] = 0
    if dx > 0:
        out[:, :dx] = 0
    elif dx < 0:
        out[:, dx:] = 0
    return out


# ----------------------------------------------------------------------------- shifts
@pytest.mark.parametrize("shape", [(8, 8), (28, 28)])
def test_shift_is_exact_against_numpy_roll(shape):
    """Every image of a "shift" batch equals the numpy oracle for exactly one integer shift
    within max_shift, and over a large batch every allowed shift occurs."""
    H, W = shape
    m = A.max_shift(shape)
    assert m == (1 if H == 8 else 2)
    rng = np.random.default_rng(0)
    x = torch.from_numpy(rng.integers(1, 17, size=(400, H * W)).astype(np.float32))
    out = A.augment_batch(x, "shift", torch.Generator().manual_seed(3), shape)
    assert out.shape == x.shape and out.dtype == x.dtype
    seen = set()
    for img, got in zip(x.numpy(), out.numpy(), strict=True):
        img, got = img.reshape(H, W), got.reshape(H, W)
        hits = [
            (dx, dy)
            for dx in range(-m, m + 1)
            for dy in range(-m, m + 1)
            if np.array_equal(got, _roll_zeroed(img, dx, dy))
        ]
        assert len(hits) == 1  # pixels are >= 1, so each shift gives a different picture
        seen.add(hits[0])
    assert len(seen) == (2 * m + 1) ** 2


def test_shift_of_given_offsets_and_channels():
    """The batched gather, with chosen offsets, on (B, C, H, W) and an integer dtype."""
    rng = np.random.default_rng(1)
    x = torch.from_numpy(rng.integers(0, 255, size=(3, 2, 7, 9)).astype(np.uint8))
    dx, dy = torch.tensor([2, -1, 0]), torch.tensor([-2, 1, 3])
    out = A._shift(x, dx, dy)
    for b in range(3):
        for c in range(2):
            want = _roll_zeroed(x[b, c].numpy(), int(dx[b]), int(dy[b]))
            np.testing.assert_array_equal(out[b, c].numpy(), want)


# ----------------------------------------------------------------------------- rotations
def test_rotation_matches_torchvision_rotate():
    """ "rotate" against ``torchvision.transforms.functional.rotate`` at the same angles.

    The angles are the ones augment_batch draws (replayed from a generator with the same
    seed). Both sample bilinearly about the image centre with zeros outside, so they agree up
    to float rounding; the comparison is on the interior (2 px from the border), where the two
    libraries cannot differ by how they treat the edge, with an absolute tolerance of 1e-4 on
    pixels in [0, 1]."""
    rng = np.random.default_rng(2)
    x = torch.from_numpy(rng.random((64, 1, 28, 28)).astype(np.float32))
    out = A.augment_batch(x, "rotate", torch.Generator().manual_seed(5), (28, 28))
    u = torch.rand(64, generator=torch.Generator().manual_seed(5), dtype=torch.float64)
    angles = (2 * u - 1) * A.MAX_ROTATION_DEG
    assert angles.abs().max() <= 15 and angles.abs().max() > 10  # the documented range
    for i in range(64):
        want = rotate(x[i], float(angles[i]), interpolation=InterpolationMode.BILINEAR)
        diff = (out[i] - want)[..., 2:-2, 2:-2].abs().max()
        assert float(diff) < 1e-4
    assert float((out - x).abs().max()) > 0.1  # it did rotate


def test_shift_rotate_with_a_zero_angle_is_the_exact_shift():
    """The composed map, at angle 0 and integer offsets, is the shift (up to float rounding)."""
    x = torch.rand(4, 1, 8, 8, generator=torch.Generator().manual_seed(0))
    dx, dy = torch.tensor([1, -1, 0, 1]), torch.tensor([0, 1, -1, -1])
    got = A._affine(x, torch.zeros(4), dx, dy)
    torch.testing.assert_close(got, A._shift(x, dx, dy), atol=1e-5, rtol=0)


def test_fill_value_of_the_normalized_background():
    """With ``fill`` = the normalized value of a 0 pixel, augmenting normalized images equals
    normalizing the augmented raw images."""
    raw = DIGITS.images_train[:50].to(torch.float32).reshape(50, 64)
    spec = DIGITS.spec
    norm = DIGITS.x_train[:50]
    fill = float(-spec.mean / spec.std)
    for kind in ("shift", "rotate", "shift_rotate"):
        a = A.augment_batch(norm, kind, torch.Generator().manual_seed(1), (8, 8), fill=fill)
        b = A.augment_batch(raw, kind, torch.Generator().manual_seed(1), (8, 8))
        want = b / (spec.max_value * spec.std) + fill
        torch.testing.assert_close(a, want, atol=1e-4, rtol=1e-5)


def test_none_is_identity_and_seed_determines_the_result():
    x = torch.rand(10, 64)
    assert A.augment_batch(x, "none", torch.Generator(), (8, 8)) is x
    for kind in ("shift", "rotate", "shift_rotate"):
        a = A.augment_batch(x, kind, torch.Generator().manual_seed(7), (8, 8))
        b = A.augment_batch(x, kind, torch.Generator().manual_seed(7), (8, 8))
        c = A.augment_batch(x, kind, torch.Generator().manual_seed(8), (8, 8))
        assert torch.equal(a, b) and not torch.equal(a, c)


def test_gallery_is_deterministic_and_matches_augment_batch():
    images = DIGITS.images_train[:3].numpy()
    g1 = A.augment_gallery(images, "shift_rotate", seed=4, per_image=5)
    g2 = A.augment_gallery(images, "shift_rotate", seed=4, per_image=5)
    assert g1.shape == (3, 5, 8, 8) and g1.dtype == images.dtype
    np.testing.assert_array_equal(g1, g2)
    shifted = A.augment_gallery(images, "shift", seed=4, per_image=5)
    want = A.augment_batch(
        torch.from_numpy(np.repeat(images, 5, axis=0).astype(np.int64)).reshape(15, 1, 8, 8),
        "shift",
        torch.Generator().manual_seed(4),
        (8, 8),
    )
    np.testing.assert_array_equal(shifted.reshape(15, 8, 8), want.numpy().reshape(15, 8, 8))
    np.testing.assert_array_equal(
        A.augment_gallery(images, "none", seed=0, per_image=2)[:, 1], images
    )


# ----------------------------------------------------------------------------- the loop
def test_augmentation_sees_training_rows_only(monkeypatch):
    """Every batch the augmentation receives is made of training-split rows (never validation
    or test), one call per optimizer step; the test metrics are those of the plain test set."""
    calls: list[torch.Tensor] = []
    real = L.augment_batch

    def spy(x, kind, generator, image_shape, *, fill=0.0):
        calls.append(x.clone())
        return real(x, kind, generator, image_shape, fill=fill)

    monkeypatch.setattr(L, "augment_batch", spy)
    config = SMALL.replace(augment="shift_rotate")
    result = _result(config)
    assert len(calls) == result.steps
    split = split_indices(DIGITS, config.val_fraction, config.seed, config.train_fraction)
    train_rows = {tuple(r) for r in DIGITS.x_train[split.train_idx].tolist()}
    other = {tuple(r) for r in DIGITS.x_train[split.val_idx].tolist()}
    other |= {tuple(r) for r in DIGITS.x_test.tolist()}
    other -= train_rows  # identical images in two splits are not told apart
    for batch in calls:
        rows = {tuple(r) for r in batch.tolist()}
        assert rows <= train_rows and not rows & other
    model = result.model()
    with torch.inference_mode():
        acc = float((model(DIGITS.x_test).argmax(1) == DIGITS.y_test).float().mean())
    assert acc == pytest.approx(result.test_acc)


def test_runs_with_augmentation_are_seeded_and_differ_from_plain_runs():
    plain = _result(SMALL)
    assert np.array_equal(plain.probs, _result(SMALL.replace(augment="none")).probs)
    a = _result(SMALL.replace(augment="shift"))
    b = _result(SMALL.replace(augment="shift"))
    np.testing.assert_array_equal(a.probs, b.probs)
    assert not np.array_equal(a.probs, plain.probs)
    assert a.n_train == plain.n_train and a.steps == plain.steps  # same split, same batches


# ----------------------------------------------------------------------------- ensembles
def _random_probs(k: int, n: int, c: int, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(k, n, c)) * 2
    p = np.exp(z) / np.exp(z).sum(axis=2, keepdims=True)
    return list(p)


def test_average_probabilities_and_report_against_numpy():
    probs = _random_probs(5, 200, 10, 0)
    y = np.random.default_rng(1).integers(0, 10, 200)
    mean = E.average_probabilities(probs)
    np.testing.assert_allclose(mean, np.stack(probs).sum(axis=0) / 5, rtol=1e-12)
    report = E.ensemble_report(probs, y)
    members = [accuracy_score(y, p.argmax(1)) for p in probs]
    assert report.member_accuracies == pytest.approx(members)
    assert report.ensemble_accuracy == pytest.approx(accuracy_score(y, mean.argmax(1)))
    assert report.mean_member_accuracy == pytest.approx(np.mean(members))
    assert report.gain == pytest.approx(report.ensemble_accuracy - np.mean(members))


def test_average_probabilities_refuses_mismatched_shapes():
    p = _random_probs(2, 10, 3, 0)
    with pytest.raises(ValueError, match="shape"):
        E.average_probabilities([p[0], p[1][:, :2]])
    with pytest.raises(ValueError, match="non-empty"):
        E.average_probabilities([])


def test_train_ensemble_members_are_single_runs_with_consecutive_seeds():
    seen: list[int] = []
    config = SMALL.replace(seed=10, epochs=2)
    results, report = E.train_ensemble(
        config, 3, on_member=lambda i, r: seen.append(i), data=DIGITS
    )
    assert seen == [0, 1, 2]
    assert [r.config.seed for r in results] == [10, 11, 12]
    for r in results:
        np.testing.assert_array_equal(r.probs, _result(r.config).probs)
    assert report == E.ensemble_report([r.probs for r in results], results[0].y_true)
    assert report.member_accuracies == [r.test_acc for r in results]


# ----------------------------------------------------------------------------- snapshots
SNAP = SMALL.replace(
    schedule="cosine_restarts", schedule_params={"T_0": 2, "T_mult": 1}, epochs=6, snapshots=3
)


def test_snapshots_one_member_per_finished_cycle():
    """With T_0=2 over 6 epochs the members are the weights after epochs 2, 4 and 6; a run of
    4 epochs keeping 2 gives the same first two members (the schedule does not depend on the
    number of epochs); the snapshot accuracy is the one of their averaged probabilities."""
    assert T.restart_epochs(2, 1, 6) == (2, 4, 6)
    long = _result(SNAP)
    assert long.snapshot_probabilities is not None and len(long.snapshot_probabilities) == 3
    mean = np.mean(long.snapshot_probabilities, axis=0)
    want = accuracy_score(long.y_true, mean.argmax(1))
    assert long.snapshot_test_accuracy == pytest.approx(want)
    short = _result(SNAP.replace(epochs=4, snapshots=2))
    for a, b in zip(short.snapshot_probabilities, long.snapshot_probabilities[:2], strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(long.snapshot_probabilities[0], long.snapshot_probabilities[2])
    plain = _result(SNAP.replace(snapshots=0))
    assert plain.snapshot_test_accuracy is None and plain.snapshot_probabilities is None
    np.testing.assert_array_equal(plain.probs, long.probs)  # the run itself is unchanged
    assert "snapshot_test_accuracy" in long.summary()
    assert "snapshot_test_accuracy" not in plain.summary()


def test_snapshots_keep_the_last_cycles():
    """K below the number of cycles keeps the last K (T_0=1, T_mult=2: ends at 1, 3, 7)."""
    assert T.restart_epochs(1, 2, 7) == (1, 3, 7)
    cfg = SMALL.replace(
        schedule="cosine_restarts", schedule_params={"T_0": 1, "T_mult": 2}, epochs=7
    )
    all3 = _result(cfg.replace(snapshots=3)).snapshot_probabilities
    last2 = _result(cfg.replace(snapshots=2)).snapshot_probabilities
    for a, b in zip(last2, all3[1:], strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"snapshots": 2}, "snapshots_schedule"),
        ({"snapshots": 2, "schedule": "cosine"}, "snapshots_schedule"),
        ({"snapshots": 2, "schedule": "cosine_restarts", "epochs": 19}, "snapshots_cycles"),
        (
            {
                "snapshots": 3,
                "schedule": "cosine_restarts",
                "schedule_params": {"T_0": 5, "T_mult": 2},
                "epochs": 34,
            },
            "snapshots_cycles",
        ),
        ({"snapshots": -1}, "too_small"),
        ({"snapshots": 1.5}, "not_integer"),
        ({"augment": "flip"}, "choice"),
    ],
)
def test_snapshot_and_augment_config_errors(changes, code):
    with pytest.raises(T.ConfigError) as info:
        T.TrainConfig(**changes)
    assert info.value.code == code


def test_snapshots_config_accepts_enough_cycles_and_round_trips():
    cfg = T.TrainConfig(schedule="cosine_restarts", epochs=20, snapshots=2, augment="rotate")
    assert T.TrainConfig.from_json(cfg.to_json()) == cfg
    assert T.TrainConfig.from_dict({"lr": 0.1}).augment == "none"  # old configs still load


# ----------------------------------------------------------------------------- command line
BASE = ["--hidden", "16", "--optimizer", "adam", "--lr", "0.01", "--epochs", "2", "--json"]


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_cli_ensemble_and_augment_keys(capsys):
    assert T.main([*BASE, "--ensemble", "2", "--augment", "shift", "--seed", "3"]) == 0
    d = _json(capsys)
    assert len(d["member_test_accuracies"]) == 2
    assert d["member_test_accuracies"][0] == d["test_accuracy"]  # member 0 = the plain run
    assert 0.0 <= d["ensemble_test_accuracy"] <= 1.0
    assert d["config"]["augment"] == "shift" and d["config"]["seed"] == 3
    assert "snapshot_test_accuracy" not in d


def test_cli_snapshots_key(capsys):
    args = [*BASE, "--epochs", "4", "--schedule", "cosine_restarts", "--schedule-param", "T_0=2"]
    assert T.main([*args, "--snapshots", "2"]) == 0
    d = _json(capsys)
    assert 0.0 <= d["snapshot_test_accuracy"] <= 1.0 and d["config"]["snapshots"] == 2
    assert "ensemble_test_accuracy" not in d


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--snapshots", "2"], "cosine_restarts"),
        (["--snapshots", "3", "--schedule", "cosine_restarts", "--epochs", "20"], "cycles"),
        (["--ensemble", "0"], "--ensemble"),
        (["--ensemble", "2", "--seed", str(2**32 - 1)], "seed"),
    ],
)
def test_cli_bad_combinations_exit_2(args, message, capsys):
    assert T.main(args) == 2
    assert message in capsys.readouterr().err


def test_cli_refuses_an_unknown_augmentation(capsys):
    with pytest.raises(SystemExit) as info:
        T.main(["--augment", "flip"])
    assert info.value.code == 2


# ----------------------------------------------------------------------------- the script
CHECK_SHIFT = """
import numpy as np
torch.manual_seed(1)
xb = X[:200]
out = augment(xb)
assert out.shape == xb.shape
S, m = IMAGE_SIZE, MAX_SHIFT
for a, b in zip(xb.numpy().reshape(-1, S, S) - FILL, out.numpy().reshape(-1, S, S) - FILL):
    ok = False
    for dx in range(-m, m + 1):
        for dy in range(-m, m + 1):
            r = np.roll(a, (dy, dx), axis=(0, 1))
            if dy > 0: r[:dy] = 0
            if dy < 0: r[dy:] = 0
            if dx > 0: r[:, :dx] = 0
            if dx < 0: r[:, dx:] = 0
            ok = ok or np.allclose(r, b, atol=1e-4)
    assert ok
print("SHIFT_OK")
"""


def test_exported_script_augments_training_batches(tmp_path):
    """The script of a config with augmentation defines ``augment`` and calls it on training
    batches only; it trains, and its shifts are the integer shifts of the oracle above."""
    for kind in ("none", "rotate"):
        code = T.pytorch_code(SMALL.replace(augment=kind))
        assert ("def augment(" in code) == (kind != "none")
        assert code.count("xb = augment(xb)") == (kind != "none")
    config = SMALL.replace(augment="shift", epochs=10, train_fraction=1.0)
    path = tmp_path / "train_augmented.py"
    path.write_text(T.pytorch_code(config) + CHECK_SHIFT)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                         timeout=600, env=env, cwd=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    test_line = next(x for x in out.stdout.splitlines() if x.startswith("best_epoch"))
    assert float(test_line.split()[-1]) > 0.8
    assert out.stdout.strip().endswith("SHIFT_OK")
