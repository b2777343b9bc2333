"""The page registry and the translated sidebar every page draws first.

Streamlit's own multipage discovery of ``pages/`` is used (deep links like ``/least_squares``
work), with its default navigation hidden (``client.showSidebarNavigation = false``) so that this
sidebar, in the user's language, is the only one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GROUPS: tuple[str, ...] = ("theory", "training", "tools", "practice")


@dataclass(frozen=True)
class PageInfo:
    topic: str  # file stem in pages/ and key prefix in the catalogue
    group: str
    icon: str

    @property
    def path(self) -> str:
        return f"pages/{self.topic}.py"

    def exists(self) -> bool:
        return (ROOT / self.path).is_file()


# In teaching order. A page is listed (sidebar, home cards, browser test) once its file exists.
REGISTRY: tuple[PageInfo, ...] = (
    PageInfo("least_squares", "theory", ":material/linear_scale:"),
    PageInfo("l1_proximal", "theory", ":material/compress:"),
    PageInfo("batch_norm", "theory", ":material/equalizer:"),
    PageInfo("dropout", "theory", ":material/grain:"),
    PageInfo("linear_networks", "theory", ":material/account_tree:"),
    PageInfo("activations_init", "theory", ":material/show_chart:"),
    PageInfo("trainer", "training", ":material/model_training:"),
    PageInfo("optimizers", "training", ":material/route:"),
    PageInfo("lr_schedules", "training", ":material/timeline:"),
    PageInfo("generalization", "training", ":material/extension:"),
    PageInfo("hyperparameter_search", "training", ":material/tune:"),
    PageInfo("losses_metrics", "tools", ":material/fact_check:"),
    PageInfo("problem_set", "practice", ":material/edit_note:"),
)


def available_pages() -> list[PageInfo]:
    """Registered pages whose file exists, in teaching order."""
    return [page for page in REGISTRY if page.exists()]


# What each page serves in the course (shown as a badge under its title and used by the home
# page's homework list): a homework-1 problem "P1".."P5" or a slide deck "slides_opt"
# (optimization and regularization) / "slides_losses" (losses and metrics). The first item is the page's main one.
# Pages of the "practice" group (the problem set) gather every item and have no entry.
HOMEWORK: tuple[str, ...] = ("P1", "P2", "P3", "P4", "P5")
SLIDES: tuple[str, ...] = ("slides_opt", "slides_losses")
SERVES: dict[str, tuple[str, ...]] = {
    "least_squares": ("P1",),  # uniqueness of least squares, generalized inverse
    "linear_networks": ("P2",),  # networks A vs B with a linear hidden layer
    "batch_norm": ("P3", "slides_opt"),  # the slides' Algorithm 1
    "l1_proximal": ("P4", "slides_opt"),  # diagonal-Hessian soft threshold; the slides' L1/L2
    "trainer": ("P5",),  # MNIST: logistic baseline, 1-3 hidden layers, SGD, Adam, Adagrad
    "optimizers": ("P5", "slides_opt"),  # P5's SGD vs Adam vs Adagrad; the slides' optimizers
    "activations_init": ("slides_opt",),
    "dropout": ("slides_opt",),
    "lr_schedules": ("slides_opt", "slides_losses"),  # LR decay is in both decks
    "losses_metrics": ("slides_losses",),
    "generalization": ("slides_opt",),  # the slides' ensembles, augmentation, transfer
    "hyperparameter_search": ("slides_opt",),  # the slides' coarse to fine, grid vs random
}


def serving(item: str) -> list[PageInfo]:
    """Available pages that serve ``item`` (a homework problem or a slide deck), in teaching order."""
    return [page for page in available_pages() if item in SERVES.get(page.topic, ())]
