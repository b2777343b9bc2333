"""The trainer page in AppTest: presets, a short run to the end, Stop, uploads, the grid, URLs.

AppTest never fires ``st.fragment(run_every=...)``; the tests use the page's plain path (Start,
then "Finish now"), or pull the session's ``TrainingRun`` by hand to stand in for the ticks
before pressing Stop. Numbers are compared with ``core.train`` run on the same configuration.
No test touches the network: MNIST comes from ``../shared/data/mnist-subset`` and any download
attempt fails at once.
"""

from __future__ import annotations

import ast
import io
import json
import os
from pathlib import Path

import numpy as np
import pytest
import torch

from core import confusion
from core.data import load_dataset
from core.models import state_dict_to_bytes
from core.train import PRESETS, TrainConfig, train
from tests.pages.helpers import ROOT, all_text, open_page
from ui import i18n

SUBSET = (ROOT.parent / "shared" / "data" / "mnist-subset").resolve()
# digits, 1x10 ReLU, Adam, 2 epochs of 5 mini-batches: a second of work on a busy machine
REFUSED = (
    "weights file refused: it contains objects other than tensors "
    "(only a state_dict saved with torch.save is accepted)"
)
SHORT = {"preset": "digits_a", "epochs": "2", "batch": "256", "patience": "0"}


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """MNIST from the shared subset; a download attempt fails immediately instead of waiting."""
    from urllib.error import URLError

    import torchvision.datasets.mnist as tv_mnist

    def no_network(*args, **kwargs):
        raise URLError("network disabled in tests")

    monkeypatch.setenv("PIZARRA_DATA_DIR", str(SUBSET))
    monkeypatch.delenv("PIZARRA_OFFLINE", raising=False)
    monkeypatch.delenv("PIZARRA_CLASSROOM", raising=False)
    monkeypatch.setattr(tv_mnist, "download_and_extract_archive", no_network)


def tr(lang: str, key: str, **kw) -> str:
    return i18n.translate(lang, key, **kw)


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def table_with(at, column: str):
    """The first dataframe of the page that has ``column``."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def vega_specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def assert_layers_drawable(at) -> None:
    """Vega-Lite shares a channel's scale across layers: a quantitative and a nominal colour in
    two layers of one chart draw nothing (an empty, zero-height chart) unless resolved apart."""
    for spec in vega_specs(at):
        for channel in ("color", "x", "y"):
            kinds = {
                layer["encoding"][channel].get("type")
                for layer in spec.get("layer", [])
                if channel in layer.get("encoding", {})
            }
            resolved = spec.get("resolve", {}).get("scale", {}).get(channel) == "independent"
            assert len(kinds) <= 1 or resolved, (channel, kinds)


def core_result(config: TrainConfig):
    data = load_dataset(config.dataset, data_dir=SUBSET, download=False)
    *_, result = train(config, data)
    return result


def short_config(**changes) -> TrainConfig:
    return PRESETS["digits_a"].replace(epochs=2, batch_size=256, patience=0, **changes)


def run_to_end(at):
    """Start, then "Finish now" unless the first slice inside the Start rerun already ended it."""
    at.button(key="trainer.start").click().run()
    assert not at.exception, [e.value for e in at.exception]
    if at.session_state["trainer.run"] is not None:
        at.button(key="trainer.finish").click().run()
        assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["trainer.run"] is None
    return at


def test_renders_in_both_languages(lang):
    at = open_page("trainer", lang=lang)
    assert not at.exception
    assert at.title[0].value == tr(lang, "trainer.title")
    text = all_text(at)
    # default preset: optical digits b, 64-40-10, 64*40+40 + 40*10+10 = 3,010 parameters
    assert tr(lang, "trainer.matches_preset", preset=tr(lang, "trainer.preset.digits_b")) in text
    assert PRESETS["digits_b"].summary() in text
    assert not at.button(key="trainer.start").disabled
    assert at.button(key="trainer.stop").disabled
    labels = [e.label for e in at.expander]
    assert tr(lang, "trainer.model_expander", trainable="3,010", buffers="0") in labels
    assert tr(lang, "trainer.h_results") not in text


def test_preset_then_short_run_matches_core(lang):
    at = open_page("trainer", lang=lang)
    at.selectbox(key="trainer.preset").set_value("digits_e").run()
    assert not at.exception
    text = all_text(at)
    assert tr(lang, "trainer.matches_preset", preset=tr(lang, "trainer.preset.digits_e")) in text
    assert at.slider(key="trainer.layers").value == 2
    assert at.query_params["preset"] in ("digits_e", ["digits_e"])
    at.number_input(key="trainer.epochs").set_value(2).run()
    at.select_slider(key="trainer.batch").set_value(256).run()
    assert "epochs" in tr(lang, "trainer.differs_preset", preset="x", names="epochs")
    run_to_end(at)
    expected = core_result(PRESETS["digits_e"].replace(epochs=2, batch_size=256))
    assert metric(at, tr(lang, "trainer.test_acc")) == f"{expected.test_acc:.4f}"
    assert metric(at, tr(lang, "trainer.test_loss")) == f"{expected.test_loss:.4f}"
    assert metric(at, tr(lang, "trainer.best_epoch")) == f"{expected.best_epoch} / 2"
    text = all_text(at)
    assert tr(lang, "trainer.h_results") in text and tr(lang, "trainer.h_compare") in text
    # one results view at a time, chosen with a URL-synced radio
    assert_layers_drawable(at)  # the curves view: loss/accuracy with the best-epoch rule
    at.radio(key="trainer.view").set_value("per_class").run()
    per_class = table_with(at, tr(lang, "trainer.recall"))
    assert per_class.shape == (10, 5)
    _, recall, _, _ = confusion.precision_recall_f1(
        expected.y_true, expected.y_pred, labels=range(10)
    )
    np.testing.assert_allclose(per_class[tr(lang, "trainer.recall")], np.round(recall, 4))
    at.radio(key="trainer.view").set_value("confusion").run()
    assert_layers_drawable(at)
    assert vega_specs(at)[0]["layer"][0]["mark"]["type"] == "rect"  # the heatmap
    balanced = confusion.balanced_accuracy(expected.y_true, expected.y_pred)
    assert metric(at, tr(lang, "trainer.balanced")) == f"{balanced:.4f}"
    at.radio(key="trainer.view").set_value("mistakes").run()
    assert not at.exception
    wrong = int((expected.y_pred != expected.y_true).sum())
    assert tr(lang, "trainer.mistakes_intro", n=min(12, wrong), total=wrong) in all_text(at)
    assert at.query_params["view"] in ("mistakes", ["mistakes"])


def test_stop_keeps_the_best_weights():
    # 300 epochs of 68 mini-batches: far more than the slice trained inside the Start rerun
    at = open_page("trainer", **{**SHORT, "epochs": "300", "batch": "16"})
    at.button(key="trainer.start").click().run()
    run = at.session_state["trainer.run"]
    assert run is not None and not run.done
    while len(run.history) < 3:  # stand-in for the browser's ticks
        run.pull(0.2)
    at.button(key="trainer.stop").click().run()
    assert not at.exception
    assert at.session_state["trainer.run"] is None
    result = at.session_state["trainer.shown"].result
    assert result.stop_reason == "stopped"
    assert 3 <= result.epochs_run < 300
    best = min(result.history, key=lambda r: r.val_loss)
    assert result.best_epoch == best.epoch
    assert result.best_val_acc == best.val_acc
    assert metric(at, tr("en", "trainer.test_acc")) == f"{result.test_acc:.4f}"
    assert tr("en", "trainer.stop.stopped") in all_text(at)
    assert not at.button(key="trainer.start").disabled


def test_bad_query_params_fall_back(lang):
    at = open_page(
        "trainer",
        lang=lang,
        lr="abc",
        epochs="-5",
        layers="9",
        dataset="nope",
        preset="zzz",
        batch="7",
        h1="1e9",
        seed="<script>",
    )
    assert not at.exception
    assert at.selectbox(key="trainer.dataset").value == "digits"
    assert at.select_slider(key="trainer.lr").value == PRESETS["digits_b"].lr
    assert at.number_input(key="trainer.epochs").value == 1  # clamped up
    assert at.slider(key="trainer.layers").value == 5  # clamped down
    assert at.number_input(key="trainer.h1").value == 1024
    notices = [c.value for c in at.caption]
    assert any(
        tr(lang, "ui.param_clamped", name="epochs", value="-5", used="1") in c for c in notices
    )
    assert any(
        tr(lang, "ui.param_invalid", name="lr", value="abc", used="0.001") in c for c in notices
    )


def test_preset_from_url_alone_and_course_counts():
    at = open_page("trainer", preset="regularized5")
    assert not at.exception
    text = all_text(at)
    assert (
        tr("en", "trainer.matches_preset", preset=tr("en", "trainer.preset.regularized5")) in text
    )
    # the course's five-hidden network: 75,914 trainable parameters and 128 running statistics
    assert (
        tr("en", "trainer.param_totals", trainable="75,914", buffers="128", total="76,042") in text
    )
    # MNIST read from the shared subset: 8,000 training and 2,000 test images
    assert (
        tr(
            "en",
            "trainer.data_info",
            dataset=tr("en", "trainer.ds.mnist"),
            n_train="8,000",
            n_test="2,000",
            h=28,
            w=28,
            classes=10,
        )
        in text
    )


def test_every_preset_loads_exactly():
    at = open_page("trainer", lang="es")
    for name, config in PRESETS.items():
        at.selectbox(key="trainer.preset").set_value(name).run()
        assert not at.exception, name
        text = all_text(at)
        assert config.summary() in text, name
        assert tr("es", "trainer.matches_preset", preset=tr("es", f"trainer.preset.{name}")) in text


def test_failed_download_offers_digits(tmp_path, monkeypatch, lang):
    monkeypatch.setenv("PIZARRA_DATA_DIR", str(tmp_path))
    at = open_page("trainer", lang=lang, dataset="mnist")
    assert not at.exception
    message = tr(
        lang,
        "trainer.data_download_failed",
        dataset=tr(lang, "trainer.ds.mnist"),
        path=str(tmp_path),
    )
    assert message in [e.value for e in at.error]
    assert at.button(key="trainer.start").disabled
    at.button(key="trainer.to_digits").click().run()
    assert not at.exception
    assert at.selectbox(key="trainer.dataset").value == "digits"
    assert not at.error and not at.button(key="trainer.start").disabled


def test_offline_mode_never_downloads(tmp_path, monkeypatch):
    monkeypatch.setenv("PIZARRA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PIZARRA_OFFLINE", "1")
    at = open_page("trainer", dataset="fashion-mnist")
    assert not at.exception
    message = tr(
        "en",
        "trainer.data_missing",
        dataset=tr("en", "trainer.ds.fashion-mnist"),
        path=str(tmp_path),
    )
    assert message in [e.value for e in at.error]


def test_mnist_subset_run():
    params = {"preset": "logistic", "epochs": "1", "subset": "0.25"}
    at = run_to_end(open_page("trainer", **params))
    config = PRESETS["logistic"].replace(epochs=1, train_fraction=0.25)
    expected = core_result(config)
    assert metric(at, tr("en", "trainer.test_acc")) == f"{expected.test_acc:.4f}"
    assert at.session_state["trainer.shown"].config == config


class Boom:
    """Unpickling this would create a folder: proof that the payload ran."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (os.makedirs, (self.path,))


def upload(at, name: str, blob: bytes):
    at.file_uploader(key="trainer.upload").set_value((name, blob, "application/octet-stream")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_weights_round_trip_and_refusals(tmp_path, lang):
    at = run_to_end(open_page("trainer", lang=lang, **SHORT))
    shown = at.session_state["trainer.shown"]
    blob = state_dict_to_bytes(shown.state_dict)
    # the same weights back: the same test accuracy, shown as the uploaded model
    at = upload(at, "weights.pt", blob)
    assert tr(lang, "trainer.upload_ok", name="weights.pt", acc=f"{shown.test_acc:.4f}") in [
        s.value for s in at.success
    ]
    assert at.session_state["trainer.shown"].label == tr(
        lang, "trainer.uploaded_label", name="weights.pt"
    )
    assert metric(at, tr(lang, "trainer.test_acc")) == f"{shown.test_acc:.4f}"
    # a pickle that would run code is refused, and it did not run
    marker = tmp_path / "pwned"
    evil = io.BytesIO()
    torch.save({"fc1.weight": Boom(str(marker))}, evil)
    at = upload(at, "evil.pt", evil.getvalue())
    assert not marker.exists()
    assert at.error and i18n.translate_error(lang, REFUSED) in at.error[0].value
    # random bytes are not a weights file
    at = upload(at, "noise.pt", np.random.default_rng(0).bytes(500))
    assert at.error
    # the right file for another architecture: a clear mismatch message
    at.number_input(key="trainer.h1").set_value(11).run()
    at = upload(at, "weights_again.pt", blob)
    expected = i18n.translate_error(lang, "weights do not match the configured architecture: x")
    assert at.error and expected.split(":")[0] in at.error[0].value


def test_course_grid_runs_every_config():
    at = open_page("trainer", grid_epochs="1", subset="0.25")
    at.button(key="trainer.grid").click().run()
    assert not at.exception
    if at.session_state["trainer.run"] is not None:
        assert at.session_state["trainer.meta"]["grid"][1] == 8
        at.button(key="trainer.finish").click().run()
        assert not at.exception
    finished = at.session_state["trainer.finished"]
    assert len(finished) == 8
    depths = sorted({r["summary"].split()[1].count("-") - 1 for r in finished})
    assert depths == [0, 1, 2, 3]
    assert table_with(at, tr("en", "trainer.col_run")).shape[0] == 8
    assert all("sgd lr=0.1 " in r["summary"] or "sgd lr=0.01 " in r["summary"] for r in finished)


def test_divergence_is_explained_with_a_suggested_lr(lang):
    at = open_page("trainer", lang=lang, preset="digits_a", optimizer="sgd", lr="100", epochs="3")
    run_to_end(at)
    result = at.session_state["trainer.shown"].result
    assert result.stop_reason == "diverged" and result.diverged is not None
    warning = at.warning[0].value
    suggested = result.diverged.suggested_lr
    assert f"lr = {suggested:g}" in warning
    at.button(key="trainer.use_lr").click().run()
    assert not at.exception
    assert at.select_slider(key="trainer.lr").value == pytest.approx(suggested)


def test_objective_formula_comes_from_core():
    at = open_page("trainer")
    formulas = [el.value for el in at.latex]
    assert any(
        r"\frac{\lambda}{2} \sum W^2" in f and r"\operatorname{softmax}" in f for f in formulas
    )
    # torch only through core (an import inside a function sets the thread count)
    tree = ast.parse(Path(ROOT / "pages" / "trainer.py").read_text())
    top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    names = {a.name for n in top if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in top if isinstance(n, ast.ImportFrom) and n.module}
    assert not {m for m in names if m.split(".")[0] == "torch"}


# ---------------------------------------------------------------------------------------------
# course corrections: L2 note, training curve, constant answers, preset callouts
# ---------------------------------------------------------------------------------------------
def test_l2_note_states_the_matching_lambda():
    """core's penalty is (lambda/2) sum W^2, whose gradient is lambda W: torch's weight_decay=lambda
    (tests/core/test_train.py checks it step by step); the note must say that, both languages."""
    from core import train as T

    for lang in ("en", "es"):
        note = tr(lang, "trainer.l2_note")
        assert "(λ/2)·ΣW²" in note and "weight_decay=λ" in note
        assert "AdamW" in note and "decoupled_weight_decay=True" in note
        assert all(name in note for name in ("SGD", "Adagrad", "RMSprop", "Adam"))
    assert r"\frac{\lambda}{2} \sum W^2" in T.OBJECTIVE_LATEX


def test_eval_mode_training_curve(lang):
    """The checkbox (URL-synced) adds the eval-mode training loss, equal to core's numbers."""
    at = open_page("trainer", lang=lang, **SHORT, d1="0.5")
    at.checkbox(key="trainer.eval_train").check().run()
    assert not at.exception
    assert at.query_params["eval_train"] not in (None, [], "", "0", "false")
    run_to_end(at)
    config = short_config(dropout=0.5, eval_train_loss=True)
    shown = at.session_state["trainer.shown"]
    assert shown.config == config
    expected = core_result(config)
    got = [(h.train_loss, h.train_eval_loss) for h in shown.result.history]
    assert got == [(h.train_loss, h.train_eval_loss) for h in expected.history]
    assert all(h.train_eval_loss is not None for h in shown.result.history)
    note = tr(lang, "trainer.train_curve_note", train_loss="0.1084", test_loss="0.094")
    assert note in all_text(at)
    # the accuracy chart's table holds three series, the third in eval mode (tables are built
    # only while their expander is open: open them all)
    at.session_state["chart_data.history"] = True
    at.run()
    series = {
        v
        for df in at.dataframe
        if "series" in df.value.columns
        for v in df.value["series"].unique()
    }
    assert tr(lang, "trainer.series_train_eval") in series and len(series) == 3


def test_eval_train_keeps_the_preset_and_draws_live():
    """Scoring the training set is a measurement: the preset still matches. In the live chart
    the colour domain lists the third series (Vega-Lite drops series missing from it)."""
    at = open_page("trainer", preset="digits_b", eval_train="1")
    assert at.checkbox(key="trainer.eval_train").value is True
    preset = tr("en", "trainer.preset.digits_b")
    assert tr("en", "trainer.matches_preset", preset=preset) in all_text(at)
    at = open_page("trainer", **{**SHORT, "epochs": "300", "batch": "16"}, eval_train="1")
    at.button(key="trainer.start").click().run()
    run = at.session_state["trainer.run"]
    assert run is not None and not run.done
    while len(run.history) < 2:  # stand-in for the browser's ticks
        run.pull(0.2)
    at.run()  # the live view redraws with the finished epochs
    assert not at.exception
    live = next(s for s in vega_specs(at) if "facet" in s)
    domain = live["spec"]["encoding"]["color"]["scale"]["domain"]
    assert domain == [tr("en", k) for k in
                      ("trainer.series_train", "trainer.series_val", "trainer.series_train_eval")]  # fmt: skip
    assert len(live["spec"]["encoding"]["strokeDash"]["scale"]["range"]) == 3
    at.button(key="trainer.stop").click().run()
    assert not at.exception


def constant_weights(config: TrainConfig, cls: int) -> bytes:
    """A network whose output ignores the input: zero weights, one large output bias."""
    from core.models import build_model

    model = build_model(config)
    state = {k: torch.zeros_like(v) for k, v in model.state_dict().items()}
    state["out.bias"][cls] = 5.0
    return state_dict_to_bytes(state)


def test_constant_network_is_flagged(lang):
    at = open_page("trainer", lang=lang, **SHORT)
    config = short_config()
    at = upload(at, "constant.pt", constant_weights(config, 3))
    y = load_dataset("digits").y_test.numpy()
    counts = np.bincount(y, minlength=10)
    acc = counts[3] / y.size
    assert metric(at, tr(lang, "trainer.test_acc")) == f"{acc:.4f}"
    warning = tr(
        lang,
        "trainer.constant_warning",
        acc=f"{acc:.4f}",
        cls=str(counts.argmax()),
        share=f"{counts.max() / y.size:.4f}",
        top="3",
        top_share="100.0 %",
        k=10,
        chance="0.10",
    )
    assert warning in [w.value for w in at.warning]
    # two short epochs: a poor network (accuracy near 1/10) whose answers are spread over the
    # classes is not a constant answer, and is not flagged
    at = run_to_end(at)
    shown = at.session_state["trainer.shown"]
    assert np.bincount(shown.y_pred).max() < 0.5 * len(shown.y_pred)
    assert not [w for w in at.warning if w.value.startswith(warning[:20])]


def test_bottleneck_callout_has_the_notebook_numbers(lang):
    at = open_page("trainer", lang=lang, preset="digits_a", h1="2")
    assert not at.exception
    text = all_text(at)
    expected = tr(
        lang,
        "trainer.misc_bottleneck",
        printed="0.11349",
        count="1,135",
        n="10,000",
        share="0.1135",
    )
    assert expected in text


@pytest.mark.parametrize(
    ("preset", "key", "numbers"),
    [
        ("digits_d", "trainer.misc_digits_tanh", {"a": "0.960", "b": "0.980", "c": "0.956",
                                                  "d": "0.972"}),
        ("digits_b", "trainer.misc_digits_tanh", {"a": "0.960", "b": "0.980", "c": "0.956",
                                                  "d": "0.972"}),
        ("digits_e", "trainer.misc_digits_e", {"own": "0.149", "quoted": "0.086"}),
        ("digits_f", "trainer.misc_digits_time", {"fast": "4.6", "slow": "8.5"}),
        ("adam", "trainer.misc_p5", {"lr": "0.01", "adam_default": "0.001",
                                     "adagrad_default": "0.01"}),
        ("adagrad", "trainer.misc_p5", {"lr": "0.01", "adam_default": "0.001",
                                        "adagrad_default": "0.01"}),
    ],
)  # fmt: skip
def test_course_callouts_next_to_their_presets(preset, key, numbers):
    for lang in ("en", "es"):
        at = open_page("trainer", lang=lang, preset=preset)
        assert not at.exception
        assert tr(lang, key, **numbers) in all_text(at), (preset, lang)
    # and not next to unrelated presets
    at = open_page("trainer", preset="hidden1")
    text = all_text(at)
    for other in ("trainer.misc_digits_tanh", "trainer.misc_digits_e", "trainer.misc_p5"):
        assert tr("en", other).split("{")[0] not in text


def _rule_of(widget: str) -> str | None:
    """The constraint-table name behind a trainer widget (None: not a configuration number)."""
    from core.trainer import SCHEDULE_DEFAULTS, TORCH_OPTIMIZERS

    if widget[:1] in "hd" and widget[1:].isdigit():
        return {"h": "hidden", "d": "dropout"}[widget[0]]
    if widget in ("seed", "epochs", "patience"):
        return widget
    if widget == "grid_epochs":
        return "epochs"
    for owner in [*TORCH_OPTIMIZERS, *SCHEDULE_DEFAULTS]:
        if widget.startswith(owner + "_"):
            name = widget[len(owner) + 1 :]
            return "betas" if name in ("beta1", "beta2") else name
    return None


@pytest.mark.parametrize("classroom", [False, True])
@pytest.mark.parametrize(
    "optimizer, schedule", [("momentum", "step"), ("rmsprop", "cosine"), ("adam", "none")]
)
def test_widget_ranges_come_from_the_constraint_table(monkeypatch, classroom, optimizer, schedule):
    """Each end of every number widget and every option of every grid is a value core accepts,
    and this server's classroom caps narrow the table where they are tighter."""
    from core.trainer.constraints import CONSTRAINTS, check
    from ui.classroom import CLASSROOM, FULL

    if classroom:
        monkeypatch.setenv("PIZARRA_CLASSROOM", "1")
    limits = CLASSROOM if classroom else FULL
    at = open_page("trainer", optimizer=optimizer, schedule=schedule, layers="3")
    assert not at.exception
    seen = set()
    for w in [*at.number_input, *at.slider]:
        name = (w.key or "").removeprefix("trainer.")
        rule = _rule_of(name)
        if rule is None:
            continue
        seen.add(name)
        for end in (w.min, w.max):
            if name == "cosine_T_max" and end == 0:
                continue  # 0 stands for core's None (= the number of epochs)
            c = CONSTRAINTS[rule]
            getattr(c, "item", c).check(end, name)  # raises ConfigError if core refuses it
    for key, options in at.session_state["_options"].items():
        name = key.removeprefix("trainer.")
        rule = _rule_of(name) or {"lr": "lr", "batch": "batch_size", "l1": "l1", "l2": "l2"}.get(
            name
        )
        if rule is not None:
            seen.add(name)
            c = CONSTRAINTS[rule]
            for option in options:
                getattr(c, "item", c).check(option, name)
    assert {"seed", "epochs", "patience", "h1", "d3", "lr", "batch", "l1", "l2"} <= seen
    assert any(n.startswith(optimizer + "_") for n in seen) or optimizer == "sgd"
    assert at.number_input(key="trainer.epochs").max == min(limits.max_epochs, 10_000)
    assert at.number_input(key="trainer.h1").max == limits.max_width
    assert at.slider(key="trainer.layers").max == limits.max_hidden_layers
    assert at.number_input(key="trainer.epochs").min == CONSTRAINTS["epochs"].low
    assert check("seed", at.number_input(key="trainer.seed").max)


def test_a_config_error_is_shown_in_spanish_by_its_code(monkeypatch):
    """The batch-norm rule ties two widgets together, so no widget range can exclude it: with a
    mini-batch of one on the grid, the page shows core's refusal, written from its code."""
    from ui.trainer import form

    monkeypatch.setattr(form, "BATCHES", [1, *form.BATCHES])
    at = open_page("trainer", lang="es")
    at.select_slider(key="trainer.batch").set_value(1).run()
    at.checkbox(key="trainer.bn1").check().run()
    assert not at.exception
    english = "batch_size must be >= 2 with batch norm, got 1"
    spanish = "batch_size debe ser >= 2 con normalización por lotes; se recibió 1"
    errors = [e.value for e in at.error]
    assert tr("es", "ui.invalid_input", message=spanish) in errors, errors
    assert i18n.translate_error("es", english) == english  # no regex knows it: the code does
