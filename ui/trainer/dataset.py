"""Section 2 of the trainer: the dataset, loaded once per process, its size and split."""

from __future__ import annotations

import os

import streamlit as st

from core.data import DatasetUnavailable, default_data_dir, load_dataset
from core.trainer import TrainConfig
from core.trainer.report import capped_train_fraction, split_sizes
from ui import blocks, classroom
from ui.page import Page


def download_allowed() -> bool:
    """False with ``PIZARRA_OFFLINE=1``: never try to download MNIST / Fashion-MNIST
    (air-gapped rooms, tests). Read at every script run, so a test can set it."""
    return os.environ.get("PIZARRA_OFFLINE", "").strip().lower() not in classroom.TRUE


@st.cache_resource(show_spinner=False, max_entries=6)
def get_data(name: str, data_dir: str, download: bool = True):
    """Loaded once per process: uint8 images, normalized float32 features (core.data)."""
    return load_dataset(name, data_dir=data_dir, download=download)


def load(name: str):
    """The dataset ``name`` from the cache (loading it the first time); may raise
    ``DatasetUnavailable``."""
    return get_data(name, str(default_data_dir()), download_allowed())


def data_for(name: str, loaded):
    """The dataset ``name``: ``loaded`` if it is that one, else from the cache, or None when it
    cannot be read."""
    if loaded is not None and loaded.name == name:
        return loaded
    try:
        return load(name)
    except DatasetUnavailable:
        return None


def show(
    p: Page,
    dataset: str,
    config: TrainConfig | None,
    limits: classroom.Limits,
    running: bool,
) -> tuple[TrainConfig | None, object]:
    """Load and describe ``dataset`` and the split core will make; returns the configuration
    (its training share capped in classroom mode) and the dataset, or None when it cannot be
    read."""
    t = p.t
    ss = st.session_state
    st.header(t("trainer.h_dataset"))
    data = None
    data_dir = str(default_data_dir())
    try:
        with st.spinner(t("trainer.loading", dataset=t(f"trainer.ds.{dataset}"), path=data_dir)):
            data = get_data(dataset, data_dir, download_allowed())
    except DatasetUnavailable as exc:
        st.error(
            t(
                f"trainer.data_{exc.reason}",
                dataset=t(f"trainer.ds.{dataset}"),
                path=exc.path or data_dir,
            ),
            icon=":material/cloud_off:",
        )
        if exc.detail:
            st.caption(t("trainer.data_detail", detail=exc.detail))
        st.button(
            t("trainer.switch_digits"),
            key="trainer.to_digits",
            on_click=lambda: ss.__setitem__(p.key("dataset"), "digits"),
            type="primary",
            disabled=running,
        )
    if data is not None:
        spec = data.spec
        h, w = spec.image_shape
        st.markdown(
            t(
                "trainer.data_info",
                dataset=t(f"trainer.ds.{dataset}"),
                n_train=f"{data.n_train:,}",
                n_test=f"{data.n_test:,}",
                h=h,
                w=w,
                classes=spec.n_classes,
            )
        )
        if config is not None and limits.max_train_samples and config.dataset == data.name:
            fraction = capped_train_fraction(
                data.n_train, config.val_fraction, config.train_fraction, limits.max_train_samples
            )
            if fraction != config.train_fraction:
                config = config.replace(train_fraction=fraction)
                st.caption(t("trainer.samples_capped", n=f"{limits.max_train_samples:,}"))
        if config is not None:
            sizes = split_sizes(data.n_train, config.val_fraction, config.train_fraction)
            st.caption(
                t(
                    "trainer.split_info",
                    n_fit=f"{sizes.n_train:,}",
                    n_val=f"{sizes.n_val:,}",
                    n_test=f"{data.n_test:,}",
                )
            )
        p.explain(
            t(
                "trainer.scaling_note",
                mean=f"{spec.mean:g}",
                std=f"{spec.std:g}",
                max=f"{spec.max_value:g}",
            )
        )
        blocks.misconception(t("trainer.misc_test_as_val"))
        blocks.misconception(t("trainer.misc_pixel_std"))
    return config, data
