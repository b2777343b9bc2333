"""Section 4 of the trainer: the results of a run or of uploaded weights, one function per view.

:func:`upload` reads a weights file and evaluates it with the configured network; :func:`show`
draws the key numbers of the shown outcome, then the view chosen with the URL-synced radio
(``?view=curves|confusion|per_class|mistakes|files``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from core.data import DATASETS
from core.models import load_state_dict_bytes, state_dict_to_bytes
from core.trainer import (
    NOTEBOOK_TEST_LOSS,
    NOTEBOOK_TRAIN_LOSS,
    TrainConfig,
    majority_baseline,
)
from core.trainer.report import evaluate_state_dict
from ui import blocks, charts
from ui.figures import trainer as figures
from ui.page import Page
from ui.trainer import dataset
from ui.trainer.fmt import fmt_lr, fmt_pct, fmt_seconds
from ui.trainer.form import LRS
from ui.trainer.outcome import Outcome
from ui.trainer.session import Session

MAX_UPLOAD_MB = 20
GALLERY = 12  # most confident mistakes shown
VIEWS = ["curves", "confusion", "per_class", "mistakes", "files"]  # one results view at a time


def upload(p: Page, session: Session, config: TrainConfig | None, data: Any, running: bool) -> None:
    """The expander that evaluates an uploaded state_dict with the configured network."""
    t = p.t
    with st.expander(t("trainer.upload_expander"), expanded=False):
        st.caption(t("trainer.upload_help", mb=MAX_UPLOAD_MB))
        upload = st.file_uploader(
            t("trainer.upload"),
            type=["pt", "pth"],
            key="trainer.upload",
            max_upload_size=MAX_UPLOAD_MB,
            disabled=running or config is None or data is None,
        )
        if upload is not None and config is not None and data is not None:
            if session.uploaded_id() != upload.file_id:
                try:
                    state = load_state_dict_bytes(
                        upload.getvalue(), config, max_bytes=MAX_UPLOAD_MB * 2**20
                    )
                    report = evaluate_state_dict(config, state, data.x_test, data.y_test)
                    session.show(
                        Outcome(
                            label=t("trainer.uploaded_label", name=upload.name),
                            config=config,
                            state_dict=state,
                            report=report,
                        )
                    )
                    session.set_uploaded_id(upload.file_id)
                    st.success(
                        t("trainer.upload_ok", name=upload.name, acc=f"{report.accuracy:.4f}"),
                        icon=":material/check:",
                    )
                except ValueError as exc:
                    session.set_uploaded_id(None)
                    p.error(exc)


def show(p: Page, o: Outcome, data: Any, running: bool) -> None:
    """The shown outcome: key numbers, warnings, then one view."""
    t = p.t
    st.header(t("trainer.h_results"))
    st.markdown(t("trainer.results_of", label=o.label))
    cols = st.columns(4)
    cols[0].metric(t("trainer.test_acc"), f"{o.test_acc:.4f}")
    cols[1].metric(t("trainer.test_loss"), f"{o.test_loss:.4f}")
    if o.result is not None:
        show_run(p, o, cols, running)
    show_constant_warning(p, o)
    view = p.select(
        "view",
        t("trainer.view"),
        options=VIEWS,
        default=VIEWS[0],
        format_func=lambda v: t(f"trainer.tab_{v}"),
        radio=True,
        label_visibility="collapsed",
    )
    {
        "curves": show_curves,
        "confusion": show_confusion,
        "per_class": show_per_class,
        "mistakes": show_mistakes,
        "files": show_files,
    }[view](p, o, data)


def show_run(p: Page, o: Outcome, cols: list[Any], running: bool) -> None:
    """A run's best epoch and time, why it stopped, and the diagnosis when it diverged."""
    t = p.t
    ss = st.session_state
    res = o.result
    cfg = o.config
    cols[2].metric(t("trainer.best_epoch"), f"{res.best_epoch} / {res.epochs_run}")
    cols[3].metric(
        t("trainer.time"),
        fmt_seconds(o.wall_s),
        help=t("trainer.time_help", work=fmt_seconds(res.seconds)),
    )
    st.caption(
        t(f"trainer.stop.{res.stop_reason}", patience=cfg.patience)
        + " "
        + t(
            "trainer.result_line",
            train_acc=f"{res.train_acc:.4f}",
            val_acc=f"{res.best_val_acc:.4f}",
            n_train=f"{res.n_train:,}",
            n_val=f"{res.n_val:,}",
            n_test=f"{len(o.y_true):,}",
        )
        + " "
        + t("trainer.time_line", wall=f"{o.wall_s:.1f}", work=f"{res.seconds:.1f}")
    )
    if res.snapshot_test_accuracy is not None:
        st.info(
            t(
                "trainer.snapshot_result",
                k=len(res.snapshot_probabilities or ()),
                acc=f"{res.snapshot_test_accuracy:.4f}",
                single=f"{res.test_acc:.4f}",
            )
        )
    if res.diverged is not None:
        d = res.diverged
        what = t(f"trainer.div.{d.reason}", loss=f"{d.loss:.3g}", initial=f"{d.initial_loss:.3g}")
        lambda_max_note = ""
        if d.lambda_max:
            lambda_max_note = t(
                "trainer.div_lambda",
                lambda_max=f"{d.lambda_max:.3g}",
                prod=f"{d.lr * d.lambda_max:.3g}",
            )
        st.warning(
            t(
                "trainer.diverged",
                epoch=d.epoch,
                step=d.step,
                what=what,
                lambda_max_note=lambda_max_note,
                lr=fmt_lr(d.suggested_lr),
            ),
            icon=":material/warning:",
        )
        suggested = max([v for v in LRS if v <= d.suggested_lr * (1 + 1e-9)], default=LRS[0])
        st.button(
            t("trainer.use_lr", lr=fmt_lr(suggested)),
            key="trainer.use_lr",
            disabled=running,
            on_click=lambda: ss.__setitem__(p.key("lr"), suggested),
        )
    if res.stop_reason == "early_stopping":
        blocks.misconception(t("trainer.misc_early_stop"))


def show_constant_warning(p: Page, o: Outcome) -> None:
    """Warn when the network gives (almost) one answer: its accuracy is that class's share."""
    t = p.t
    names = list(DATASETS[o.config.dataset].class_names)
    base = majority_baseline(o.y_true, o.y_pred, n_classes=len(names))
    if base.constant:
        st.warning(
            t(
                "trainer.constant_warning",
                acc=f"{base.accuracy:.4f}",
                cls=names[base.majority_class],
                share=f"{base.majority_share:.4f}",
                top=names[base.top_pred_class],
                top_share=fmt_pct(base.top_pred_share),
                k=len(names),
                chance=f"{base.chance:.2f}",
            ),
            icon=":material/warning:",
        )


def show_curves(p: Page, o: Outcome, data: Any) -> None:
    """Loss and accuracy per epoch, with the best epoch marked."""
    t = p.t
    res = o.result
    if res is None or not res.history:
        st.info(t("trainer.no_history"))
    else:
        hist = pd.DataFrame(
            [
                {"epoch": r.epoch, "series": s, "loss": loss, "accuracy": acc}
                for r in res.history
                for s, loss, acc in (
                    (t("trainer.series_train"), r.train_loss, r.train_acc),
                    (t("trainer.series_val"), r.val_loss, r.val_acc),
                    (t("trainer.series_train_eval"), r.train_eval_loss, r.train_eval_acc),
                )
                if loss is not None
            ]
        )
        c1, c2 = st.columns(2)
        last = res.history[-1]
        alt_text = t(
            "trainer.final_alt",
            epochs=res.epochs_run,
            best=res.best_epoch,
            val_loss=f"{res.best_val_loss:.4f}",
            val_acc=f"{res.best_val_acc:.4f}",
            train_loss=f"{last.train_loss:.4f}",
            last_val=f"{last.val_loss:.4f}",
        )
        with c1:
            chart = figures.history(
                hist,
                "loss",
                res.best_epoch,
                x_title=t("trainer.epoch"),
                y_title=t("trainer.loss"),
            )
            charts.show(chart, alt_text)
        with c2:
            chart = figures.history(
                hist,
                "accuracy",
                res.best_epoch,
                x_title=t("trainer.epoch"),
                y_title=t("trainer.accuracy"),
            )
            charts.show(
                chart,
                t("trainer.best_rule_alt", best=res.best_epoch),
                data=hist,
                filename="history.csv",
            )
        p.explain(
            t(
                "trainer.train_curve_note",
                train_loss=f"{NOTEBOOK_TRAIN_LOSS:g}",
                test_loss=f"{NOTEBOOK_TEST_LOSS:g}",
            )
        )
        blocks.misconception(t("trainer.misc_dip"))
        blocks.misconception(t("trainer.misc_gap"))


def show_confusion(p: Page, o: Outcome, data: Any) -> None:
    """The confusion matrix (rows = true class), accuracy and balanced accuracy."""
    t = p.t
    cfg = o.config
    names = list(DATASETS[cfg.dataset].class_names)
    rep = o.report
    C, N = rep.confusion, rep.confusion_rates  # counts, and rows divided by their sums
    i, j = rep.most_confused
    diag = np.diag(N)  # recall of each class
    alt_text = t(
        "trainer.cm_alt",
        true=names[i],
        pred=names[j],
        share=fmt_pct(float(N[i, j])),
        count=int(C[i, j]),
        low=names[int(np.argmin(diag))],
        low_rec=fmt_pct(float(diag.min())),
        high=names[int(np.argmax(diag))],
        high_rec=fmt_pct(float(diag.max())),
    )
    chart = charts.matrix_heatmap(
        N,
        names,
        names,
        row_title=t("trainer.true_class"),
        col_title=t("trainer.pred_class"),
        fmt=".2f",
        counts=C,
        height=420,
    )
    frame = pd.DataFrame(C, index=names, columns=names).reset_index(names=t("trainer.true_class"))
    charts.show(chart, alt_text, data=frame, filename="confusion_counts.csv")
    m1, m2 = st.columns(2)
    m1.metric(t("trainer.accuracy"), f"{rep.accuracy:.4f}")
    m2.metric(
        t("trainer.balanced"), f"{rep.balanced_accuracy:.4f}", help=t("trainer.balanced_help")
    )
    blocks.misconception(t("trainer.misc_balanced"))


def show_per_class(p: Page, o: Outcome, data: Any) -> None:
    """Precision, recall, F1 and support per class, and their macro averages."""
    t = p.t
    cfg = o.config
    names = list(DATASETS[cfg.dataset].class_names)
    rep = o.report
    f1 = rep.f1
    table = pd.DataFrame(
        {
            t("trainer.col_class"): names,
            t("trainer.precision"): np.round(rep.precision, 4),
            t("trainer.recall"): np.round(rep.recall, 4),
            t("trainer.f1"): np.round(f1, 4),
            t("trainer.support"): rep.support.astype(int),
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    macro = rep.macro
    st.caption(t("trainer.macro", p=f"{macro[0]:.4f}", r=f"{macro[1]:.4f}", f=f"{macro[2]:.4f}"))
    long = table.melt(
        id_vars=[t("trainer.col_class")],
        value_vars=[t("trainer.precision"), t("trainer.recall"), t("trainer.f1")],
        var_name="metric",
        value_name="value",
    )
    worst = int(np.argmin(f1))
    charts.show(
        charts.bars(long, t("trainer.col_class"), "value", "metric", y_title=t("trainer.score")),
        t(
            "trainer.per_class_alt",
            worst=names[worst],
            f1=f"{f1[worst]:.3f}",
            best=names[int(np.argmax(f1))],
            best_f1=f"{f1.max():.3f}",
        ),
    )


def show_mistakes(p: Page, o: Outcome, data: Any) -> None:
    """The test images the model got wrong with the highest confidence."""
    t = p.t
    cfg = o.config
    names = list(DATASETS[cfg.dataset].class_names)
    rep = o.report
    if rep.mistakes.size == 0:
        st.success(t("trainer.no_mistakes"))
    elif (
        gallery_data := dataset.data_for(cfg.dataset, data)
    ) is None or gallery_data.n_test != len(rep.y_true):
        st.info(t("trainer.mistakes_need_data"))
    else:
        data_g = gallery_data
        order = rep.mistakes[:GALLERY]  # most confident first
        st.markdown(t("trainer.mistakes_intro", n=len(order), total=int(rep.mistakes.size)))
        imgs, caps, rows_ = [], [], []
        scale = 255.0 / data_g.spec.max_value
        zoom = max(1, 96 // data_g.spec.image_shape[0])
        for idx in order:
            img = data_g.images_test[int(idx)].numpy().astype(np.float32) * scale
            img = np.clip(img, 0, 255).astype(np.uint8).repeat(zoom, 0).repeat(zoom, 1)
            tr, pr, pb = names[rep.y_true[idx]], names[rep.y_pred[idx]], rep.confidence(idx)
            imgs.append(img)
            caps.append(t("trainer.mistake_caption", true=tr, pred=pr, prob=f"{pb:.2f}"))
            rows_.append(
                {
                    t("trainer.col_index"): int(idx),
                    t("trainer.true_class"): tr,
                    t("trainer.pred_class"): pr,
                    t("trainer.probability"): round(pb, 4),
                }
            )
        st.image(imgs, caption=caps, width=96)
        with st.expander(t("trainer.mistakes_table")):
            st.dataframe(pd.DataFrame(rows_), hide_index=True, width="stretch")


def show_files(p: Page, o: Outcome, data: Any) -> None:
    """Downloads: history, weights, configuration."""
    t = p.t
    res = o.result
    cfg = o.config
    st.markdown(t("trainer.files_intro"))
    d1, d2, d3 = st.columns(3)
    if res is not None:
        d1.download_button(
            t("trainer.dl_history"),
            res.history_csv(),
            file_name="history.csv",
            mime="text/csv",
            on_click="ignore",
            key="trainer.dl_history",
            icon=":material/table:",
        )
    d2.download_button(
        t("trainer.dl_weights"),
        lambda: state_dict_to_bytes(o.state_dict),
        file_name="weights.pt",
        mime="application/octet-stream",
        on_click="ignore",
        key="trainer.dl_weights",
        icon=":material/download:",
    )
    d3.download_button(
        t("trainer.dl_config"),
        cfg.to_json(),
        file_name="config.json",
        mime="application/json",
        on_click="ignore",
        key="trainer.dl_config",
        icon=":material/settings:",
    )
    p.explain(t("trainer.files_note"))
