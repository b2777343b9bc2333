"""Generalization: ensembles, snapshot ensembles, data augmentation, transfer learning (digits).

Every experiment trains on a button press; its numbers are kept per settings for the server
process (``ui/trainer/inline.py``), so a rerun, another session or a return to settings already
run does not train again, and a training that does run holds one of the process's training
slots (at most K at once, the others wait in line and see their position). The configurations come from
``core.trainer.experiments`` and ``core.trainer.transfer``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from core.trainer import TrainConfig, TrainingRun
from core.trainer import experiments as ex
from core.trainer import transfer as tr
from core.trainer.augment import augment_gallery
from core.trainer.ensemble import ensemble_report
from ui import blocks, charts, page
from ui.figures import generalization as figures
from ui.trainer import dataset, inline
from ui.trainer.session import one_thread_per_session, session_owner, slots

p = page.setup("generalization")
t = p.t

OWNER = session_owner("generalization")  # this session's name in the training slots
RAN = "generalization.ran"  # settings (section, values) this session asked to train
EPOCH_OPTIONS = [2, 5, 10, 20, 30, 50, 100, 200]
WIDTH_OPTIONS = [16, 32, 64, 128]
CYCLE_OPTIONS = [2, 5, 10, 20]
SHARE_OPTIONS = [0.05, 0.1, 0.2, 0.5]
AUG_KINDS = ["shift", "rotate", "shift_rotate"]
GALLERY_CLASSES = (1, 4, 6, 9)
GALLERY_COPIES = 6
ZOOM = 8  # 8x8 digits drawn at 64x64 pixels


def pct(x: float) -> str:
    return f"{100 * float(x):.1f} %"


def train_one(config_json: str) -> dict[str, Any]:
    """The numbers the page draws of one finished run."""
    config = TrainConfig.from_json(config_json)
    one_thread_per_session()
    result = TrainingRun(config, dataset.load(config.dataset), report_every_s=None).run_to_end()
    return {
        "test_acc": result.test_acc,
        "probs": result.probs,
        "y_true": result.y_true,
        "val_acc": [r.val_acc for r in result.history],
        "snapshot_probs": result.snapshot_probabilities,
        "n_train": result.n_train,
    }


def transfer_one(width: int, seed: int) -> tr.TransferReport:
    one_thread_per_session()
    return tr.transfer_experiment(
        dataset.load("digits"), tr.DEFAULT_SHOTS, hidden=(width,), seed=seed
    )


def requested(section: str, settings: tuple) -> bool:
    """A Train button for ``section``; True once it was pressed for these very settings."""
    ran: set = st.session_state.setdefault(RAN, set())
    if st.button(t("generalization.run"), key=f"generalization.{section}_run", type="primary"):
        ran.add((section, settings))
    if (section, settings) not in ran:
        st.info(t("generalization.not_run"))
        return False
    return True


def queued(bar: Any) -> Callable[[int], None]:
    """Show this session's place in the line for a training slot on ``bar``."""
    return lambda position: bar.progress(
        0.0, text=t("generalization.queued", position=position, k=slots().capacity)
    )


def train_all(configs: list[TrainConfig], what: str) -> list[dict[str, Any]] | None:
    """Run (each inside a training slot) or fetch each configuration's kept result, with a
    progress bar; None if core refused one (the error is shown)."""
    bar = st.progress(0.0)
    out = []
    try:
        for i, config in enumerate(configs):
            bar.progress(
                i / len(configs),
                text=t("generalization.progress", what=what, i=i + 1, n=len(configs)),
            )
            key = config.to_json()
            out.append(
                inline.trained_once(("run", key), lambda k=key: train_one(k), OWNER, queued(bar))
            )
    except ValueError as exc:
        p.error(exc)
        return None
    finally:
        bar.empty()
    return out


def members_chart(
    labels: list[str], accs: list[float], refs: dict[str, float], x_title: str, alt: str, stem: str
) -> None:
    members = pd.DataFrame({"member": labels, "accuracy": accs})
    references = pd.DataFrame({"name": list(refs), "accuracy": list(refs.values())})
    charts.show(
        figures.members_and_average(
            members, references, x_title=x_title, y_title=t("generalization.accuracy")
        ),
        alt,
        data=pd.concat([members, references.rename(columns={"name": "member"})]),
        filename=f"{stem}.csv",
    )


# ------------------------------------------------------------------------------- 1. ensembles
st.header(t("generalization.ens_header"))
p.explain(t("generalization.ens_md"))
c1, c2, c3, c4 = st.columns(4)
with c1:
    k = p.slider("ens_k", t("generalization.ens_k"), 2, 10, default=5)
with c2:
    ens_epochs = p.select_slider(
        "ens_epochs", t("generalization.epochs"), EPOCH_OPTIONS, default=20
    )
with c3:
    ens_width = p.select("ens_width", t("generalization.width"), WIDTH_OPTIONS, default=32)
with c4:
    ens_seed = p.number("ens_seed", t("generalization.seed"), 0, 9990, default=0)
if requested("ens", (k, ens_epochs, ens_width, ens_seed)):
    base = ex.ensemble_config(ens_width, ens_epochs, ens_seed)
    runs = train_all(
        [base.replace(seed=ens_seed + i) for i in range(k)], t("generalization.member")
    )
    if runs is not None:
        rep = ensemble_report([r["probs"] for r in runs], runs[0]["y_true"])
        m1, m2, m3, m4 = st.columns(4)
        m1.metric(t("generalization.ens_mean"), pct(rep.mean_member_accuracy))
        m2.metric(t("generalization.ens_best"), pct(max(rep.member_accuracies)))
        m3.metric(t("generalization.ens_acc"), pct(rep.ensemble_accuracy))
        m4.metric(t("generalization.ens_gain"), f"{100 * rep.gain:+.1f}")
        st.markdown(
            t(
                "generalization.ens_claim",
                claim=f"{100 * ex.SLIDES_ENSEMBLE_GAIN:g}",
                k=ex.SLIDES_ENSEMBLE_K,
                n=k,
                first=ens_seed,
                last=ens_seed + k - 1,
                ens=pct(rep.ensemble_accuracy),
                mean=pct(rep.mean_member_accuracy),
                gain=100 * rep.gain,
            )
        )
        members_chart(
            [t("generalization.member_label", seed=ens_seed + i) for i in range(k)],
            rep.member_accuracies,
            {
                t("generalization.ens_mean"): rep.mean_member_accuracy,
                t("generalization.ens_acc"): rep.ensemble_accuracy,
            },
            t("generalization.member"),
            t(
                "generalization.ens_alt",
                n=k,
                lo=pct(min(rep.member_accuracies)),
                hi=pct(max(rep.member_accuracies)),
                mean=pct(rep.mean_member_accuracy),
                ens=pct(rep.ensemble_accuracy),
            ),
            "ensemble",
        )

# ------------------------------------------------------------------------------- 2. snapshots
st.header(t("generalization.snap_header"))
p.explain(t("generalization.snap_md"))
c1, c2, c3 = st.columns(3)
with c1:
    n_snap = p.slider("snap_k", t("generalization.snap_k"), 2, 6, default=4)
with c2:
    cycle = p.select_slider("snap_cycle", t("generalization.snap_cycle"), CYCLE_OPTIONS, default=10)
with c3:
    snap_seed = p.number("snap_seed", t("generalization.seed"), 0, 9999, default=0)
if requested("snap", (n_snap, cycle, snap_seed)):
    runs = train_all([ex.snapshot_config(n_snap, cycle, snap_seed)], t("generalization.snapshot"))
    if runs is not None:
        run = runs[0]
        rep = ensemble_report(run["snapshot_probs"], run["y_true"])
        last = rep.member_accuracies[-1]
        m1, m2, m3 = st.columns(3)
        m1.metric(t("generalization.snap_last"), pct(last))
        m2.metric(
            t("generalization.snap_ens"),
            pct(rep.ensemble_accuracy),
            f"{100 * (rep.ensemble_accuracy - last):+.1f}",
        )
        m3.metric(t("generalization.snap_bestval"), pct(run["test_acc"]))
        members_chart(
            [t("generalization.snap_label", i=i + 1) for i in range(n_snap)],
            rep.member_accuracies,
            {
                t("generalization.snap_last"): last,
                t("generalization.snap_ens"): rep.ensemble_accuracy,
            },
            t("generalization.snapshot"),
            t(
                "generalization.snap_alt",
                n=n_snap,
                lo=pct(min(rep.member_accuracies)),
                hi=pct(max(rep.member_accuracies)),
                last=pct(last),
                ens=pct(rep.ensemble_accuracy),
            ),
            "snapshots",
        )

# ------------------------------------------------------------------------------- 3. augmentation
st.header(t("generalization.aug_header"))
p.explain(t("generalization.aug_md"))
c1, c2 = st.columns(2)
with c1:
    kind = p.select(
        "aug_kind",
        t("generalization.aug_kind"),
        AUG_KINDS,
        default="shift",
        format_func=lambda o: t(f"generalization.aug.{o}"),
        radio=True,
    )
with c2:
    aug_seed = p.number("aug_seed", t("generalization.seed"), 0, 9999, default=0)
digits = dataset.load("digits")
labels = digits.y_train.numpy()
originals = digits.images_train.numpy()[
    [int(np.flatnonzero(labels == c)[0]) for c in GALLERY_CLASSES]
]
copies = augment_gallery(originals, kind, aug_seed, GALLERY_COPIES)
st.caption(t("generalization.gallery", n=GALLERY_COPIES, seed=aug_seed))
scale = 255.0 / digits.spec.max_value
captions = [t("generalization.original")] + [
    t("generalization.version", i=i + 1) for i in range(GALLERY_COPIES)
]
for original, row in zip(originals, copies, strict=True):
    imgs = [
        np.clip(img.astype(np.float32) * scale, 0, 255)
        .astype(np.uint8)
        .repeat(ZOOM, 0)
        .repeat(ZOOM, 1)
        for img in (original, *row)
    ]
    st.image(imgs, caption=captions, width=64)

st.markdown(t("generalization.aug_compare"))
c1, c2 = st.columns(2)
with c1:
    share = p.select_slider("aug_share", t("generalization.aug_share"), SHARE_OPTIONS, default=0.1)
with c2:
    aug_epochs = p.select_slider(
        "aug_epochs", t("generalization.epochs"), EPOCH_OPTIONS, default=50
    )
if requested("aug", (kind, share, aug_epochs, aug_seed)):
    pair = ex.augment_pair(kind, share, aug_epochs, aug_seed)
    runs = train_all(list(pair), t("generalization.run_col"))
    if runs is not None:
        plain, aug = runs
        names = [
            t("generalization.aug_without"),
            t("generalization.aug_with", kind=t(f"generalization.aug.{kind}")),
        ]
        st.caption(t("generalization.aug_n", n=plain["n_train"]))
        m1, m2 = st.columns(2)
        m1.metric(names[0], pct(plain["test_acc"]))
        m2.metric(
            names[1], pct(aug["test_acc"]), f"{100 * (aug['test_acc'] - plain['test_acc']):+.1f}"
        )
        frame = pd.DataFrame(
            [
                (e + 1, acc, name)
                for name, run in zip(names, runs, strict=True)
                for e, acc in enumerate(run["val_acc"])
            ],
            columns=["epoch", "accuracy", "run"],
        )
        charts.show(
            figures.validation_curves(
                frame, x_title=t("generalization.epoch"), y_title=t("generalization.val_acc")
            ),
            t(
                "generalization.aug_alt",
                plain=pct(max(plain["val_acc"])),
                aug=pct(max(aug["val_acc"])),
                kind=t(f"generalization.aug.{kind}"),
                test_plain=pct(plain["test_acc"]),
                test_aug=pct(aug["test_acc"]),
            ),
            data=frame,
            filename="augmentation.csv",
        )

# ------------------------------------------------------------------------------- 4. transfer
st.header(t("generalization.tr_header"))
p.explain(t("generalization.tr_md"))
c1, c2 = st.columns(2)
with c1:
    tr_width = p.select("tr_width", t("generalization.width"), WIDTH_OPTIONS, default=64)
with c2:
    tr_seed = p.number("tr_seed", t("generalization.seed"), 0, 9999, default=0)
if requested("tr", (tr_width, tr_seed)):
    bar = st.progress(
        0.0, text=t("generalization.progress", what=t("generalization.tr_strategy"), i=1, n=1)
    )
    try:
        report = inline.trained_once(
            ("transfer", tr_width, tr_seed),
            lambda: transfer_one(tr_width, tr_seed),
            OWNER,
            queued(bar),
        )
    finally:
        bar.empty()
    st.markdown(
        t(
            "generalization.tr_source",
            n=report.n_source_train,
            acc=pct(report.source_test_acc),
            n_test=report.n_target_test,
        )
    )
    frame = pd.DataFrame(
        [
            (r.shots, r.test_acc, t(f"generalization.tr.{r.strategy}"), r.trainable_params)
            for r in report.records
        ],
        columns=["shots", "accuracy", "strategy", "params"],
    )
    k_mid = 5
    charts.show(
        figures.transfer_curves(
            frame, x_title=t("generalization.tr_shots"), y_title=t("generalization.accuracy")
        ),
        t(
            "generalization.tr_alt",
            k=k_mid,
            scratch=pct(report.accuracy("scratch", k_mid)),
            finetune=pct(report.accuracy("finetune", k_mid)),
            last=pct(report.accuracy("last_layer", k_mid)),
        ),
        data=frame.rename(
            columns={
                "shots": t("generalization.tr_shots"),
                "accuracy": t("generalization.accuracy"),
                "strategy": t("generalization.tr_strategy"),
                "params": t("generalization.tr_params"),
            }
        ),
        filename="transfer.csv",
    )

# ------------------------------------------------------------------------------- 5. misconceptions
st.header(t("generalization.misc_header"))
for key in ("gain", "dropout", "snapshot", "augment", "transfer"):
    blocks.misconception(t(f"generalization.misc_{key}"))
