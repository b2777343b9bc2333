"""Classroom mode: caps that keep a shared server responsive for 40 students (and the hosted demo).

Switched on with the environment variable ``PIZARRA_CLASSROOM=1`` or the Streamlit secret
``classroom = true`` (``.streamlit/secrets.toml`` or the Cloud "Secrets" box). Pages read
:func:`limits` and use its numbers as the upper bounds of their widgets; the trainer also caps
the training-set size and the number of queued grid runs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st

TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Limits:
    """Upper bounds for widgets that cost CPU or memory."""

    max_epochs: int = 300
    max_width: int = 1024
    max_hidden_layers: int = 5
    max_grid_runs: int = 16
    max_train_samples: int | None = None  # None = whole training set
    max_optimizer_steps: int = 2000
    max_mc_samples: int = 20000
    max_depth: int = 20  # activations page: layers of the deep MLP
    max_layer_width: int = 1000


FULL = Limits()
CLASSROOM = Limits(
    max_epochs=30,
    max_width=256,
    max_hidden_layers=3,
    max_grid_runs=8,
    max_train_samples=20000,
    max_optimizer_steps=500,
    max_mc_samples=5000,
    max_depth=10,
    max_layer_width=500,
)


def enabled() -> bool:
    """True when the environment or the app's secrets ask for classroom mode."""
    if os.environ.get("PIZARRA_CLASSROOM", "").strip().lower() in TRUE:
        return True
    try:
        value = st.secrets.get("classroom", False)
    except FileNotFoundError:  # no secrets.toml anywhere: the usual local case
        return False
    return str(value).strip().lower() in TRUE


def limits() -> Limits:
    """The caps in force for this server."""
    return CLASSROOM if enabled() else FULL
