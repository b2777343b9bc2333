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
    PageInfo("losses_metrics", "tools", ":material/fact_check:"),
    PageInfo("problem_set", "practice", "📝"),
)


def available_pages() -> list[PageInfo]:
    """Registered pages whose file exists, in teaching order."""
    return [page for page in REGISTRY if page.exists()]
