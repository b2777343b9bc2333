"""Tests for core.data: loading, scaling, splitting, and clear errors for unusable data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from core import data as D

# label counts printed in the subset's README
SUBSET_TRAIN_COUNTS = [788, 901, 797, 815, 799, 719, 775, 832, 757, 817]
SUBSET_TEST_COUNTS = [192, 234, 235, 195, 183, 173, 183, 196, 217, 192]


@pytest.fixture(scope="module")
def digits() -> D.Dataset:
    return D.load_dataset("digits")


@pytest.fixture(scope="module")
def mnist(mnist_subset: Path) -> D.Dataset:  # the subset: tests/conftest.py
    return D.load_dataset("mnist", data_dir=mnist_subset, download=False)


# ---------------------------------------------------------------------------------------------
# digits: offline, fixed stratified test split, scaling
# ---------------------------------------------------------------------------------------------
def test_digits_shapes_dtypes_and_split(digits):
    from sklearn.datasets import load_digits

    ref = load_digits()
    assert digits.n_train + digits.n_test == 1797
    assert digits.images_train.dtype == torch.uint8 and digits.images_train.shape[1:] == (8, 8)
    assert digits.x_train.dtype == torch.float32 and digits.x_train.shape == (digits.n_train, 64)
    assert digits.y_train.dtype == torch.int64
    assert int(digits.images_train.max()) == 16
    # test share is 25 % of every class (stratified), rounded
    for c in range(10):
        n_c = int((ref.target == c).sum())
        assert int((digits.y_test == c).sum()) == round(0.25 * n_c)
    # the union of train and test is exactly scikit-learn's dataset (as a multiset of rows)
    ours = np.concatenate([digits.images_train.numpy(), digits.images_test.numpy()])
    ours = ours.reshape(1797, 64).astype(np.int64)
    theirs = ref.images.reshape(1797, 64).astype(np.int64)
    assert sorted(map(tuple, ours)) == sorted(map(tuple, theirs))


def test_digits_split_is_fixed(digits):
    again = D.load_dataset("digits")
    assert torch.equal(again.images_test, digits.images_test)
    assert torch.equal(again.y_train, digits.y_train)


def test_digits_constants_match_the_data(digits):
    """The two constants are the mean and std of pixel/16 over all 1,797 images."""
    from sklearn.datasets import load_digits

    x = load_digits().images / 16.0
    spec = D.DATASETS["digits"]
    assert spec.mean == pytest.approx(x.mean(), abs=5e-5)
    assert spec.std == pytest.approx(x.std(), abs=5e-5)


def test_normalization_formula_and_always_zero_pixels(digits):
    spec = digits.spec
    expected = (digits.images_train.reshape(-1, 64).double() / 16.0 - spec.mean) / spec.std
    assert torch.allclose(digits.x_train.double(), expected, atol=1e-6)
    # scikit-learn's digits have pixels that are 0 in every image: they stay finite (one
    # constant value), whereas per-pixel standardization would divide by a zero std
    all_images = torch.cat([digits.images_train, digits.images_test]).reshape(-1, 64)
    dead = (all_images.max(dim=0).values == 0).nonzero().flatten()
    assert dead.numel() >= 1
    assert torch.isfinite(digits.x_train).all() and torch.isfinite(digits.x_test).all()
    assert torch.allclose(digits.x_train[:, dead], torch.tensor(-spec.mean / spec.std))
    assert float(digits.x_train.abs().max()) < 3.0


# ---------------------------------------------------------------------------------------------
# MNIST subset (torchvision layout), oracle: torchvision's ToTensor + Normalize
# ---------------------------------------------------------------------------------------------
def test_mnist_subset_loads_offline(mnist, mnist_subset):
    assert (mnist.n_train, mnist.n_test) == (8000, 2000)
    assert mnist.images_train.dtype == torch.uint8 and mnist.images_train.shape[1:] == (28, 28)
    assert torch.bincount(mnist.y_train, minlength=10).tolist() == SUBSET_TRAIN_COUNTS
    assert torch.bincount(mnist.y_test, minlength=10).tolist() == SUBSET_TEST_COUNTS
    pixels = torch.cat([mnist.images_train, mnist.images_test]).double() / 255.0
    assert float(pixels.mean()) == pytest.approx(0.1325, abs=5e-5)  # README: 0.1325
    assert mnist.data_dir == str(mnist_subset)


def test_mnist_normalization_equals_the_textbook_transform(mnist, mnist_subset):
    from torchvision import datasets, transforms

    tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    ref = datasets.MNIST(str(mnist_subset), train=False, download=False, transform=tf)
    for i in (0, 1, 777, 1999):
        img, label = ref[i]
        assert label == int(mnist.y_test[i])
        assert torch.allclose(mnist.x_test[i], img.reshape(-1), atol=1e-5)


def test_data_dir_from_environment(monkeypatch, mnist_subset):
    monkeypatch.setenv("PIZARRA_DATA_DIR", str(mnist_subset))
    assert D.default_data_dir() == mnist_subset
    data = D.load_dataset("mnist", download=False)
    assert data.n_test == 2000


def test_default_data_dir_is_a_user_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("PIZARRA_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert D.default_data_dir() == tmp_path / "pizarra"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert D.default_data_dir() == Path.home() / ".cache" / "pizarra"


# ---------------------------------------------------------------------------------------------
# unusable data: a DatasetUnavailable (a ValueError) with a reason, never a raw traceback
# ---------------------------------------------------------------------------------------------
def test_missing_folder(tmp_path):
    with pytest.raises(D.DatasetUnavailable, match="dataset mnist was not found") as info:
        D.load_dataset("mnist", data_dir=tmp_path / "nothing", download=False)
    assert isinstance(info.value, ValueError)
    assert info.value.reason == "missing"
    assert "digits" in str(info.value)  # points at the offline alternative


def _copy_subset(tmp_path: Path, subset: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(subset / "MNIST", root / "MNIST")
    for f in (root / "MNIST" / "raw").iterdir():
        os.chmod(f, 0o644)
    return root


def test_partial_folder(tmp_path, mnist_subset):
    root = _copy_subset(tmp_path, mnist_subset)
    (root / "MNIST" / "raw" / "t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(D.DatasetUnavailable, match="incomplete or corrupt") as info:
        D.load_dataset("mnist", data_dir=root, download=False)
    assert info.value.reason == "corrupt"


@pytest.mark.parametrize("name", ["train-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])
def test_truncated_file(tmp_path, name, mnist_subset):
    root = _copy_subset(tmp_path, mnist_subset)
    f = root / "MNIST" / "raw" / name
    f.write_bytes(f.read_bytes()[:1000])
    with pytest.raises(D.DatasetUnavailable) as info:
        D.load_dataset("mnist", data_dir=root, download=False)
    assert info.value.reason == "corrupt"


def test_garbage_file(tmp_path, mnist_subset):
    root = _copy_subset(tmp_path, mnist_subset)
    (root / "MNIST" / "raw" / "train-labels-idx1-ubyte").write_bytes(b"not an idx file")
    with pytest.raises(D.DatasetUnavailable) as info:
        D.load_dataset("mnist", data_dir=root, download=False)
    assert info.value.reason == "corrupt"


def test_failed_download(tmp_path, monkeypatch):
    """An unreachable mirror (closed local port: no network needed) -> download_failed."""
    from torchvision import datasets

    monkeypatch.setattr(datasets.FashionMNIST, "mirrors", ["http://127.0.0.1:9/"])
    with pytest.raises(D.DatasetUnavailable, match="could not be downloaded") as info:
        D.load_dataset("fashion-mnist", data_dir=tmp_path, download=True)
    assert info.value.reason == "download_failed"


def test_unknown_dataset():
    with pytest.raises(ValueError, match=r"dataset must be one of digits, mnist, fashion-mnist"):
        D.load_dataset("cifar")


# ---------------------------------------------------------------------------------------------
# train / validation split
# ---------------------------------------------------------------------------------------------
@settings(max_examples=30, deadline=None)
@given(
    val=st.floats(0.01, 0.5),
    frac=st.floats(0.01, 1.0),
    seed=st.integers(0, 2**31 - 1),
)
def test_split_properties(digits, val, frac, seed):
    s = D.split_indices(digits, val, seed, frac)
    full = D.split_indices(digits, val, seed, 1.0)
    n = digits.n_train
    tr, va = s.train_idx, s.val_idx
    assert s.n_val == max(1, round(val * n))
    assert len(set(tr.tolist()) & set(va.tolist())) == 0
    assert len(set(tr.tolist())) == s.n_train  # no repeats
    assert int(tr.min()) >= 0 and int(tr.max()) < n
    # the subset is a prefix of the full training part; validation does not change
    assert torch.equal(va, full.val_idx)
    assert torch.equal(tr, full.train_idx[: s.n_train])
    assert s.n_train + s.n_val == n if frac == 1.0 else s.n_train <= n - s.n_val


def test_split_is_seeded(digits):
    a = D.split_indices(digits, 0.2, 3)
    b = D.split_indices(digits, 0.2, 3)
    c = D.split_indices(digits, 0.2, 4)
    assert torch.equal(a.val_idx, b.val_idx) and torch.equal(a.train_idx, b.train_idx)
    assert not torch.equal(a.val_idx, c.val_idx)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"val_fraction": 0.0, "seed": 0}, r"val_fraction must be > 0.0, got 0.0"),
        ({"val_fraction": 0.6, "seed": 0}, r"val_fraction must be <= 0.5, got 0.6"),
        ({"val_fraction": 0.2, "seed": -1}, r"seed must be >= 0, got -1"),
        ({"val_fraction": 0.2, "seed": 0, "train_fraction": 1.5}, r"train_fraction must be <= 1"),
    ],
)
def test_split_bad_input(digits, kwargs, message):
    with pytest.raises(ValueError, match=message):
        D.split_indices(digits, **kwargs)
