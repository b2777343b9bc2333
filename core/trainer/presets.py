"""Named configurations from the course documents, and the numbers those documents print."""

from __future__ import annotations

from typing import Any

from core.trainer.config import TrainConfig

# ----------------------------------------------------------------------------- presets
_HW = {"dataset": "mnist", "batch_size": 2000, "epochs": 100, "val_fraction": 10_000 / 60_000}
# The homework does not state the hidden widths; these are ours.
HOMEWORK_WIDTHS: dict[int, tuple[int, ...]] = {0: (), 1: (128,), 2: (128, 64), 3: (256, 128, 64)}
_DIGITS = {
    "dataset": "digits",
    "optimizer": "adam",
    "lr": 1e-3,
    "batch_size": 64,
    "epochs": 1000,
    "patience": 20,
    "val_fraction": 0.2,
}

PRESETS: dict[str, TrainConfig] = {
    # MNIST homework: logistic baseline, 1/2/3 hidden ReLU layers, SGD, batch 2000
    "logistic": TrainConfig(**_HW, optimizer="sgd", lr=0.1),
    "hidden1": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[1], optimizer="sgd", lr=0.1),
    "hidden2": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[2], optimizer="sgd", lr=0.1),
    "hidden3": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[3], optimizer="sgd", lr=0.1),
    "logistic_lr001": TrainConfig(**_HW, optimizer="sgd", lr=0.01),
    "hidden1_lr001": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[1], optimizer="sgd", lr=0.01),
    "hidden2_lr001": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[2], optimizer="sgd", lr=0.01),
    "hidden3_lr001": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[3], optimizer="sgd", lr=0.01),
    # ... then the same networks with Adam and Adagrad at lr 0.01
    "adam": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[2], optimizer="adam", lr=0.01),
    "adagrad": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[2], optimizer="adagrad", lr=0.01),
    # regularizers notebook: 64-64-128-64-64, dropout 0.33 after the first layer, one
    # BatchNorm(64) on the second, L1 and L2 (their strengths are not stated: ours)
    "regularized5": TrainConfig(
        dataset="mnist",
        hidden=(64, 64, 128, 64, 64),
        dropout=(0.33, 0.0, 0.0, 0.0, 0.0),
        batch_norm=(False, True, False, False, False),
        l1=1e-5,
        l2=1e-4,
        optimizer="adam",
        lr=1e-3,
        batch_size=128,
        epochs=30,
        val_fraction=10_000 / 60_000,
    ),
    # optical-digits report, cases a-f: Adam, early stopping on the validation loss
    "digits_a": TrainConfig(**_DIGITS, hidden=(10,), activation="relu"),
    "digits_b": TrainConfig(**_DIGITS, hidden=(40,), activation="relu"),
    "digits_c": TrainConfig(**_DIGITS, hidden=(10,), activation="tanh"),
    "digits_d": TrainConfig(**_DIGITS, hidden=(40,), activation="tanh"),
    "digits_e": TrainConfig(**_DIGITS, hidden=(10, 10), activation="relu"),
    "digits_f": TrainConfig(**_DIGITS, hidden=(40, 40), activation="relu"),
}

# presets by course document, in the order a page lists them
PRESET_GROUPS: dict[str, tuple[str, ...]] = {
    "homework": (
        "logistic", "hidden1", "hidden2", "hidden3", "logistic_lr001", "hidden1_lr001",
        "hidden2_lr001", "hidden3_lr001", "adam", "adagrad",
    ),
    "regularizers": ("regularized5",),
    "optical_digits": tuple(f"digits_{c}" for c in "abcdef"),
}  # fmt: skip

# test accuracies and losses printed in the optical-digits report, cases a-f
DIGITS_REPORT_ACCURACY = {"a": 0.960, "b": 0.980, "c": 0.956, "d": 0.972, "e": 0.960, "f": 0.983}
DIGITS_REPORT_LOSS = {"a": 0.125, "b": 0.069, "c": 0.141, "d": 0.086, "e": 0.149, "f": 0.074}
# the test loss that the report's text for case e quotes (it is case d's)
DIGITS_REPORT_E_TEXT_LOSS = 0.086
# the report's approximate training times in seconds: d and f shortest, b and c longest
DIGITS_REPORT_SECONDS = {"b": 8.5, "c": 8.5, "d": 4.6, "f": 4.6}

# Regularizers notebook. Its first model (4-2-1, no regularizers) scored 0.11349 on the MNIST
# test set: 1,135 / 10,000 stored as float32 and cut to five digits. MNIST's test set has
# these many images of each digit 0..9 (the "1"s are the largest class):
MNIST_TEST_CLASS_COUNTS = (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009)
MNIST_TEST_MAJORITY_SHARE = max(MNIST_TEST_CLASS_COUNTS) / sum(MNIST_TEST_CLASS_COUNTS)
NOTEBOOK_CONSTANT_ACCURACY = 0.11349
# its dropout + batch-norm model: training loss (the running mean of an epoch) and test loss
NOTEBOOK_TRAIN_LOSS = 0.1084
NOTEBOOK_TEST_LOSS = 0.094


# the homework's learning rate for Adam and Adagrad, carried over from its SGD runs
HOMEWORK_ADAPTIVE_LR = 0.01


def course_grid(
    dataset: str = "mnist",
    depths: tuple[int, ...] = (0, 1, 2, 3),
    lrs: tuple[float, ...] = (0.1, 0.01),
    optimizer: str = "sgd",
    **overrides: Any,
) -> list[tuple[str, TrainConfig]]:
    """The homework grid: hidden depth x learning rate (SGD, batch 2000), as labelled configs.

    Example: ``course_grid(epochs=20)`` gives 8 configs, labels like ``"2 hidden, lr 0.01"``.
    """
    grid = []
    for depth in depths:
        if depth not in HOMEWORK_WIDTHS:
            raise ValueError(f"depths must be in 0..3, got {depth}")
        for lr in lrs:
            cfg = TrainConfig(
                **{
                    **_HW,
                    "dataset": dataset,
                    "hidden": HOMEWORK_WIDTHS[depth],
                    "optimizer": optimizer,
                    "lr": lr,
                    **overrides,
                }
            )
            grid.append((f"{depth} hidden, {optimizer} lr {lr:g}", cfg))
    return grid
