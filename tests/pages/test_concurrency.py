"""Two browser sessions training at once on the trainer page keep their own runs and URLs.

Each AppTest is one session with its own ``st.session_state`` and query parameters. What the two
sessions share is the process: module globals, ``st.cache_resource`` (the loaded dataset) and
``st.cache_data``. This test fails if our code keeps per-session state in one of those (e.g. the
active run or the results in a process-wide cache), changes the shared dataset in place, or
writes one session's choices into the other's URL: session A's results must equal core's run of
A's configuration even while session B trains on the same cached data, and vice versa.
"""

from __future__ import annotations

from core.data import load_dataset
from core.train import PRESETS, train
from tests.pages.helpers import open_page
from ui import i18n


def start(at) -> None:
    at.button(key="trainer.start").click().run()
    assert not at.exception, [e.value for e in at.exception]


def finish(at) -> None:
    """ "Finish now" unless the first slice inside the Start rerun already ended the run."""
    if at.session_state["trainer.run"] is not None:
        at.button(key="trainer.finish").click().run()
        assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["trainer.run"] is None


def choose(at, preset: str, epochs: int, batch: int) -> None:
    at.selectbox(key="trainer.preset").set_value(preset).run()
    at.number_input(key="trainer.epochs").set_value(epochs).run()
    at.select_slider(key="trainer.batch").set_value(batch).run()
    assert not at.exception, [e.value for e in at.exception]


def param(at, name: str) -> str:
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_two_trainer_sessions_keep_their_own_runs_and_urls():
    # two digits presets that differ in architecture and optimizer, with different epochs and
    # batch sizes; each run is 4-6 s of work on an idle machine, several times the 1 s that the
    # Start rerun trains inline (ui/trainer/live.py INLINE_S), so both are still live after Start
    sessions = {
        "a": dict(lang="en", preset="digits_a", epochs=60, batch=8),
        "b": dict(lang="es", preset="digits_e", epochs=60, batch=8),
    }
    expected = {
        name: PRESETS[s["preset"]].replace(epochs=s["epochs"], batch_size=s["batch"])
        for name, s in sessions.items()
    }
    assert expected["a"] != expected["b"]
    at = {name: open_page("trainer", lang=s["lang"]) for name, s in sessions.items()}
    for name, s in sessions.items():
        choose(at[name], s["preset"], s["epochs"], s["batch"])
    # both runs live at once, trained in alternating slices (the browsers' ticks)
    start(at["a"])
    start(at["b"])
    runs = [at[name].session_state["trainer.run"] for name in sessions]
    assert all(run is not None and not run.done for run in runs), "both runs must be live"
    while not all(run.done for run in runs):
        for run in runs:
            if not run.done:
                run.pull(0.1)
    finish(at["b"])
    finish(at["a"])
    for name in ("a", "b", "a"):  # plain reruns after the other session's run ended
        at[name].run()
        assert not at[name].exception, [e.value for e in at[name].exception]

    digits = load_dataset("digits")
    for name, s in sessions.items():
        page, lang, config = at[name], s["lang"], expected[name]
        *_, oracle = train(config, digits)  # core alone, on its own copy of the data
        shown = page.session_state["trainer.shown"]
        assert shown.config == config
        finished = page.session_state["trainer.finished"]
        assert [run["summary"] for run in finished] == [config.summary()]
        assert metric(page, i18n.translate(lang, "trainer.test_acc")) == f"{oracle.test_acc:.4f}"
        assert metric(page, i18n.translate(lang, "trainer.test_loss")) == f"{oracle.test_loss:.4f}"
        # URL state and language are this session's own
        assert param(page, "preset") == s["preset"]
        assert param(page, "epochs") == str(s["epochs"])
        assert param(page, "batch") == str(s["batch"])
        assert page.session_state["lang"] == lang
        assert page.title[0].value == i18n.translate(lang, "trainer.title")
