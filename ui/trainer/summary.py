"""Section 1, continued: what the configured network is.

How the configuration compares with its preset, the course's mistakes about that preset, the
objective, the table of layers and parameters, and the equivalent PyTorch script.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from core.models import build_model, count_parameters, parameter_table
from core.trainer import (
    DIGITS_REPORT_ACCURACY,
    DIGITS_REPORT_E_TEXT_LOSS,
    DIGITS_REPORT_LOSS,
    DIGITS_REPORT_SECONDS,
    HOMEWORK_ADAPTIVE_LR,
    MNIST_TEST_CLASS_COUNTS,
    MNIST_TEST_MAJORITY_SHARE,
    NOTEBOOK_CONSTANT_ACCURACY,
    OBJECTIVE_LATEX,
    PRESET_GROUPS,
    PRESETS,
    TORCH_DEFAULT_LR,
    TrainConfig,
    pytorch_code,
)
from ui import blocks, classroom
from ui.page import Page
from ui.trainer.fmt import fmt_lr
from ui.trainer.form import fit_to_limits, preset_values

NOTED_PRESETS = {f"trainer.preset_note.{n}" for n in PRESET_GROUPS["regularizers"]}


@st.cache_data(show_spinner=False, max_entries=64)
def layer_rows(config_json: str) -> tuple[list[dict[str, Any]], int, int]:
    """Per-layer table of the configured network (shapes, trainable parameters, buffers)."""
    config = TrainConfig.from_json(config_json)
    model = build_model(config)
    rows = [
        {
            "layer": r.name,
            "type": r.kind,
            "output": f"(None, {r.output_shape[1]})",
            "parameters": ", ".join(f"{n} {tuple(s)}" for n, s in r.param_shapes) or "—",
            "trainable": r.trainable,
            "buffers": r.buffers,
            "detail": r.detail,
        }
        for r in parameter_table(model)
    ]
    trainable, buffers = count_parameters(model)
    return rows, trainable, buffers


def preset_callouts(t, name: str) -> None:
    """Course mistakes about the experiment a preset reproduces, next to that preset (and
    which choices are ours where the course document does not state them)."""
    if f"trainer.preset_note.{name}" in NOTED_PRESETS:
        st.caption(t(f"trainer.preset_note.{name}"))
    if name in PRESET_GROUPS["optical_digits"]:
        acc, loss = DIGITS_REPORT_ACCURACY, DIGITS_REPORT_LOSS
        if name in ("digits_a", "digits_b", "digits_c", "digits_d"):
            blocks.misconception(
                t("trainer.misc_digits_tanh", **{c: f"{acc[c]:.3f}" for c in "abcd"})
            )
        if name == "digits_e":
            blocks.misconception(
                t(
                    "trainer.misc_digits_e",
                    own=f"{loss['e']:.3f}",
                    quoted=f"{DIGITS_REPORT_E_TEXT_LOSS:.3f}",
                )
            )
        blocks.misconception(
            t(
                "trainer.misc_digits_time",
                fast=f"{DIGITS_REPORT_SECONDS['f']:g}",
                slow=f"{DIGITS_REPORT_SECONDS['b']:g}",
            )
        )
    if name in ("adam", "adagrad"):
        blocks.misconception(
            t(
                "trainer.misc_p5",
                lr=fmt_lr(HOMEWORK_ADAPTIVE_LR),
                adam_default=fmt_lr(TORCH_DEFAULT_LR["adam"]),
                adagrad_default=fmt_lr(TORCH_DEFAULT_LR["adagrad"]),
            )
        )


def show(p: Page, config: TrainConfig, preset: str, limits: classroom.Limits) -> None:
    """How ``config`` relates to ``preset``, its objective (core's ``OBJECTIVE_LATEX``, the
    formula of ``train``), its layers and its PyTorch code."""
    t = p.t
    st.markdown(t("trainer.config_summary", summary=config.summary()))
    target = fit_to_limits(PRESETS[preset], limits)
    if target != PRESETS[preset]:
        st.caption(
            t(
                "trainer.preset_capped",
                epochs=limits.max_epochs,
                layers=limits.max_hidden_layers,
                width=limits.max_width,
            )
        )
    # scoring the training set too is a measurement, not part of the preset's model
    if config.replace(eval_train_loss=target.eval_train_loss) == target:
        st.caption(t("trainer.matches_preset", preset=t(f"trainer.preset.{preset}")))
    else:
        mine, theirs = preset_values(config), preset_values(target)
        changed = [k for k in sorted(mine.keys() | theirs.keys()) if mine.get(k) != theirs.get(k)]
        st.caption(
            t(
                "trainer.differs_preset",
                preset=t(f"trainer.preset.{preset}"),
                names=", ".join(changed),
            )
        )
    preset_callouts(t, preset)
    p.explain(t("trainer.l2_note"))
    blocks.formula(OBJECTIVE_LATEX, caption=t("trainer.objective_caption"))
    if any(w <= 2 for w in config.hidden):
        blocks.misconception(
            t(
                "trainer.misc_bottleneck",
                printed=f"{NOTEBOOK_CONSTANT_ACCURACY:.5f}",
                count=f"{max(MNIST_TEST_CLASS_COUNTS):,}",
                n=f"{sum(MNIST_TEST_CLASS_COUNTS):,}",
                share=f"{MNIST_TEST_MAJORITY_SHARE:.4f}",
            )
        )

    rows, n_trainable, n_buffers = layer_rows(config.to_json())
    with st.expander(
        t("trainer.model_expander", trainable=f"{n_trainable:,}", buffers=f"{n_buffers:,}")
    ):
        tab_layers, tab_code = st.tabs([t("trainer.tab_layers"), t("trainer.tab_code")])
        with tab_layers:
            table = pd.DataFrame(rows).rename(
                columns={
                    "layer": t("trainer.col_layer"),
                    "type": t("trainer.col_type"),
                    "output": t("trainer.col_output"),
                    "parameters": t("trainer.col_params"),
                    "trainable": t("trainer.col_trainable"),
                    "buffers": t("trainer.col_buffers"),
                    "detail": t("trainer.col_detail"),
                }
            )
            st.dataframe(table, hide_index=True, width="stretch")
            st.markdown(
                t(
                    "trainer.param_totals",
                    trainable=f"{n_trainable:,}",
                    buffers=f"{n_buffers:,}",
                    total=f"{n_trainable + n_buffers:,}",
                )
            )
            p.explain(t("trainer.keras_note"))
        with tab_code:
            code = pytorch_code(config)
            p.explain(t("trainer.code_note"))
            st.code(code, language="python")
            st.download_button(
                t("trainer.download_code"),
                code,
                file_name="train_mlp.py",
                mime="text/x-python",
                on_click="ignore",
                key="trainer.dl_code",
            )
            blocks.misconception(t("trainer.misc_softmax"))
