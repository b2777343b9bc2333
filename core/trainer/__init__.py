"""Training engine of the live MLP trainer: configuration, presets, the loop, the command line.

One concept per module: ``hyper`` (optimizer and schedule registries, builders), ``config``
(:class:`TrainConfig`), ``presets`` (course configurations and numbers), ``records``, ``objective``
(penalty, evaluation), ``diagnostics`` (lambda_max, suggested lr, majority baseline), ``threads``,
``loop`` (:func:`train`), ``run`` (:class:`TrainingRun`), ``export`` (the PyTorch script),
``augment`` (batched shifts and rotations of training batches), ``ensemble`` (averaged
members, :func:`train_ensemble`), ``cli`` (``python -m core.trainer``; ``core.train`` is a thin
alias of this package).

The loop is a generator that knows nothing about Streamlit (nanoGPT style)::

    from core.data import load_dataset
    from core.trainer import PRESETS, train

    data = load_dataset("digits")
    for record in train(PRESETS["digits_b"], data):
        if record.kind == "epoch":
            print(record.epoch, record.val_acc)
        elif record.kind == "result":
            print(record.test_acc)

It yields, in order,

* :class:`StepRecord` (``kind="step"``) inside an epoch, about every ``report_every_s`` seconds
  of work (or every ``report_every_steps`` steps): running train loss/accuracy, lr, gradient norm;
* :class:`EpochRecord` (``kind="epoch"``) after each epoch: train and validation loss/accuracy;
* :class:`DivergedRecord` (``kind="diverged"``) if the loss became NaN/inf or grew far above its
  starting value -- training then stops and the record explains why, with a suggested lr;
* one final :class:`TrainResult` (``kind="result"``): weights of the best epoch (lowest
  validation loss), test loss/accuracy, predictions and probabilities, the history.

For a page that keeps the run in ``st.session_state`` and pulls it for a time slice inside an
``st.fragment(run_every=...)``, use :class:`TrainingRun`::

    run = TrainingRun(config, data, report_every_s=0.1)   # on Start
    records = run.pull(seconds=0.4)                       # each tick: work for ~0.4 s
    run.stop()                                            # Stop: the next pull ends it, <= 1 step
    if run.done: result = run.result                      # best model, test metrics, history

or ``run.finish()`` to stop and get the result at once, and ``run.run_to_end()`` for a plain path
(tests, AppTest). Same seed, same numbers: the split, the initial weights, the shuffling and the
dropout masks come from private ``torch.Generator``s seeded from ``config.seed``.

The command line mirrors :class:`TrainConfig`::

    python -m core.train --dataset digits --hidden 40 40 --activation relu --optimizer adam \\
        --lr 0.001 --epochs 300 --patience 20 --seed 0 --json
"""

from __future__ import annotations

from core.trainer.augment import AUGMENTS, augment_batch, augment_gallery
from core.trainer.cli import main
from core.trainer.config import TrainConfig
from core.trainer.constraints import CONSTRAINTS, ConfigError, widget_range
from core.trainer.diagnostics import (
    STABILITY_LATEX,
    MajorityBaseline,
    estimate_lambda_max,
    majority_baseline,
    suggest_lr,
)
from core.trainer.ensemble import (
    EnsembleReport,
    average_probabilities,
    ensemble_report,
    train_ensemble,
)
from core.trainer.export import pytorch_code
from core.trainer.hyper import (
    SCHEDULE_DEFAULTS,
    TORCH_DEFAULT_LR,
    TORCH_OPTIMIZERS,
    build_optimizer,
    build_scheduler,
    restart_epochs,
)
from core.trainer.loop import DIVERGENCE_FACTOR, train
from core.trainer.objective import OBJECTIVE_LATEX, Evaluation, evaluate
from core.trainer.presets import (
    DIGITS_REPORT_ACCURACY,
    DIGITS_REPORT_E_TEXT_LOSS,
    DIGITS_REPORT_LOSS,
    DIGITS_REPORT_SECONDS,
    HOMEWORK_ADAPTIVE_LR,
    HOMEWORK_WIDTHS,
    MNIST_TEST_CLASS_COUNTS,
    MNIST_TEST_MAJORITY_SHARE,
    NOTEBOOK_CONSTANT_ACCURACY,
    NOTEBOOK_TEST_LOSS,
    NOTEBOOK_TRAIN_LOSS,
    PRESET_GROUPS,
    PRESETS,
    REPORT_SOURCES,
    REPORTED,
    Reported,
    course_grid,
    matching_preset,
)
from core.trainer.records import DivergedRecord, EpochRecord, StepRecord, TrainResult
from core.trainer.run import TrainingRun
from core.trainer.threads import available_cpus, configure_threads, warm_up

__all__ = [
    "AUGMENTS",
    "EnsembleReport",
    "augment_batch",
    "augment_gallery",
    "average_probabilities",
    "ensemble_report",
    "restart_epochs",
    "train_ensemble",
    "CONSTRAINTS",
    "ConfigError",
    "widget_range",
    "DIGITS_REPORT_ACCURACY",
    "DIGITS_REPORT_E_TEXT_LOSS",
    "DIGITS_REPORT_LOSS",
    "DIGITS_REPORT_SECONDS",
    "HOMEWORK_ADAPTIVE_LR",
    "MNIST_TEST_CLASS_COUNTS",
    "MNIST_TEST_MAJORITY_SHARE",
    "NOTEBOOK_CONSTANT_ACCURACY",
    "NOTEBOOK_TEST_LOSS",
    "NOTEBOOK_TRAIN_LOSS",
    "TORCH_DEFAULT_LR",
    "MajorityBaseline",
    "majority_baseline",
    "DIVERGENCE_FACTOR",
    "HOMEWORK_WIDTHS",
    "OBJECTIVE_LATEX",
    "TORCH_OPTIMIZERS",
    "PRESETS",
    "PRESET_GROUPS",
    "REPORT_SOURCES",
    "REPORTED",
    "Reported",
    "SCHEDULE_DEFAULTS",
    "STABILITY_LATEX",
    "DivergedRecord",
    "EpochRecord",
    "Evaluation",
    "StepRecord",
    "TrainConfig",
    "TrainResult",
    "TrainingRun",
    "build_optimizer",
    "available_cpus",
    "build_scheduler",
    "configure_threads",
    "course_grid",
    "matching_preset",
    "estimate_lambda_max",
    "evaluate",
    "main",
    "pytorch_code",
    "suggest_lr",
    "train",
    "warm_up",
]
