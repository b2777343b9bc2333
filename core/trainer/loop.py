"""The training loop: a generator that yields records and finally a TrainResult."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterator

import numpy as np
import torch
import torch.nn.functional as F

from core._validate import check_scalar, with_latex
from core.data import Dataset, split_indices
from core.models import build_model, count_parameters
from core.trainer.augment import augment_batch
from core.trainer.config import TrainConfig
from core.trainer.diagnostics import estimate_lambda_max, suggest_lr
from core.trainer.hyper import build_optimizer, build_scheduler, restart_epochs
from core.trainer.objective import OBJECTIVE_LATEX, _penalty, _weights, evaluate
from core.trainer.records import DivergedRecord, EpochRecord, StepRecord, TrainResult
from core.trainer.threads import configure_threads

DIVERGENCE_FACTOR = 10.0  # a mini-batch loss above 10x the first one means divergence
_AUGMENT_STREAM = 0xA06  # the augmentation generator's seed: SeedSequence((seed, this))


def _augmenter(config: TrainConfig, data: Dataset) -> Callable[[torch.Tensor], torch.Tensor] | None:
    """The augmentation of training mini-batches (None for ``"none"``): its own generator
    (runs without augmentation keep their numbers), the normalized background as the fill."""
    if config.augment == "none":
        return None
    spec = data.spec
    seed = np.random.SeedSequence((config.seed, _AUGMENT_STREAM)).generate_state(1)[0]
    gen = torch.Generator().manual_seed(int(seed))
    fill = float(-spec.mean / spec.std)  # what a 0 pixel becomes in Dataset.x_train
    kind, shape = config.augment, spec.image_shape
    return lambda xb: augment_batch(xb, kind, gen, shape, fill=fill)


class _Clock:
    """Seconds of work: time spent inside the generator, not while it waits at a yield."""

    def __init__(self) -> None:
        self.spent = 0.0
        self.since = time.perf_counter()

    def now(self) -> float:
        return self.spent + time.perf_counter() - self.since

    def pause(self) -> None:
        self.spent += time.perf_counter() - self.since

    def resume(self) -> None:
        self.since = time.perf_counter()


# ----------------------------------------------------------------------------- the loop
@with_latex(OBJECTIVE_LATEX)
def train(
    config: TrainConfig,
    data: Dataset,
    stop: Callable[[], bool] | None = None,
    *,
    report_every_s: float | None = 0.25,
    report_every_steps: int | None = None,
) -> Iterator[StepRecord | EpochRecord | DivergedRecord | TrainResult]:
    """Train the MLP of ``config`` on ``data``, yielding records and finally a TrainResult.

    Each step minimizes the mean cross-entropy of a mini-batch plus the penalties (formula
    below, ``train.latex``; α = the L1 strength ``config.l1``, λ = the L2 strength
    ``config.l2``, W = the weight matrices), over
    in-memory tensors shuffled by index (``torch.randperm``) and sliced per batch (no
    ``DataLoader``); evaluation runs in large batches under ``torch.inference_mode()``. A final
    mini-batch of a single image is skipped (batch norm cannot normalize one sample).

    Parameters
    ----------
    config : TrainConfig
    data : Dataset
        From :func:`core.data.load_dataset`; its name must equal ``config.dataset``.
    stop : callable, optional
        Checked before every step; when it returns True the run ends after the current step:
        the weights at that moment are evaluated on validation and compete with the best
        epoch, and the TrainResult is yielded.
    report_every_s : float or None
        Yield a StepRecord after this many seconds of work since the last one (None: never).
    report_every_steps : int or None
        Also yield a StepRecord at every multiple of this many steps (deterministic).

    Yields
    ------
    StepRecord, EpochRecord, DivergedRecord, then one TrainResult (always last).

    References
    ----------
    Goodfellow, Bengio & Courville, *Deep Learning* (2016), 7.1 (penalties), 7.8 (early
    stopping), 8.1.3 (mini-batch SGD).
    """
    if not isinstance(config, TrainConfig):
        raise ValueError(f"config must be a TrainConfig, got {type(config).__name__}")
    if data.name != config.dataset:
        raise ValueError(f"data must be the {config.dataset} dataset, got {data.name}")
    if report_every_s is not None:
        check_scalar(report_every_s, "report_every_s", low=0.0)
    if report_every_steps is not None:
        report_every_steps = int(
            check_scalar(report_every_steps, "report_every_steps", low=1, integer=True)
        )
    configure_threads()
    clock = _Clock()

    split = split_indices(data, config.val_fraction, config.seed, config.train_fraction)
    x_all, y_all = data.x_train, data.y_train
    model_seed, shuffle_seed = np.random.SeedSequence(config.seed).generate_state(2)
    model_gen = torch.Generator().manual_seed(int(model_seed))
    shuffle_gen = torch.Generator().manual_seed(int(shuffle_seed))
    augment = _augmenter(config, data)
    model = build_model(config.net, generator=model_gen)
    trainable, buffers = count_parameters(model)
    params = [p for p in model.parameters() if p.requires_grad]
    weights = _weights(model)
    optimizer = build_optimizer(config, params)
    scheduler = build_scheduler(config, optimizer)

    def snapshot() -> dict[str, torch.Tensor]:
        """A detached copy of the weights (early stopping keeps the best one)."""
        return {k: v.detach().clone() for k, v in model.state_dict().items()}

    initial_state = snapshot()
    cycle_ends: set[int] = set()
    if config.snapshots:
        p = config.schedule_kwargs
        cycle_ends = set(restart_epochs(p["T_0"], p["T_mult"], config.epochs))
    kept: deque[dict[str, torch.Tensor]] = deque(maxlen=max(config.snapshots, 1))
    n = split.n_train
    B = min(config.batch_size, n)
    n_batches = math.ceil(n / B)
    if n % B == 1 and n_batches > 1:
        n_batches -= 1  # skip a last batch of one image
    total_steps = config.epochs * n_batches

    best_state, best_epoch = initial_state, 0
    best_val_loss, best_val_acc = math.inf, math.nan
    history: list[EpochRecord] = []
    diverged: DivergedRecord | None = None
    stop_reason = "completed"
    initial_loss: float | None = None
    wait, step, epoch = 0, 0, 0
    last_report_t = 0.0

    def diverge(loss_value: float) -> DivergedRecord:
        """The record of a blow-up: "nan", "inf" or "grew" (past the initial loss), with
        lambda_max and a suggested lr estimated at the initial weights (restored here)."""
        reason = "nan" if math.isnan(loss_value) else ("inf" if math.isinf(loss_value) else "grew")
        model.load_state_dict(initial_state)
        probe = split.train_idx[: min(n, 1024)]
        try:
            lambda_max = estimate_lambda_max(
                model, x_all[probe], y_all[probe], config.l2, seed=config.seed
            )
        except RuntimeError:  # e.g. a batch-norm layer with a single-sample probe
            lambda_max = None
        return DivergedRecord(
            epoch=epoch,
            step=step,
            loss=loss_value,
            initial_loss=initial_loss if initial_loss is not None else math.nan,
            lr=float(optimizer.param_groups[0]["lr"]),
            lambda_max=lambda_max or None,
            suggested_lr=suggest_lr(config, lambda_max),
            reason=reason,
            optimizer=config.optimizer,
        )

    for epoch in range(1, config.epochs + 1):
        model.train()
        order = split.train_idx[torch.randperm(n, generator=shuffle_gen)]  # (n_train,)
        lr_now = float(optimizer.param_groups[0]["lr"])
        sum_loss, seen = 0.0, 0
        correct = torch.zeros((), dtype=torch.int64)
        gnorm_sum = torch.zeros(())
        gnorm = torch.zeros(())
        batches_done = 0
        for b in range(n_batches):
            if stop is not None and stop():
                stop_reason = "stopped"
                break
            idx = order[b * B : (b + 1) * B]
            xb = x_all.index_select(0, idx)  # (B, n_in) features
            if augment is not None:
                xb = augment(xb)  # training batches only
            yb = y_all.index_select(0, idx)  # (B,) class indices
            logits = model(xb)  # (B, n_classes)
            loss = F.cross_entropy(logits, yb)
            loss_value = loss.item()
            if initial_loss is None:
                initial_loss = loss_value
            if not math.isfinite(loss_value) or loss_value > DIVERGENCE_FACTOR * initial_loss:
                stop_reason = "diverged"
                diverged = diverge(loss_value)
                break
            pen = _penalty(weights, config.l1, config.l2)
            objective = loss if pen is None else loss + pen
            optimizer.zero_grad(set_to_none=True)
            objective.backward()
            gnorm = torch.nn.utils.get_total_norm([p.grad for p in params if p.grad is not None])
            optimizer.step()
            step += 1
            batches_done += 1
            size = int(yb.shape[0])
            sum_loss += loss_value * size
            seen += size
            correct += (logits.detach().argmax(1) == yb).sum()
            gnorm_sum += gnorm
            now = clock.now()
            due = (report_every_s is not None and now - last_report_t >= report_every_s) or (
                report_every_steps is not None and step % report_every_steps == 0
            )
            if due:
                last_report_t = now
                rec = StepRecord(
                    epoch=epoch,
                    step=step,
                    batch=b + 1,
                    n_batches=n_batches,
                    total_steps=total_steps,
                    train_loss=sum_loss / seen,
                    train_acc=int(correct) / seen,
                    lr=lr_now,
                    grad_norm=float(gnorm),
                    elapsed=now,
                )
                clock.pause()
                yield rec
                clock.resume()

        if stop_reason == "diverged":
            break
        complete = batches_done == n_batches
        if batches_done == 0:
            break  # stopped before this epoch did any work
        if complete and scheduler is not None:
            scheduler.step()
        if complete and epoch in cycle_ends:
            kept.append(snapshot())  # end of a cosine cycle: a snapshot-ensemble member
        val = evaluate(model, x_all, y_all, split.val_idx)
        if not math.isfinite(val.loss):
            stop_reason = "diverged"
            diverged = diverge(val.loss)
            break
        train_eval = None
        if config.eval_train_loss:
            train_eval = evaluate(model, x_all, y_all, split.train_idx)
        is_best = val.loss < best_val_loss
        if is_best:
            best_state, best_epoch = snapshot(), epoch
            best_val_loss, best_val_acc = val.loss, val.acc
            wait = 0
        else:
            wait += 1
        rec = EpochRecord(
            epoch=epoch,
            step=step,
            n_epochs=config.epochs,
            train_loss=sum_loss / seen,
            train_acc=int(correct) / seen,
            val_loss=val.loss,
            val_acc=val.acc,
            lr=lr_now,
            grad_norm=float(gnorm_sum) / batches_done,
            elapsed=clock.now(),
            best_epoch=best_epoch,
            is_best=is_best,
            complete=complete,
            train_eval_loss=None if train_eval is None else train_eval.loss,
            train_eval_acc=None if train_eval is None else train_eval.acc,
        )
        history.append(rec)
        last_report_t = clock.now()
        clock.pause()
        yield rec
        clock.resume()
        if stop_reason == "stopped":
            break
        if config.patience and wait >= config.patience:
            stop_reason = "early_stopping"
            break
        if stop is not None and stop():
            stop_reason = "stopped"
            break

    if diverged is not None:
        clock.pause()
        yield diverged
        clock.resume()
    epochs_run = history[-1].epoch if history else 0

    model.load_state_dict(best_state)
    if best_epoch == 0:  # no epoch finished: report the initial weights on validation
        val = evaluate(model, x_all, y_all, split.val_idx)
        best_val_loss, best_val_acc = val.loss, val.acc
    train_eval = evaluate(model, x_all, y_all, split.train_idx)
    test_eval = evaluate(model, data.x_test, data.y_test, return_probs=True)
    assert test_eval.probs is not None
    probs = test_eval.probs.numpy().astype(np.float32)
    snapshot_probs: list[np.ndarray] | None = None
    snapshot_acc: float | None = None
    if config.snapshots and kept:
        snapshot_probs = []
        for state in kept:
            model.load_state_dict(state)
            member = evaluate(model, data.x_test, data.y_test, return_probs=True)
            assert member.probs is not None
            snapshot_probs.append(member.probs.numpy().astype(np.float32))
        mean = np.mean(np.stack(snapshot_probs), axis=0)
        snapshot_acc = float(np.mean(mean.argmax(axis=1) == data.y_test.numpy()))
    yield TrainResult(
        config=config,
        state_dict=best_state,
        best_epoch=best_epoch,
        epochs_run=epochs_run,
        steps=step,
        stop_reason=stop_reason,  # type: ignore[arg-type]
        best_val_loss=best_val_loss,
        best_val_acc=best_val_acc,
        train_loss=train_eval.loss,
        train_acc=train_eval.acc,
        test_loss=test_eval.loss,
        test_acc=test_eval.acc,
        y_true=data.y_test.numpy().copy(),
        y_pred=probs.argmax(axis=1).astype(np.int64),
        probs=probs,
        history=tuple(history),
        seconds=clock.now(),
        trainable_params=trainable,
        buffers=buffers,
        n_train=n,
        n_val=split.n_val,
        diverged=diverged,
        snapshot_test_accuracy=snapshot_acc,
        snapshot_probabilities=snapshot_probs,
    )
