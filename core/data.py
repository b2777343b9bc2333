"""Datasets for the trainer: loaded once as uint8, normalized once into float32, split by index.

Three image-classification datasets with 10 classes each:

* ``digits`` -- scikit-learn's bundled 8x8 optical digits (1,797 images, pixel values 0..16).
  No network needed: the offline default.
* ``mnist`` and ``fashion-mnist`` -- 28x28 images from torchvision, read from (or downloaded to)
  a data folder: ``data_dir``, else ``$PIZARRA_DATA_DIR``, else ``~/.cache/pizarra``.

Typical use (a page wraps :func:`load_dataset` in ``st.cache_resource``)::

    data = load_dataset("digits")                    # Dataset: uint8 images + float32 features
    split = split_indices(data, val_fraction=0.2, seed=0)
    x_val, y_val = data.x_train[split.val_idx], data.y_train[split.val_idx]

A missing, partial or corrupt data folder, or a failed download, raises
:class:`DatasetUnavailable` (a ``ValueError``) with a readable message and a ``reason`` code
(``"missing"``, ``"download_failed"``, ``"corrupt"``) that a page can translate.

Scaling
-------
Every dataset is normalized with *two constants per dataset* (not per pixel):
``x = (pixel / max_value - mean) / std``. Per-pixel standardization divides by a zero standard
deviation on pixels that are always 0 (the borders of the 8x8 digits, e.g. three pixels in
scikit-learn's copy), which sends validation inputs to huge values; one global mean and std keep
every pixel finite and preserve the relative brightness of the image.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from core._validate import check_scalar, with_latex

__all__ = [
    "DATASETS",
    "Dataset",
    "DatasetSpec",
    "DatasetUnavailable",
    "Split",
    "default_data_dir",
    "load_dataset",
    "normalize",
    "split_indices",
]


class DatasetUnavailable(ValueError):
    """The dataset cannot be read: missing files, a failed download, or corrupt content.

    Attributes
    ----------
    dataset : str
        Dataset name (``"mnist"``, ...).
    reason : str
        ``"missing"`` (not on disk and ``download=False``), ``"download_failed"`` or
        ``"corrupt"`` (files present but unreadable, truncated or of the wrong shape).
    path : str or None
        The folder that was searched.
    """

    def __init__(self, dataset: str, reason: str, path: str | None, detail: str = "") -> None:
        self.dataset = dataset
        self.reason = reason
        self.path = path
        self.detail = detail
        where = f" in {path}" if path else ""
        what = {
            "missing": f"dataset {dataset} was not found{where}",
            "download_failed": f"dataset {dataset} could not be downloaded{where}",
            "corrupt": f"dataset {dataset} is incomplete or corrupt{where}",
        }.get(reason, f"dataset {dataset} is unavailable{where}")
        hint = "; the digits dataset works offline"
        super().__init__(what + (f" ({detail})" if detail else "") + hint)


@dataclass(frozen=True)
class DatasetSpec:
    """What is known about a dataset before loading it."""

    name: str
    image_shape: tuple[int, int]
    n_classes: int
    class_names: tuple[str, ...]
    max_value: float  # pixel value that maps to 1.0
    mean: float  # of pixel / max_value, a per-dataset constant
    std: float
    source: str

    @property
    def n_features(self) -> int:
        return self.image_shape[0] * self.image_shape[1]


_DIGIT_NAMES = tuple(str(i) for i in range(10))

DATASETS: dict[str, DatasetSpec] = {
    "digits": DatasetSpec(
        name="digits",
        image_shape=(8, 8),
        n_classes=10,
        class_names=_DIGIT_NAMES,
        max_value=16.0,
        # mean and std of pixel/16 over all 1,797 images of sklearn.datasets.load_digits
        mean=0.3053,
        std=0.3760,
        source="scikit-learn load_digits: 1,797 of the UCI optical-digits images (8x8, 0..16)",
    ),
    "mnist": DatasetSpec(
        name="mnist",
        image_shape=(28, 28),
        n_classes=10,
        class_names=_DIGIT_NAMES,
        max_value=255.0,
        mean=0.1307,  # the usual constants of the 60,000 MNIST training images
        std=0.3081,
        source="MNIST (torchvision): 28x28 handwritten digits",
    ),
    "fashion-mnist": DatasetSpec(
        name="fashion-mnist",
        image_shape=(28, 28),
        n_classes=10,
        class_names=(
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot",
        ),
        max_value=255.0,
        mean=0.2860,
        std=0.3530,
        source="Fashion-MNIST (torchvision): 28x28 clothing images",
    ),
}

# digits has no official train/test split in scikit-learn: a fixed, stratified one.
DIGITS_TEST_FRACTION = 0.25
_DIGITS_SPLIT_SEED = 20231021


@dataclass(frozen=True, eq=False)
class Dataset:
    """A dataset in memory.

    Attributes
    ----------
    spec : DatasetSpec
    images_train, images_test : torch.Tensor
        uint8, shape (n, H, W): the raw pixels (for galleries).
    y_train, y_test : torch.Tensor
        int64 labels, shape (n,).
    x_train, x_test : torch.Tensor
        float32, shape (n, H*W): normalized once, ``(pixel / max_value - mean) / std``.
    data_dir : str or None
        Where the files were read from (None for ``digits``).
    """

    spec: DatasetSpec
    images_train: torch.Tensor
    y_train: torch.Tensor
    images_test: torch.Tensor
    y_test: torch.Tensor
    x_train: torch.Tensor = field(repr=False)
    x_test: torch.Tensor = field(repr=False)
    data_dir: str | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def n_train(self) -> int:
        return int(self.y_train.shape[0])

    @property
    def n_test(self) -> int:
        return int(self.y_test.shape[0])

    def __repr__(self) -> str:
        return (
            f"Dataset({self.name!r}, train={self.n_train}, test={self.n_test}, "
            f"image_shape={self.spec.image_shape})"
        )


@dataclass(frozen=True, eq=False)
class Split:
    """Index tensors (int64) into ``Dataset.x_train``: no copy of the data."""

    train_idx: torch.Tensor
    val_idx: torch.Tensor

    @property
    def n_train(self) -> int:
        return int(self.train_idx.shape[0])

    @property
    def n_val(self) -> int:
        return int(self.val_idx.shape[0])


def default_data_dir() -> Path:
    """``$PIZARRA_DATA_DIR`` if set, else a per-user cache folder (``~/.cache/pizarra``)."""
    env = os.environ.get("PIZARRA_DATA_DIR")
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME")
    base = Path(cache).expanduser() if cache else Path.home() / ".cache"
    return base / "pizarra"


NORMALIZE_LATEX = r"x = \frac{\text{pixel}/m - \mu}{\sigma}"


@with_latex(NORMALIZE_LATEX)
def normalize(images: torch.Tensor, spec: DatasetSpec) -> torch.Tensor:
    """Flatten uint8 images and scale them with the dataset's two constants (m = maximum
    pixel value, mu and sigma = the dataset's mean and standard deviation of pixel/m).

    Parameters
    ----------
    images : torch.Tensor
        uint8, shape (n, H, W).
    spec : DatasetSpec
        Gives the maximum pixel value m and the constants mu, sigma.

    Returns
    -------
    torch.Tensor
        float32, shape (n, H*W).
    """
    x = images.reshape(images.shape[0], -1).to(torch.float32)
    # one fused affine map: (p/m - mu)/sigma = p * (1/(m sigma)) - mu/sigma
    scale = 1.0 / (spec.max_value * spec.std)
    shift = -spec.mean / spec.std
    return x.mul_(scale).add_(shift)


def _check_name(name: str) -> DatasetSpec:
    if not isinstance(name, str) or name not in DATASETS:
        raise ValueError(f"dataset must be one of {', '.join(DATASETS)}, got {name!r}")
    return DATASETS[name]


def _load_digits() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    from sklearn.datasets import load_digits  # bundled with scikit-learn: no network

    bunch = load_digits()
    images = np.asarray(bunch.images, dtype=np.uint8)  # (1797, 8, 8), values 0..16
    labels = np.asarray(bunch.target, dtype=np.int64)
    # fixed stratified split: the same test images for every seed and every run
    rng = np.random.default_rng(_DIGITS_SPLIT_SEED)
    test_mask = np.zeros(labels.shape[0], dtype=bool)
    for c in range(10):
        members = np.flatnonzero(labels == c)
        n_test = round(DIGITS_TEST_FRACTION * members.size)
        test_mask[rng.choice(members, size=n_test, replace=False)] = True
    return (
        torch.from_numpy(images[~test_mask].copy()),
        torch.from_numpy(labels[~test_mask].copy()),
        torch.from_numpy(images[test_mask].copy()),
        torch.from_numpy(labels[test_mask].copy()),
    )


_IDX_FILES = (
    ("train-images-idx3-ubyte", 3),
    ("train-labels-idx1-ubyte", 1),
    ("t10k-images-idx3-ubyte", 3),
    ("t10k-labels-idx1-ubyte", 1),
)


def _read_idx(path: Path, ndim: int) -> torch.Tensor:
    """Read an uncompressed IDX file of unsigned bytes (LeCun's MNIST format), strictly:
    header ``0 0 0x08 ndim``, big-endian sizes, then exactly prod(sizes) bytes."""
    raw = path.read_bytes()
    header = 4 + 4 * ndim
    if len(raw) < header or raw[:3] != b"\x00\x00\x08" or raw[3] != ndim:
        raise ValueError(f"{path.name} is not an IDX file of {ndim}-D unsigned bytes")
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    if len(raw) - header != math.prod(shape):
        raise ValueError(
            f"{path.name} holds {len(raw) - header} bytes of data, its header says "
            f"{math.prod(shape)}"
        )
    arr = np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)
    return torch.from_numpy(arr.copy())


def _download(spec: DatasetSpec, root: Path) -> None:
    from urllib.error import URLError

    from torchvision import datasets  # imported only to download: it costs time

    cls = datasets.MNIST if spec.name == "mnist" else datasets.FashionMNIST
    try:
        cls(root=str(root), train=True, download=True)
        cls(root=str(root), train=False, download=True)
    except (RuntimeError, URLError, OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()
        raise DatasetUnavailable(
            spec.name, "download_failed", str(root), first[0] if first else type(exc).__name__
        ) from exc


def _load_idx_dataset(
    spec: DatasetSpec, root: Path, download: bool
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    folder = "MNIST" if spec.name == "mnist" else "FashionMNIST"  # torchvision's layout
    raw_dir = root / folder / "raw"
    present = [(raw_dir / name).is_file() for name, _ in _IDX_FILES]
    if not all(present):
        if download:
            _download(spec, root)
        elif any(present):
            raise DatasetUnavailable(spec.name, "corrupt", str(root), "some files are missing")
        else:
            raise DatasetUnavailable(spec.name, "missing", str(root))
    try:
        parts = tuple(_read_idx(raw_dir / name, ndim) for name, ndim in _IDX_FILES)
    except (OSError, ValueError) as exc:
        raise DatasetUnavailable(spec.name, "corrupt", str(root), str(exc)) from exc
    images_train, labels_train, images_test, labels_test = parts
    return images_train, labels_train.to(torch.int64), images_test, labels_test.to(torch.int64)


def _check_arrays(
    spec: DatasetSpec,
    parts: tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor],
    path: str | None,
) -> None:
    for images, labels, which in ((parts[0], parts[1], "train"), (parts[2], parts[3], "test")):
        problem = ""
        if images.dtype != torch.uint8 or images.ndim != 3:
            problem = f"{which} images must be uint8 (n, H, W)"
        elif tuple(images.shape[1:]) != spec.image_shape:
            problem = (
                f"{which} images have shape {tuple(images.shape[1:])}, expected {spec.image_shape}"
            )
        elif labels.ndim != 1 or labels.shape[0] != images.shape[0]:
            problem = f"{which}: {images.shape[0]} images but {labels.shape[0]} labels"
        elif images.shape[0] == 0:
            problem = f"{which} set is empty"
        elif int(labels.min()) < 0 or int(labels.max()) >= spec.n_classes:
            problem = f"{which} labels outside 0..{spec.n_classes - 1}"
        if problem:
            raise DatasetUnavailable(spec.name, "corrupt", path, problem)


def load_dataset(
    name: str, data_dir: str | os.PathLike | None = None, download: bool = True
) -> Dataset:
    """Load a dataset into memory (uint8 images, int64 labels) and normalize it once.

    Parameters
    ----------
    name : {"digits", "mnist", "fashion-mnist"}
    data_dir : path, optional
        Folder laid out as torchvision expects (``<dir>/MNIST/raw/...``). Default:
        :func:`default_data_dir`. Ignored for ``digits``.
    download : bool
        Download missing MNIST / Fashion-MNIST files with torchvision (which prints its own
        progress; a page shows a spinner). Files on disk are read directly (IDX format),
        without importing torchvision.

    Returns
    -------
    Dataset

    Raises
    ------
    ValueError
        Unknown ``name``, ``data_dir`` neither None nor a path, ``download`` not a bool.
    DatasetUnavailable
        Files missing (with ``download=False``), download failed, or files corrupt.
    """
    spec = _check_name(name)
    if data_dir is not None and not isinstance(data_dir, (str, os.PathLike)):
        raise ValueError(
            f"data_dir must be a path (str or os.PathLike) or None, got {type(data_dir).__name__}"
        )
    if not isinstance(download, (bool, np.bool_)):
        raise ValueError(f"download must be true or false, got {download!r}")
    if name == "digits":
        parts = _load_digits()
        root: str | None = None
    else:
        root_path = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
        root = str(root_path)
        parts = _load_idx_dataset(spec, root_path, download)
    _check_arrays(spec, parts, root)
    images_train, y_train, images_test, y_test = parts
    return Dataset(
        spec=spec,
        images_train=images_train,
        y_train=y_train.to(torch.int64),
        images_test=images_test,
        y_test=y_test.to(torch.int64),
        x_train=normalize(images_train, spec),
        x_test=normalize(images_test, spec),
        data_dir=root,
    )


def split_indices(
    data: Dataset, val_fraction: float, seed: int, train_fraction: float = 1.0
) -> Split:
    """Seeded train/validation split of the training set, as index tensors.

    The validation part depends only on ``val_fraction`` and ``seed``; ``train_fraction < 1``
    then keeps the first share of the (shuffled) training part, for quick classroom runs, so
    runs on a subset are validated on the same images as full runs.

    Parameters
    ----------
    data : Dataset
    val_fraction : float
        Share of the training set held out for validation, in (0, 0.5].
    seed : int
        Seed of the permutation (``torch.Generator``).
    train_fraction : float
        Share of the remaining training images used, in (0, 1].

    Returns
    -------
    Split
    """
    check_scalar(val_fraction, "val_fraction", low=0.0, high=0.5, low_inclusive=False)
    check_scalar(train_fraction, "train_fraction", low=0.0, high=1.0, low_inclusive=False)
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    n = data.n_train
    n_val = max(1, round(val_fraction * n))
    n_rest = n - n_val
    if n_rest < 2:
        raise ValueError(f"val_fraction leaves {n_rest} training images, need at least 2")
    n_train = min(n_rest, max(2, round(train_fraction * n_rest)))
    gen = torch.Generator().manual_seed(seed)
    perm = torch.randperm(n, generator=gen)
    return Split(train_idx=perm[n_val : n_val + n_train].clone(), val_idx=perm[:n_val].clone())
