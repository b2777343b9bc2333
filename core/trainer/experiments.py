"""The configurations of the Generalization page's experiments on digits, in one place.

The page, the tests and the measurements in the report all build their runs here, so a number
quoted for "K = 10 members, seeds 0..9" is the same run everywhere:

* :func:`ensemble_config` -- one member of an ensemble (member i: ``seed + i``);
* :func:`snapshot_config` -- one run with cosine restarts that keeps a snapshot per cycle;
* :func:`augment_pair` -- the same small run without and with augmentation, same seed.

All train an MLP on scikit-learn's 8x8 digits with Adam (SGD with momentum for the snapshots,
whose restarts need a large learning rate to leave the previous minimum, as in Huang et al.,
"Snapshot Ensembles: Train 1, get M for free", ICLR 2017).
"""

from __future__ import annotations

from core._validate import check_scalar
from core.trainer.augment import AUGMENTS
from core.trainer.config import TrainConfig

# The slides: "about +2 % with 10 models" (the base accuracy is not given).
SLIDES_ENSEMBLE_K = 10
SLIDES_ENSEMBLE_GAIN = 0.02


def ensemble_config(width: int = 32, epochs: int = 20, seed: int = 0) -> TrainConfig:
    """Member 0 of the ensemble: digits, one hidden layer of ``width`` ReLU units, Adam at
    lr 1e-3, mini-batches of 64, ``epochs`` epochs, no early stopping (the weights of the epoch
    with the lowest validation loss are kept, as in every trainer run)."""
    return TrainConfig(
        dataset="digits",
        hidden=(int(check_scalar(width, "width", low=1, high=1024, integer=True)),),
        optimizer="adam",
        lr=1e-3,
        batch_size=64,
        epochs=int(check_scalar(epochs, "epochs", low=1, high=10000, integer=True)),
        seed=int(check_scalar(seed, "seed", low=0, integer=True)),
    )


def snapshot_config(snapshots: int = 4, cycle: int = 10, seed: int = 0) -> TrainConfig:
    """``snapshots`` cycles of cosine annealing with warm restarts, ``cycle`` epochs each
    (T_mult = 1), SGD with momentum 0.9 from lr 0.1 down to 0, a snapshot at the end of every
    cycle. One hidden layer of 64 ReLU units, mini-batches of 64."""
    k = int(check_scalar(snapshots, "snapshots", low=1, high=20, integer=True))
    t_0 = int(check_scalar(cycle, "cycle", low=1, high=500, integer=True))
    return TrainConfig(
        dataset="digits",
        hidden=(64,),
        optimizer="momentum",
        lr=0.1,
        schedule="cosine_restarts",
        schedule_params={"T_0": t_0, "T_mult": 1, "eta_min": 0.0},
        batch_size=64,
        epochs=k * t_0,
        snapshots=k,
        seed=int(check_scalar(seed, "seed", low=0, integer=True)),
    )


def augment_pair(
    kind: str = "shift", train_fraction: float = 0.1, epochs: int = 50, seed: int = 0
) -> tuple[TrainConfig, TrainConfig]:
    """The same run on a small share of the training images, without and with augmentation
    ``kind``: same seed, so the same images, initial weights and shuffling."""
    if kind not in AUGMENTS or kind == "none":
        raise ValueError(
            f"kind must be one of {', '.join(a for a in AUGMENTS if a != 'none')}, got {kind!r}"
        )
    plain = TrainConfig(
        dataset="digits",
        hidden=(64,),
        optimizer="adam",
        lr=1e-3,
        batch_size=32,
        epochs=int(check_scalar(epochs, "epochs", low=1, high=10000, integer=True)),
        train_fraction=check_scalar(
            train_fraction, "train_fraction", low=0.0, high=1.0, low_inclusive=False
        ),
        seed=int(check_scalar(seed, "seed", low=0, integer=True)),
    )
    return plain, plain.replace(augment=kind)
