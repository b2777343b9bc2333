"""The command line: ``python -m core.trainer`` (or ``python -m core.train``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from core.data import load_dataset
from core.trainer.config import TrainConfig
from core.trainer.constraints import CONSTRAINTS, Options
from core.trainer.ensemble import MAX_ENSEMBLE, ensemble_report
from core.trainer.export import pytorch_code
from core.trainer.loop import train
from core.trainer.presets import PRESETS
from core.trainer.records import TrainResult


def _key_value(text: str) -> tuple[str, Any]:
    """Parse ``NAME=VALUE`` of ``--optimizer-param``/``--schedule-param``: true/false ->
    bool, none/null -> None, ``a,b`` -> tuple of floats, a plain integer -> int, else float."""
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    name, raw = text.split("=", 1)
    raw = raw.strip()
    if raw.lower() in ("true", "false"):
        return name.strip(), raw.lower() == "true"
    if raw.lower() in ("none", "null"):
        return name.strip(), None
    try:
        if "," in raw:
            return name.strip(), tuple(float(v) for v in raw.split(","))
        num = float(raw)
        return name.strip(), int(
            num
        ) if num.is_integer() and "." not in raw and "e" not in raw.lower() else num
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"bad value in {text!r}") from exc


def _choices(name: str) -> list[str]:
    """The values a flag accepts, from the constraint table (one list for the CLI and config)."""
    constraint = CONSTRAINTS[name]
    assert isinstance(constraint, Options)
    return list(constraint.values)


def _parser() -> argparse.ArgumentParser:
    """The command line. Choices come from the constraint table (``CONSTRAINTS``); a flag left
    out stays unset, so a ``--preset`` or ``--config`` value is only overridden by the flags
    given."""
    ap = argparse.ArgumentParser(
        prog="python -m core.train",
        description="Train an MLP classifier (digits / MNIST / Fashion-MNIST) from the terminal.",
    )
    S = argparse.SUPPRESS
    ap.add_argument(
        "--preset",
        choices=list(PRESETS),
        default=S,
        help="start from a named configuration; other flags override it",
    )
    ap.add_argument("--config", metavar="FILE", default=S, help="start from a JSON config file")
    ap.add_argument("--dataset", choices=_choices("dataset"), default=S)
    ap.add_argument(
        "--hidden",
        type=int,
        nargs="*",
        default=S,
        metavar="WIDTH",
        help="hidden widths; none = multinomial logistic regression",
    )
    ap.add_argument("--activation", choices=_choices("activation"), default=S)
    ap.add_argument("--init", choices=_choices("init"), default=S)
    ap.add_argument("--init-std", type=float, default=S)
    ap.add_argument(
        "--dropout",
        type=float,
        nargs="+",
        default=S,
        metavar="P",
        help="drop probability, one value or one per hidden layer",
    )
    ap.add_argument(
        "--batch-norm",
        type=int,
        nargs="*",
        choices=(0, 1),
        default=S,
        help="batch norm on every hidden layer, or 0/1 per layer",
    )
    ap.add_argument("--l1", type=float, default=S)
    ap.add_argument("--l2", type=float, default=S)
    ap.add_argument("--optimizer", choices=_choices("optimizer"), default=S)
    ap.add_argument("--lr", type=float, default=S)
    ap.add_argument(
        "--optimizer-param",
        type=_key_value,
        action="append",
        default=S,
        metavar="NAME=VALUE",
        help="e.g. momentum=0.95 or betas=0.9,0.99",
    )
    ap.add_argument("--schedule", choices=_choices("schedule"), default=S)
    ap.add_argument(
        "--schedule-param",
        type=_key_value,
        action="append",
        default=S,
        metavar="NAME=VALUE",
        help="e.g. step_size=10 or T_max=50",
    )
    ap.add_argument("--batch-size", type=int, default=S)
    ap.add_argument("--epochs", type=int, default=S)
    ap.add_argument("--patience", type=int, default=S, help="early stopping; 0 = off")
    ap.add_argument("--val-fraction", type=float, default=S)
    ap.add_argument("--train-fraction", type=float, default=S)
    ap.add_argument("--seed", type=int, default=S)
    ap.add_argument(
        "--eval-train-loss",
        action="store_true",
        default=S,
        help="also evaluate the training images in evaluation mode (no dropout, no penalty) "
        "at the end of each epoch; the default train loss is the running mean of the "
        "epoch's mini-batch losses in training mode",
    )
    ap.add_argument(
        "--augment",
        choices=_choices("augment"),
        default=S,
        help="random shifts and/or rotations of the training batches (never val/test)",
    )
    ap.add_argument(
        "--snapshots",
        type=int,
        default=S,
        metavar="K",
        help="snapshot ensemble of the last K cycles of --schedule cosine_restarts; the JSON "
        "adds snapshot_test_accuracy",
    )
    ap.add_argument(
        "--ensemble",
        type=int,
        default=None,
        metavar="K",
        help=f"train K members (1..{MAX_ENSEMBLE}) with seeds seed..seed+K-1 and average their "
        "test probabilities; the JSON (member 0's keys) adds ensemble_test_accuracy and "
        "member_test_accuracies",
    )
    ap.add_argument("--data-dir", default=None, help="overrides PIZARRA_DATA_DIR")
    ap.add_argument("--no-download", action="store_true", help="never download data")
    ap.add_argument(
        "--save-weights", metavar="FILE", default=None, help="write the best state_dict"
    )
    ap.add_argument(
        "--print-code",
        action="store_true",
        help="print the standalone PyTorch script for this config and exit",
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    return ap


def _config_from_args(ns: argparse.Namespace) -> TrainConfig:
    """The config of the flags: ``--config`` file, then ``--preset`` over it, then each given
    flag. A new optimizer/schedule drops the old one's parameters; a new ``--hidden`` depth
    turns per-layer dropout/batch-norm lists of another length into one value (or off)."""
    base: dict[str, Any] = {}
    if hasattr(ns, "config"):
        try:
            with open(ns.config, encoding="utf-8") as fh:
                base = TrainConfig.from_json(fh.read()).to_dict()
        except OSError as exc:
            raise ValueError(f"config file could not be read: {exc}") from exc
    if hasattr(ns, "preset"):
        base = PRESETS[ns.preset].to_dict()
    given = vars(ns)
    flat = {
        "dataset": "dataset",
        "hidden": "hidden",
        "activation": "activation",
        "init": "init",
        "init_std": "init_std",
        "l1": "l1",
        "l2": "l2",
        "optimizer": "optimizer",
        "lr": "lr",
        "schedule": "schedule",
        "batch_size": "batch_size",
        "epochs": "epochs",
        "patience": "patience",
        "val_fraction": "val_fraction",
        "train_fraction": "train_fraction",
        "seed": "seed",
        "eval_train_loss": "eval_train_loss",
        "augment": "augment",
        "snapshots": "snapshots",
    }
    for attr, key in flat.items():
        if attr in given:
            base[key] = given[attr]
    if "hidden" in given:
        base["hidden"] = tuple(given["hidden"] or ())
    n_hidden = len(base.get("hidden", ()))
    if "optimizer" in given and "optimizer_param" not in given:
        base["optimizer_params"] = {}
    if "schedule" in given and "schedule_param" not in given:
        base["schedule_params"] = {}
    if "hidden" in given:  # depth changed: per-layer lists from a preset no longer fit
        for key, fill in (("dropout", 0.0), ("batch_norm", False)):
            values = base.get(key)
            if isinstance(values, list) and len(values) != n_hidden:
                base[key] = values[0] if len(set(values)) == 1 else fill
    if "dropout" in given:
        d = given["dropout"]
        base["dropout"] = d[0] if len(d) == 1 else tuple(d)
    if "batch_norm" in given:
        bn = given["batch_norm"]
        base["batch_norm"] = True if not bn else tuple(bool(v) for v in bn)
    if "optimizer_param" in given:
        base["optimizer_params"] = dict(given["optimizer_param"])
    if "schedule_param" in given:
        base["schedule_params"] = dict(given["schedule_param"])
    for key in ("hidden", "dropout", "batch_norm"):
        if isinstance(base.get(key), list):
            base[key] = tuple(base[key])
    return TrainConfig(**base)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (2 for bad flags or data)."""
    ap = _parser()
    ns = ap.parse_args(argv)  # bad flags: argparse prints usage and exits with status 2
    try:
        config = _config_from_args(ns)
        k = ns.ensemble
        if k is not None and not 1 <= k <= MAX_ENSEMBLE:
            raise ValueError(f"--ensemble must be in [1, {MAX_ENSEMBLE}], got {k}")
        if k is not None:
            members = [config.replace(seed=config.seed + i) for i in range(k)]  # checks seeds
    except (ValueError, TypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if ns.print_code:
        print(pytorch_code(config))
        return 0
    try:
        data = load_dataset(config.dataset, data_dir=ns.data_dir, download=not ns.no_download)
    except ValueError as exc:  # includes DatasetUnavailable
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = sys.stderr if ns.json else sys.stdout
    print(
        f"{config.summary()}  ({data.n_train} training + validation images, {data.n_test} test)",
        file=out,
    )
    if k is None:
        result = _run(config, data, out)
        summary = result.summary()
    else:
        results = []
        for i, member in enumerate(members):
            print(f"ensemble member {i + 1}/{k} (seed {member.seed})", file=out)
            results.append(_run(member, data, out))
        result = results[0]
        report = ensemble_report([r.probs for r in results], result.y_true)
        print(
            f"ensemble of {k}: test accuracy {report.ensemble_accuracy:.4f} (members' mean "
            f"{report.mean_member_accuracy:.4f}, gain {report.gain:+.4f})",
            file=out,
        )
        summary = {
            **result.summary(),
            "ensemble_test_accuracy": report.ensemble_accuracy,
            "member_test_accuracies": report.member_accuracies,
        }
    if ns.save_weights:
        from core.models import state_dict_to_bytes

        with open(ns.save_weights, "wb") as fh:
            fh.write(state_dict_to_bytes(result.state_dict))
    if ns.json:
        print(json.dumps(summary))
    return 0


def _run(config: TrainConfig, data: Any, out: Any) -> TrainResult:
    """Train ``config`` on ``data``, printing its progress to ``out``; the result."""
    result: TrainResult | None = None
    for rec in train(config, data, report_every_s=2.0):
        if rec.kind == "step":
            print(
                f"  epoch {rec.epoch} batch {rec.batch}/{rec.n_batches}  "
                f"loss {rec.train_loss:.4f}  acc {rec.train_acc:.4f}",
                file=out,
            )
        elif rec.kind == "epoch":
            mark = " *" if rec.is_best else ""
            evaluated = ""
            if rec.train_eval_loss is not None:
                evaluated = f"  train(eval) {rec.train_eval_loss:.4f} {rec.train_eval_acc:.4f}"
            print(
                f"epoch {rec.epoch:4d}/{rec.n_epochs}  train {rec.train_loss:.4f} "
                f"{rec.train_acc:.4f}{evaluated}  val {rec.val_loss:.4f} {rec.val_acc:.4f}  "
                f"lr {rec.lr:.3g}  {rec.elapsed:6.1f}s{mark}",
                file=out,
            )
        elif rec.kind == "diverged":
            print(rec.message, file=out)
        else:
            result = rec
    assert result is not None
    print(
        f"best epoch {result.best_epoch} ({result.stop_reason}): test loss "
        f"{result.test_loss:.4f}, test accuracy {result.test_acc:.4f}, "
        f"{result.trainable_params:,} trainable parameters, {result.seconds:.1f} s",
        file=out,
    )
    if result.snapshot_test_accuracy is not None:
        n = len(result.snapshot_probabilities or ())
        print(
            f"snapshot ensemble of {n}: test accuracy {result.snapshot_test_accuracy:.4f}", file=out
        )
    return result
