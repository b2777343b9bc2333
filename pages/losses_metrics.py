"""Losses and metrics: MSE vs MAE, cross-entropy, the confusion matrix and its metrics, ROC/AUC,
multi-class ROC AUC (one-vs-rest)."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core import confusion as cf
from core import metrics as mt
from core import roc, roc_ovr
from ui import blocks, charts, page, practice
from ui.figures import losses_metrics as figures

p = page.setup("losses_metrics")
t = p.t
TOPIC = "losses_metrics"

# ten well-behaved observations; the eleventh is the outlier the slider moves (an odd count
# makes the median, the minimizer of MAE, unique)
BASE_Y = np.array([1.0, 1.2, 1.4, 1.9, 2.1, 2.4, 2.6, 3.0, 3.3, 3.9])
COURSE_PRED = np.array([[0.775, 0.116, 0.039, 0.070]])
BASES = {"2": 2.0, "e": math.e, "10": 10.0}
BASE_LOG = {"2": "log₂", "e": "ln", "10": "log₁₀"}  # for plain-text labels
PRESETS = {
    "course": np.array([[6.0, 5.0], [7.0, 9.0]]),
    "imbalanced": np.array([[940.0, 20.0], [30.0, 10.0]]),
    "three": np.array([[50.0, 3.0, 2.0], [5.0, 30.0, 15.0], [2.0, 8.0, 10.0]]),
}
PATIENT_SCORES = np.array([0.21, 0.67, 0.56, 0.31, 0.70, 0.84])
PATIENT_LABELS = np.array([0, 1, 0, 0, 1, 0])
OWN_SCORES = "0.9 0.8 0.75 0.6 0.55 0.5 0.4 0.35 0.3 0.1"
OWN_LABELS = "1 1 0 1 1 0 0 1 0 0"
MAX_TEXT = 4000
MAX_PAIR_ROWS = 200
OVR_RATIOS = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]


def num(x: float, digits: int = 4) -> str:
    return f"{float(x):.{digits}g}"


def text_param(name: str, label: str, default: str, **kw) -> str:
    """A text area whose content lives in the URL like the ``p.<widget>`` ones.

    ``ui.page`` has no text widget; this follows the same rules: read ``?name=`` once (too long →
    default), write back only when it differs from the default.
    """
    key = p.key(name)
    if key not in st.session_state:
        raw = st.query_params.get(name)
        st.session_state[key] = raw if raw is not None and len(raw) <= MAX_TEXT else default
    value = st.text_area(label, key=key, max_chars=MAX_TEXT, **kw)
    if value == default:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value
    return value


def thin(frame: pd.DataFrame, rows: int = 41) -> pd.DataFrame:
    """Every k-th row, per series, for the "numbers behind the chart" table (the chart keeps all)."""
    if "s" not in frame.columns:
        return frame.iloc[:: max(1, len(frame) // rows)]
    series = frame["s"].to_numpy()
    take = [np.flatnonzero(series == s) for s in pd.unique(series)]  # positions per series
    return frame.iloc[np.concatenate([i[:: max(1, len(i) // rows)] for i in take])]


tab_reg, tab_ce, tab_cm, tab_roc, tab_ovr = st.tabs(
    [t(f"{TOPIC}.tab_{k}") for k in ("reg", "ce", "cm", "roc", "ovr")]
)

# ------------------------------------------------------------------ regression losses
with tab_reg:
    p.explain(t(f"{TOPIC}.reg_md"))
    c1, c2 = st.columns(2)
    with c1:
        blocks.formula(mt.mse.latex)
    with c2:
        blocks.formula(mt.mae.latex)
    y_out = p.slider(
        "outlier",
        t(f"{TOPIC}.outlier"),
        -10.0,
        40.0,
        default=3.0,
        step=0.5,
        help=t(f"{TOPIC}.outlier_help"),
    )
    y = np.r_[BASE_Y, y_out]
    # the constant prediction c that minimizes each loss: mean for MSE, median for MAE
    c_grid = np.linspace(min(y.min(), 0.0) - 1.0, max(y.max(), 5.0) + 1.0, 241)
    mse_c = mt.loss_of_constants("mse", y, c_grid)  # MSE(c) for every c at once, (241,)
    mae_c = mt.loss_of_constants("mae", y, c_grid)
    c_mse, c_mae = mt.best_constant("mse", y), mt.best_constant("mae", y)
    base_mean, base_median = mt.best_constant("mse", BASE_Y), mt.best_constant("mae", BASE_Y)

    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t(f"{TOPIC}.m_mean"), num(c_mse), delta=num(c_mse - base_mean, 3))
    m2.metric(t(f"{TOPIC}.m_median"), num(c_mae), delta=num(c_mae - base_median, 3))
    m3.metric(t(f"{TOPIC}.m_mse"), num(mt.mse(y, np.full_like(y, c_mse))))
    m4.metric(t(f"{TOPIC}.m_mae"), num(mt.mae(y, np.full_like(y, c_mae))))
    st.caption(t(f"{TOPIC}.delta_note"))

    left, right = st.columns(2)
    with left:
        r = np.linspace(-4, 4, 81)
        lab_sq, lab_abs = t(f"{TOPIC}.curve_sq"), t(f"{TOPIC}.curve_abs")
        frame = pd.concat(
            [
                pd.DataFrame({"r": r, "loss": mt.mse(r, np.zeros_like(r), "none"), "s": lab_sq}),
                pd.DataFrame({"r": r, "loss": mt.mae(r, np.zeros_like(r), "none"), "s": lab_abs}),
            ]
        )
        chart = figures.curves(
            frame,
            "r",
            "loss",
            "s",
            [lab_sq, lab_abs],
            [charts.PALETTE[0], charts.PALETTE[1]],
            x_title=t(f"{TOPIC}.x_residual"),
            y_title=t(f"{TOPIC}.y_loss"),
            height=300,
        )
        charts.show(
            chart, t(f"{TOPIC}.residual_alt"), data=thin(frame), filename="residual_losses.csv"
        )
    with right:
        lab_mse, lab_mae = t(f"{TOPIC}.curve_mse_c"), t(f"{TOPIC}.curve_mae_c")
        frame_c = pd.concat(
            [
                pd.DataFrame({"c": c_grid, "loss": mse_c, "s": lab_mse}),
                pd.DataFrame({"c": c_grid, "loss": mae_c, "s": lab_mae}),
            ]
        )
        marks = pd.DataFrame(
            {
                "c": [c_mse, c_mae],
                "loss": [mt.mse(y, np.full_like(y, c_mse)), mt.mae(y, np.full_like(y, c_mae))],
            }
        )
        chart = figures.curves_with_points(
            frame_c,
            marks,
            "c",
            "loss",
            "s",
            [lab_mse, lab_mae],
            x_title=t(f"{TOPIC}.x_constant"),
            y_title=t(f"{TOPIC}.y_loss"),
            y_scale={"type": "symlog"},
        )
        charts.show(
            chart,
            t(f"{TOPIC}.constant_alt", mean=num(c_mse), median=num(c_mae), out=num(y_out)),
            data=thin(frame_c),
            filename="best_constant.csv",
        )
    blocks.numbers_check(
        [
            (t(f"{TOPIC}.check_mean"), c_mse, c_grid[np.argmin(mse_c)]),
            (t(f"{TOPIC}.check_median"), c_mae, c_grid[np.argmin(mae_c)]),
        ],
        tol=float(c_grid[1] - c_grid[0]),
    )
    p.explain(t(f"{TOPIC}.reg_after_md"))
    blocks.formula(mt.mae_subgradient.latex)
    s1, s2 = st.columns(2)
    s1.metric(
        t(f"{TOPIC}.m_slope_mae"),
        num(mt.slope_at_constant("mae", y, c_mse), 3),
        help=t(f"{TOPIC}.m_slope_mae_help"),
    )
    s2.metric(
        t(f"{TOPIC}.m_slope_mse"),
        num(mt.slope_at_constant("mse", y, c_mae), 3),
        help=t(f"{TOPIC}.m_slope_mse_help"),
    )
    blocks.misconception(t(f"{TOPIC}.misc_mae_gradient"))

# ------------------------------------------------------------------ cross-entropy
with tab_ce:
    p.explain(t(f"{TOPIC}.ce_md"))
    c1, c2 = st.columns([1, 2])
    with c1:
        base_name = p.select(
            "base",
            t(f"{TOPIC}.base"),
            options=list(BASES),
            default="2",
            format_func=lambda b: t(f"{TOPIC}.base_{b}"),
            radio=True,
        )
        true_class = p.select(
            "true_class",
            t(f"{TOPIC}.true_class"),
            options=[1, 2, 3, 4],
            default=1,
            format_func=lambda k: t(f"{TOPIC}.class_k", k=k),
        )
    with c2:
        q_table = p.matrix(
            "q",
            t(f"{TOPIC}.q_table"),
            default=COURSE_PRED,
            max_rows=1,
            max_cols=4,
            columns=[t(f"{TOPIC}.class_k", k=k) for k in range(1, 5)],
            dynamic_rows=False,
        )
    base = BASES[base_name]
    target = np.eye(4)[true_class - 1]
    blocks.formula(mt.cross_entropy.latex)
    try:
        h = mt.cross_entropy(target, q_table[0], base=base)
    except ValueError as exc:
        p.error(exc)
    else:
        q_true = float(q_table[0][true_class - 1])
        st.latex(mt.one_hot_cross_entropy_latex(true_class - 1, q_table[0], base=base))
        m1, m2, m3 = st.columns(3)
        m1.metric(t(f"{TOPIC}.m_ce", base=t(f"{TOPIC}.base_{base_name}")), num(h))
        m2.metric(t(f"{TOPIC}.m_ce_nats"), num(mt.cross_entropy(target, q_table[0])))
        m3.metric(t(f"{TOPIC}.m_ce_bits"), num(mt.cross_entropy(target, q_table[0], base=2)))
        qs = np.linspace(0.005, 1.0, 120)
        frame = pd.DataFrame(
            {"q": qs, "loss": mt.binary_cross_entropy(np.ones_like(qs), qs, base, "none")}
        )
        charts.show(
            figures.cross_entropy_curve(
                frame,
                q_true,
                h,
                x_title=t(f"{TOPIC}.x_q_true"),
                y_title=t(f"{TOPIC}.y_ce", log=BASE_LOG[base_name]),
            ),
            t(f"{TOPIC}.ce_alt", q=num(q_true), h=num(h), log=BASE_LOG[base_name]),
            data=thin(frame),
            filename="cross_entropy.csv",
        )
    blocks.misconception(t(f"{TOPIC}.misc_zero_terms"))

    st.subheader(t(f"{TOPIC}.bce_header"))
    p.explain(t(f"{TOPIC}.bce_md"))
    blocks.formula(mt.binary_cross_entropy.latex)
    p_hat = p.slider("p_hat", t(f"{TOPIC}.p_hat"), 0.01, 0.99, default=0.8, step=0.01)
    loss_1 = mt.binary_cross_entropy([1.0], [p_hat], base=base)
    loss_0 = mt.binary_cross_entropy([0.0], [p_hat], base=base)
    m1, m2 = st.columns(2)
    m1.metric(t(f"{TOPIC}.m_bce1"), num(loss_1))
    m2.metric(t(f"{TOPIC}.m_bce0"), num(loss_0))
    ps = np.linspace(0.005, 0.995, 100)
    lab1, lab0 = t(f"{TOPIC}.curve_y1"), t(f"{TOPIC}.curve_y0")
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "p": ps,
                    "loss": mt.binary_cross_entropy(np.ones_like(ps), ps, base, "none"),
                    "s": lab1,
                }
            ),
            pd.DataFrame(
                {
                    "p": ps,
                    "loss": mt.binary_cross_entropy(np.zeros_like(ps), ps, base, "none"),
                    "s": lab0,
                }
            ),
        ]
    )
    pts = pd.DataFrame({"p": [p_hat, p_hat], "loss": [loss_1, loss_0]})
    chart = figures.curves_with_points(
        frame,
        pts,
        "p",
        "loss",
        "s",
        [lab1, lab0],
        x_title=t(f"{TOPIC}.x_p"),
        y_title=t(f"{TOPIC}.y_bce", log=BASE_LOG[base_name]),
    )
    charts.show(
        chart,
        t(f"{TOPIC}.bce_alt", p=num(p_hat), l1=num(loss_1), l0=num(loss_0)),
        data=thin(frame),
        filename="binary_cross_entropy.csv",
    )
    blocks.misconception(t(f"{TOPIC}.misc_mixed_base"))

# ------------------------------------------------------------------ confusion matrix
with tab_cm:
    p.explain(t(f"{TOPIC}.cm_md"))
    c1, c2 = st.columns(2)
    with c1:
        preset = p.select(
            "preset",
            t(f"{TOPIC}.preset"),
            options=list(PRESETS),
            default="course",
            format_func=lambda k: t(f"{TOPIC}.preset_{k}"),
            radio=True,
        )
    with c2:
        rows = p.select(
            "rows",
            t(f"{TOPIC}.rows_are"),
            options=list(cf.ROWS_OPTIONS),
            default="true",
            format_func=lambda o: t(f"{TOPIC}.rows_{o}"),
            radio=True,
        )
    if preset == "course" and rows == "true":
        st.info(t(f"{TOPIC}.course_rows_note"), icon=":material/info:")
    k = PRESETS[preset].shape[0]
    classes = [t(f"{TOPIC}.class_short", k=j) for j in range(k)]
    # column names do not depend on the orientation: renaming them would reset the editor
    C_in = p.matrix(
        f"C_{preset}",
        t(f"{TOPIC}.cm_table_{rows}"),
        default=PRESETS[preset],
        max_rows=k,
        max_cols=k,
        columns=classes,
        dynamic_rows=False,
    )
    st.caption(t(f"{TOPIC}.cm_rows_note"))
    try:
        report = cf.confusion_report(C_in, rows=rows)
        other = cf.confusion_report(C_in, rows="predicted" if rows == "true" else "true")
    except ValueError as exc:
        p.error(exc)
    else:
        acc, bal = report.accuracy, report.balanced_accuracy
        prec, rec, f1, spec = report.precision, report.recall, report.f1, report.specificity
        m1, m2, m3, m4 = st.columns(4)
        m1.metric(t(f"{TOPIC}.m_acc"), num(acc, 3), help=t(f"{TOPIC}.m_acc_help"))
        m2.metric(t(f"{TOPIC}.m_bal"), num(bal, 3), help=t(f"{TOPIC}.m_bal_help"))
        m3.metric(t(f"{TOPIC}.m_macro_prec"), num(report.macro_precision, 3))
        m4.metric(t(f"{TOPIC}.m_n"), str(report.n))
        if k == 2:
            m1, m2, m3, m4 = st.columns(4)
            m1.metric(t(f"{TOPIC}.m_prec"), num(prec[1], 3))
            m2.metric(t(f"{TOPIC}.m_rec"), num(rec[1], 3))
            m3.metric(t(f"{TOPIC}.m_spec"), num(spec[1], 3))
            m4.metric(t(f"{TOPIC}.m_f1"), num(f1[1], 3))
            st.caption(t(f"{TOPIC}.positive_note"))
        else:
            m1, m2, m3 = st.columns(3)
            m1.metric(t(f"{TOPIC}.m_macro_rec"), num(report.macro_recall, 3))
            m2.metric(t(f"{TOPIC}.m_macro_spec"), num(report.macro_specificity, 3))
            m3.metric(t(f"{TOPIC}.m_macro_f1"), num(report.macro_f1, 3))
        # the terms of each mean, as fractions of counts (classes that occur only)
        for line in cf.macro_means_latex(
            report, t(f"{TOPIC}.tex_bal"), t(f"{TOPIC}.tex_macro_prec"), t(f"{TOPIC}.tex_acc")
        ):
            st.latex(line)
        left, right = st.columns(2)
        with left:
            # the table as entered, each row divided by its sum
            row_axis, col_axis = (
                (t(f"{TOPIC}.true_axis"), t(f"{TOPIC}.pred_axis"))
                if rows == "true"
                else (t(f"{TOPIC}.pred_axis"), t(f"{TOPIC}.true_axis"))
            )
            R = report.row_normalized
            chart = charts.matrix_heatmap(
                R,
                classes,
                classes,
                row_title=row_axis,
                col_title=col_axis,
                counts=report.table,
                height=60 + 60 * k,
            )
            rows_txt = "; ".join(
                t(f"{TOPIC}.row_txt", c=classes[i], vals=", ".join(num(v, 2) for v in R[i]))
                for i in range(k)
            )
            charts.show(chart, t(f"{TOPIC}.cm_alt_{rows}", rows=rows_txt))
        with right:
            table = pd.DataFrame(
                {
                    t(f"{TOPIC}.col_class"): classes,
                    t(f"{TOPIC}.col_support"): report.support,
                    t(f"{TOPIC}.col_prec"): np.round(prec, 3),
                    t(f"{TOPIC}.col_rec"): np.round(rec, 3),
                    t(f"{TOPIC}.col_spec"): np.round(spec, 3),
                    t(f"{TOPIC}.col_f1"): np.round(f1, 3),
                }
            )
            st.dataframe(table, hide_index=True, width="stretch")
        blocks.formula(cf.precision_recall_f1.latex)
        c1, c2 = st.columns(2)
        with c1:
            blocks.formula(cf.specificity.latex)
        with c2:
            blocks.formula(cf.balanced_accuracy.latex)
        if abs(acc - bal) >= 0.1:
            st.warning(t(f"{TOPIC}.gap_warning", acc=num(acc, 3), bal=num(bal, 3)))

        st.subheader(t(f"{TOPIC}.readings_header"))
        p.explain(t(f"{TOPIC}.readings_md"))
        by_rows = {report.rows: report, other.rows: other}
        readings = pd.DataFrame(
            {
                t(f"{TOPIC}.col_metric"): [
                    t(f"{TOPIC}.m_acc"),
                    t(f"{TOPIC}.m_bal"),
                    t(f"{TOPIC}.m_macro_prec"),
                    t(f"{TOPIC}.reading_row_mean"),
                ],
                **{
                    t(f"{TOPIC}.col_rows_{o}"): [
                        num(r.accuracy, 3),
                        num(r.balanced_accuracy, 3),
                        num(r.macro_precision, 3),
                        num(r.row_diagonal_mean, 3),
                    ]
                    for o in cf.ROWS_OPTIONS
                    for r in [by_rows[o]]
                },
            }
        )
        st.dataframe(readings, hide_index=True, width="stretch")
        st.markdown(
            t(
                f"{TOPIC}.readings_note",
                mean=num(report.row_diagonal_mean, 3),
                bal=num(by_rows["true"].balanced_accuracy, 3),
                prec=num(by_rows["predicted"].macro_precision, 3),
                acc=num(acc, 3),
            )
        )
    blocks.misconception(t(f"{TOPIC}.misc_diag_mean"))
    blocks.misconception(t(f"{TOPIC}.misc_rows"))

# ------------------------------------------------------------------ ROC and AUC
with tab_roc:
    p.explain(t(f"{TOPIC}.roc_md"))
    source = p.select(
        "source",
        t(f"{TOPIC}.source"),
        options=["patients", "generated", "own"],
        default="patients",
        format_func=lambda s: t(f"{TOPIC}.source_{s}"),
        radio=True,
    )
    names: list[str] | None = None
    pop_auc = None
    try:
        if source == "patients":
            y_roc, s_roc = PATIENT_LABELS, PATIENT_SCORES
            names = [t(f"{TOPIC}.patient", k=i + 1) for i in range(6)]
        elif source == "generated":
            g1, g2, g3, g4 = st.columns(4)
            with g1:
                n_pos = p.slider("n_pos", t(f"{TOPIC}.n_pos"), 1, 400, default=30)
            with g2:
                n_neg = p.slider("n_neg", t(f"{TOPIC}.n_neg"), 1, 400, default=70)
            with g3:
                sep = p.slider("separation", t(f"{TOPIC}.separation"), -2.0, 5.0, 1.5, step=0.1)
            with g4:
                seed = p.number("seed", t(f"{TOPIC}.seed"), 0, 10_000, default=0)
            y_roc, s_roc = roc.generate_scores(n_pos, n_neg, sep, seed)
            pop_auc = roc.binormal_auc(sep)
        else:
            o1, o2 = st.columns(2)
            with o1:
                scores_txt = text_param("scores", t(f"{TOPIC}.own_scores"), OWN_SCORES)
            with o2:
                labels_txt = text_param("labels", t(f"{TOPIC}.own_labels"), OWN_LABELS)
            st.caption(t(f"{TOPIC}.own_note"))
            s_roc = roc.parse_numbers(scores_txt, "scores", low=0.0, high=1.0)
            y_roc = roc.parse_numbers(labels_txt, "labels")
        fpr, tpr, thr = roc.roc_curve(y_roc, s_roc)
        auc = roc.roc_auc(y_roc, s_roc)
        pairs = roc.ranked_pairs(y_roc, s_roc)
    except ValueError as exc:
        p.error(exc)
    else:
        y_roc = y_roc.astype(int)
        threshold = p.slider(
            "threshold",
            t(f"{TOPIC}.threshold"),
            0.0,
            1.0,
            default=0.6,
            step=0.01,
            help=t(f"{TOPIC}.threshold_help"),
        )
        y_hat = (s_roc >= threshold).astype(int)
        C_t = cf.confusion_matrix(y_roc, y_hat, labels=[0, 1])
        tn, fp, fn, tp = (int(v) for v in C_t.ravel())
        tpr_t, fpr_t = tp / (tp + fn), fp / (fp + tn)
        m1, m2, m3, m4 = st.columns(4)
        m1.metric(t(f"{TOPIC}.m_tpr"), num(tpr_t, 3))
        m2.metric(t(f"{TOPIC}.m_fpr"), num(fpr_t, 3))
        m3.metric(t(f"{TOPIC}.m_auc"), num(auc, 4))
        if pop_auc is not None:
            m4.metric(t(f"{TOPIC}.m_pop_auc"), num(pop_auc, 4), help=t(f"{TOPIC}.pop_auc_help"))
        else:
            m4.metric(t(f"{TOPIC}.m_acc_t"), num(cf.accuracy(y_roc, y_hat), 3))
        blocks.formula(roc.roc_curve.latex)

        left, right = st.columns(2)
        with left:
            # the first threshold is +inf (nobody called positive); the order field keeps JSON finite
            roc_frame = pd.DataFrame(
                {"fpr": fpr, "tpr": tpr, "threshold": thr, "step": np.arange(fpr.size)}
            )
            roc_chart = figures.roc_curve(
                roc_frame, fpr_t, tpr_t, x_title=t(f"{TOPIC}.x_fpr"), y_title=t(f"{TOPIC}.y_tpr")
            )
            roc_frame["threshold"] = roc_frame["threshold"].replace([np.inf], np.nan)
            roc_data = roc_frame.drop(columns="step")
            charts.show(
                roc_chart,
                t(
                    f"{TOPIC}.roc_alt",
                    auc=num(auc, 4),
                    thr=num(threshold, 3),
                    fpr=num(fpr_t, 3),
                    tpr=num(tpr_t, 3),
                    m=len(fpr),
                ),  # fmt: skip
                data=roc_data,
                filename="roc_curve.csv",
            )
        with right:
            if names is not None:  # the course's patients: healthy = 0, infected = 1
                cls = [t(f"{TOPIC}.healthy"), t(f"{TOPIC}.infected")]
            else:
                cls = [t(f"{TOPIC}.neg_class"), t(f"{TOPIC}.pos_class")]
            lab_pos, lab_neg = cls[1], cls[0]
            strip = pd.DataFrame(
                {
                    "score": s_roc,
                    "cls": np.where(y_roc == 1, lab_pos, lab_neg),
                    "name": names if names is not None else [str(i + 1) for i in range(s_roc.size)],
                }
            )
            jitter = np.random.default_rng(0).uniform(-0.25, 0.25, s_roc.size)
            strip["y"] = np.where(y_roc == 1, 1.0, 0.0) + (0 if names is not None else jitter)
            charts.show(
                figures.score_strip(
                    strip,
                    threshold,
                    classes=(lab_neg, lab_pos),
                    named=names is not None,
                    x_title=t(f"{TOPIC}.x_score"),
                ),
                t(f"{TOPIC}.strip_alt", thr=num(threshold, 3), tp=tp, fp=fp, tn=tn, fn=fn),
            )
            cm_frame = pd.DataFrame(
                [[tn, fp], [fn, tp]],
                index=[t(f"{TOPIC}.true_is", c=cls[0]), t(f"{TOPIC}.true_is", c=cls[1])],
                columns=[t(f"{TOPIC}.pred_is", c=cls[0]), t(f"{TOPIC}.pred_is", c=cls[1])],
            )
            st.markdown(t(f"{TOPIC}.cm_at", thr=num(threshold, 3)))
            st.dataframe(cm_frame, width="stretch")

        st.subheader(t(f"{TOPIC}.pairs_header"))
        p.explain(t(f"{TOPIC}.pairs_md"))
        blocks.formula(roc.roc_auc.latex)
        n_pairs = pairs.credit.size
        st.markdown(
            t(
                f"{TOPIC}.pairs_count",
                wins=pairs.wins,
                ties=pairs.ties,
                losses=pairs.losses,
                total=n_pairs,
                auc=num(pairs.auc, 4),
            )  # fmt: skip
        )
        who = names if names is not None else [f"#{i + 1}" for i in range(s_roc.size)]
        verdict = {
            1.0: t(f"{TOPIC}.pair_ok"),
            0.5: t(f"{TOPIC}.pair_tie"),
            0.0: t(f"{TOPIC}.pair_bad"),
        }
        shown = min(n_pairs, MAX_PAIR_ROWS)
        pair_table = pd.DataFrame(
            {
                t(f"{TOPIC}.col_pos"): [who[i] for i in pairs.positive[:shown]],
                t(f"{TOPIC}.col_pos_score"): np.round(pairs.score_positive[:shown], 4),
                t(f"{TOPIC}.col_neg"): [who[i] for i in pairs.negative[:shown]],
                t(f"{TOPIC}.col_neg_score"): np.round(pairs.score_negative[:shown], 4),
                t(f"{TOPIC}.col_credit"): [verdict[c] for c in pairs.credit[:shown]],
            }
        )
        if shown < n_pairs:
            st.caption(t(f"{TOPIC}.pairs_truncated", shown=shown, total=n_pairs))
        st.dataframe(pair_table, hide_index=True, width="stretch", height=min(400, 38 + 35 * shown))
        blocks.numbers_check(
            [
                (t(f"{TOPIC}.check_pairs_trap"), pairs.auc, float(np.trapezoid(tpr, fpr))),
                (t(f"{TOPIC}.check_pairs_rank"), pairs.auc, auc),
            ],
            tol=1e-12,
        )
    blocks.misconception(t(f"{TOPIC}.misc_auc_threshold"))

# ------------------------------------------------------------------ multi-class ROC (one-vs-rest)
with tab_ovr:
    p.explain(t(f"{TOPIC}.ovr_md"))
    k1, k2, k3 = st.columns(3)
    with k1:
        n_classes = p.slider("ovr_k", t(f"{TOPIC}.ovr_k"), 3, 6, default=4)
        n_total = p.slider("ovr_n", t(f"{TOPIC}.ovr_n"), 60, 2000, default=400, step=20)
    with k2:
        ovr_sep = p.slider(
            "ovr_sep",
            t(f"{TOPIC}.ovr_sep"),
            0.0,
            5.0,
            default=2.0,
            step=0.1,
            help=t(f"{TOPIC}.ovr_sep_help"),
        )
        ratio = p.select_slider(
            "ovr_ratio",
            t(f"{TOPIC}.ovr_ratio"),
            options=OVR_RATIOS,
            default=10.0,
            help=t(f"{TOPIC}.ovr_ratio_help"),
        )
    with k3:
        ovr_seed = p.number("ovr_seed", t(f"{TOPIC}.ovr_seed"), 0, 10_000, default=0)
    counts = roc_ovr.imbalanced_counts(n_total, n_classes, ratio)
    y_mc, s_mc = roc_ovr.generate_multiclass_scores(counts, ovr_sep, ovr_seed)
    per_class = roc_ovr.roc_auc_ovr(y_mc, s_mc, average=None)
    macro = roc_ovr.roc_auc_ovr(y_mc, s_mc, average="macro")
    weighted = roc_ovr.roc_auc_ovr(y_mc, s_mc, average="weighted")
    curves = roc_ovr.ovr_roc_curves(y_mc, s_mc)
    classes = [t(f"{TOPIC}.class_k", k=k + 1) for k in range(n_classes)]
    o1, o2, o3 = st.columns(3)
    o1.metric(t(f"{TOPIC}.m_macro"), num(macro, 4))
    o2.metric(t(f"{TOPIC}.m_weighted"), num(weighted, 4))
    o3.metric(t(f"{TOPIC}.m_worst"), num(per_class.min(), 4))
    blocks.formula(roc_ovr.roc_auc_ovr.latex[0])
    blocks.formula(roc_ovr.roc_auc_ovr.latex[1])
    aucs = ", ".join(f"{c} {num(a, 3)}" for c, a in zip(classes, per_class, strict=True))
    left, right = st.columns(2)
    with left:
        curve_frame = pd.concat(
            [
                pd.DataFrame({"fpr": fpr, "tpr": tpr, "cls": c, "step": np.arange(fpr.size)})
                for c, (fpr, tpr) in zip(classes, curves, strict=True)
            ]
        )
        charts.show(
            figures.ovr_roc_curves(
                curve_frame, classes, x_title=t(f"{TOPIC}.x_fpr"), y_title=t(f"{TOPIC}.y_tpr")
            ),
            t(f"{TOPIC}.ovr_curves_alt", k=n_classes, aucs=aucs),
        )
    with right:
        share = counts / counts.sum()
        bar_frame = pd.DataFrame({"cls": classes, "auc": per_class, "share": share})
        averages = pd.DataFrame(
            {
                "average": [t(f"{TOPIC}.avg_macro"), t(f"{TOPIC}.avg_weighted")],
                "auc": [macro, weighted],
            }
        )
        charts.show(
            figures.ovr_auc_bars(
                bar_frame,
                averages,
                classes,
                x_title=t(f"{TOPIC}.x_class"),
                y_title=t(f"{TOPIC}.y_auc_ovr"),
            ),
            t(f"{TOPIC}.ovr_bars_alt", aucs=aucs, macro=num(macro, 4), weighted=num(weighted, 4)),
        )
    st.dataframe(
        pd.DataFrame(
            {
                t(f"{TOPIC}.col_class"): classes,
                t(f"{TOPIC}.col_count"): counts,
                t(f"{TOPIC}.col_share"): np.round(share, 4),
                t(f"{TOPIC}.col_auc"): np.round(per_class, 4),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    p.explain(t(f"{TOPIC}.ovr_avg_md"))
    blocks.numbers_check(
        [
            (
                t(f"{TOPIC}.check_ovr_macro"),
                macro,
                float(np.mean([np.trapezoid(tpr, fpr) for fpr, tpr in curves])),
            ),
            (t(f"{TOPIC}.check_ovr_weighted"), weighted, float(np.sum(share * per_class))),
        ],
        tol=1e-12,
    )
    blocks.misconception(t(f"{TOPIC}.misc_ovr_weighted"))

practice.section(p)
