"""Section 5 of the trainer: the finished runs of this session side by side."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from core.trainer import TrainResult
from ui import charts
from ui.page import Page


def summarize(result: TrainResult, label: str, run_id: int, wall: float) -> dict[str, Any]:
    """One row of the comparison: key numbers and the epoch history of a finished run."""
    hist = [
        {
            "epoch": r.epoch,
            "train_loss": r.train_loss,
            "train_acc": r.train_acc,
            "val_loss": r.val_loss,
            "val_acc": r.val_acc,
        }
        for r in result.history
    ]
    return {
        "id": run_id,
        "label": label,
        "summary": result.config.summary(),
        "best_val_acc": result.best_val_acc,
        "test_acc": result.test_acc,
        "test_loss": result.test_loss,
        "epochs": result.epochs_run,
        "best_epoch": result.best_epoch,
        "stop_reason": result.stop_reason,
        "seconds": wall,
        "work_s": result.seconds,
        "history": hist,
    }


def show(p: Page, finished: list[dict[str, Any]], clear: Any, running: bool) -> None:
    """The table of finished runs, a pick of runs and one metric's curves; ``clear`` empties
    the list (a button callback)."""
    if not finished:
        return
    t = p.t
    ss = st.session_state
    st.header(t("trainer.h_compare"))
    table = pd.DataFrame(
        [
            {
                t("trainer.col_run"): r["label"],
                t("trainer.col_config"): r["summary"],
                t("trainer.col_best_val"): round(r["best_val_acc"], 4),
                t("trainer.col_test_acc"): round(r["test_acc"], 4),
                t("trainer.col_epochs"): r["epochs"],
                t("trainer.col_seconds"): round(r["seconds"], 1),
                t("trainer.col_stop"): t(f"trainer.reason.{r['stop_reason']}"),
            }
            for r in finished
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    by_id = {r["id"]: r for r in finished}
    ids = list(by_id)
    chosen = ids
    if len(ids) > 1:
        pick_key = "trainer.compare_ids"
        known = set(ss.get("trainer.compare_known", []))
        if pick_key in ss:
            kept = [i for i in ss[pick_key] if i in by_id]
            ss[pick_key] = kept + [i for i in ids if i not in known and i not in kept]
        else:
            ss[pick_key] = ids[-8:]
        ss["trainer.compare_known"] = ids
        chosen = st.multiselect(
            t("trainer.compare_pick"), ids, format_func=lambda i: by_id[i]["label"], key=pick_key
        )
    metric_name = p.select(
        "cmp",
        t("trainer.compare_metric"),
        options=["val_acc", "val_loss", "train_acc", "train_loss"],
        default="val_acc",
        format_func=lambda o: t(f"trainer.cm.{o}"),
        radio=True,
    )
    frame = pd.DataFrame(
        [
            {"epoch": h["epoch"], "value": h[metric_name], "run": by_id[i]["label"]}
            for i in chosen
            for h in by_id[i]["history"]
        ]
    )
    if not frame.empty:
        best_rows = [(by_id[i]["label"], by_id[i]["best_val_acc"]) for i in chosen]
        top = max(best_rows, key=lambda r: r[1])
        chart = charts.lines(
            frame,
            "epoch",
            "value",
            "run",
            x_title=t("trainer.epoch"),
            y_title=t(f"trainer.cm.{metric_name}"),
            height=340,
        )
        charts.show(
            chart,
            t("trainer.compare_alt", n=len(chosen), top=top[0], acc=f"{top[1]:.4f}"),
            data=frame,
            filename="compare.csv",
        )
    st.button(
        t("trainer.clear_runs"),
        key="trainer.clear",
        on_click=clear,
        disabled=running,
    )
