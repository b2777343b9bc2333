"""Fuzz cases of core.data: the loaders on small synthetic MNIST folders, bad paths and damaged
files, the seeded split and the normalization.

Valid folders are written with the layout and IDX format torchvision uses (``MNIST/raw/...``)
and random images and labels; the loaded tensors must be exactly those. Bad folders (missing,
a file instead of a folder, some files missing, truncated files, wrong headers, wrong image
size, labels out of range, random bytes) must give core's DatasetUnavailable, a ValueError.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from core import data
from tests.core.fuzz.framework import Cases, Kwargs, holds
from tests.core.fuzz.strategies import SEEDS, bad_name, bad_number

CASES = Cases()
fuzz = CASES.add

ROOT = Path(tempfile.mkdtemp(prefix="pizarra-fuzz-data-"))
atexit.register(shutil.rmtree, ROOT, ignore_errors=True)
_folders = iter(range(10**9))
WRITTEN: dict[Path, dict[str, np.ndarray]] = {}  # valid folder -> the arrays written there
FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte")
FILES += ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


def idx_bytes(arr: np.ndarray) -> bytes:
    """An uncompressed IDX file of unsigned bytes: header 0 0 0x08 ndim, big-endian sizes."""
    header = bytes([0, 0, 8, arr.ndim]) + b"".join(int(s).to_bytes(4, "big") for s in arr.shape)
    return header + arr.astype(np.uint8).tobytes()


def write_folder(files: dict[str, bytes], name: str = "mnist") -> Path:
    """A fresh data folder with ``files`` in ``<root>/MNIST/raw`` (FashionMNIST for fashion)."""
    root = ROOT / f"d{next(_folders)}"
    raw = root / ("MNIST" if name == "mnist" else "FashionMNIST") / "raw"
    raw.mkdir(parents=True)
    for file, blob in files.items():
        (raw / file).write_bytes(blob)
    return root


@st.composite
def mnist_arrays(draw: Any) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n_train, n_test = draw(st.integers(1, 6)), draw(st.integers(1, 4))
    return {
        FILES[0]: rng.integers(0, 256, (n_train, 28, 28)),
        FILES[1]: rng.integers(0, 10, n_train),
        FILES[2]: rng.integers(0, 256, (n_test, 28, 28)),
        FILES[3]: rng.integers(0, 10, n_test),
    }


@st.composite
def mnist_folders(draw: Any) -> Kwargs:
    name = draw(st.sampled_from(["mnist", "fashion-mnist"]))
    arrays = draw(mnist_arrays())
    root = write_folder({f: idx_bytes(a) for f, a in arrays.items()}, name)
    WRITTEN[root] = arrays
    return {"name": name, "data_dir": root, "download": False}


def _check_loaded(kw: Kwargs, out: Any) -> None:
    arrays = WRITTEN[kw["data_dir"]]
    np.testing.assert_array_equal(out.images_train.numpy(), arrays[FILES[0]])
    np.testing.assert_array_equal(out.y_train.numpy(), arrays[FILES[1]])
    np.testing.assert_array_equal(out.images_test.numpy(), arrays[FILES[2]])
    np.testing.assert_array_equal(out.y_test.numpy(), arrays[FILES[3]])
    spec = data.DATASETS[kw["name"]]
    expected = arrays[FILES[0]].reshape(len(arrays[FILES[0]]), -1) / spec.max_value - spec.mean
    np.testing.assert_allclose(out.x_train.numpy(), expected / spec.std, rtol=1e-5, atol=1e-5)


def _bad_folder(kw: Kwargs) -> st.SearchStrategy:
    """Folders that exist but cannot be a dataset, built from this example's good arrays."""
    arrays = WRITTEN[kw["data_dir"]]
    good = {f: idx_bytes(a) for f, a in arrays.items()}
    images = arrays[FILES[0]]
    broken: list[dict[str, bytes]] = [
        {},  # no files at all
        {FILES[0]: good[FILES[0]]},  # some files missing
        {**good, FILES[0]: good[FILES[0]][:-1]},  # truncated
        {**good, FILES[1]: good[FILES[1]] + b"\x00"},  # one byte too many
        {**good, FILES[0]: b"\x00\x00\x08\x01" + good[FILES[0]][4:]},  # header says 1-D
        {**good, FILES[0]: b"\x00\x00\x0d\x03" + good[FILES[0]][4:]},  # floats, not bytes
        {**good, FILES[0]: idx_bytes(images[:, :14, :])},  # 28x14 images
        {**good, FILES[1]: idx_bytes(arrays[FILES[1]][:-1])},  # a label short
        {**good, FILES[1]: idx_bytes(np.full(len(images), 10))},  # label 10
        {**good, FILES[0]: idx_bytes(images[:0]), FILES[1]: idx_bytes(arrays[FILES[1]][:0])},
        {**good, FILES[2]: b""},
    ]
    files = st.sampled_from(broken)
    garbage = st.dictionaries(st.sampled_from(FILES), st.binary(max_size=64), min_size=4)
    folder = st.one_of(files, garbage.map(lambda g: {**good, **g})).map(
        lambda f: write_folder(f, kw["name"])
    )
    nowhere = st.sampled_from([ROOT / "no-such-folder", ROOT / "no" / "such" / "folder"])
    a_file = st.just(ROOT).map(lambda r: _a_file(r))
    not_a_path = st.sampled_from([123, 1.5, True, [str(kw["data_dir"])], {}, object()])
    return st.one_of(folder, nowhere, a_file, not_a_path)


def _a_file(root: Path) -> Path:
    path = root / f"f{next(_folders)}.txt"
    path.write_text("not a folder")
    return path


fuzz(
    data.load_dataset,
    mnist_folders(),
    _check_loaded,
    {
        "data_dir": _bad_folder,
        "name": bad_name("MNIST", "cifar10", "digits ", ("mnist",), valid=tuple(data.DATASETS)),
        "download": lambda kw: st.sampled_from([None, 0, 1, "yes", "false", [False]]),
    },
    examples=20,
    lists_ok=False,
)


@functools.cache
def digits() -> data.Dataset:
    return data.load_dataset("digits")


def _check_split(kw: Kwargs, out: Any) -> None:
    train_idx, val_idx = out.train_idx, out.val_idx
    n = kw["data"].n_train
    both = torch.cat([train_idx, val_idx])
    assert len(torch.unique(both)) == len(both), "train and validation overlap"
    assert int(both.min()) >= 0 and int(both.max()) < n
    assert len(val_idx) == max(1, round(kw["val_fraction"] * n))
    assert len(train_idx) >= 2


SPLIT = st.fixed_dictionaries(
    {
        "data": st.just(None).map(lambda _: digits()),
        "val_fraction": st.one_of(st.floats(1e-6, 0.5), st.just(0.5)),
        "seed": SEEDS,
        "train_fraction": st.one_of(st.floats(1e-6, 1.0), st.just(1.0)),
    }
)
fuzz(
    data.split_indices,
    SPLIT,
    _check_split,
    {
        "val_fraction": bad_number(0.0, -0.1, 0.51),
        "train_fraction": bad_number(0.0, 1.5, -1.0),
        "seed": bad_number(-1, integer=True),
    },
    examples=20,
    lists_ok=False,
)


@st.composite
def normalize_kwargs(draw: Any) -> Kwargs:
    spec = data.DATASETS[draw(st.sampled_from(sorted(data.DATASETS)))]
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n = draw(st.integers(1, 5))  # load_dataset refuses an empty set before normalizing
    top = int(spec.max_value)
    images = torch.from_numpy(rng.integers(0, top + 1, (n, *spec.image_shape)).astype(np.uint8))
    return {"images": images, "spec": spec}


def _check_normalize(kw: Kwargs, out: Any) -> None:
    spec, images = kw["spec"], kw["images"].numpy()
    assert out.dtype == torch.float32
    assert out.shape == (len(images), int(np.prod(spec.image_shape)))
    expected = (images.reshape(len(images), -1) / spec.max_value - spec.mean) / spec.std
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-5, atol=1e-5)


fuzz(data.normalize, normalize_kwargs(), _check_normalize, examples=15, lists_ok=False)
fuzz(
    data.default_data_dir,
    st.just({}),
    holds(lambda kw, out: isinstance(out, Path)),
    examples=1,
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
