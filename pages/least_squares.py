"""Least squares & the pseudoinverse: when is the minimizer unique, and which one do solvers pick?

A table of contents: the data section and each view live in ``ui/least_squares/``; core does the
numbers. One view is drawn per run (``?view=...``), which keeps every rerun fast.
"""

from __future__ import annotations

from ui import page, practice
from ui.least_squares import data, family, gd, ginv, kappa, rank, ridge, symbolic

p = page.setup("least_squares")
t = p.t

# 1. The data: an example or a typed X, y; the rank tolerance; rank, κ, uniqueness
prob = data.show(p)

# 2. One view: rank and X⁺, the family of minimizers, generalized inverses (P1), sensitivity,
# ridge, gradient descent, SymPy
VIEWS = {
    "rank": rank.show,
    "family": family.show,
    "ginv": ginv.show,
    "kappa": kappa.show,
    "ridge": ridge.show,
    "gd": gd.show,
    "sympy": symbolic.show,
}
view = p.select(
    "view",
    t("least_squares.view"),
    options=list(VIEWS),
    default="rank",
    format_func=lambda v: t(f"least_squares.tab_{v}"),
    radio=True,
)
VIEWS[view](p, prob)

practice.section(p)
