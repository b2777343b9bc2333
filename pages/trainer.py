"""Trainer: configure an MLP, watch it learn live, inspect the results and compare runs.

The only page that imports torch (through ``core``). A table of contents: each section lives in
``ui/trainer/`` and core does the numbers. The loop is core's generator wrapped in a
``TrainingRun``, kept in the session and pulled for time slices inside an
``st.fragment(run_every=...)`` (``ui/trainer/live.py``); the run state, its lock and the button
callbacks are one object (``ui/trainer/session.py``).
"""

from __future__ import annotations

from ui import classroom, page, practice
from ui.trainer import compare, dataset, form, live, results, session, summary

p = page.setup("trainer")
limits = classroom.limits()  # caps of this server (classroom mode is stricter)
run_state = session.Session(p.t)

# Stop pressed: end the run before any widget is drawn, so every section sees it as over.
run_state.end_if_stopped()
running = run_state.running

# 1. Configuration: the widgets build a TrainConfig (None when core refuses it)
chosen = form.show(p, limits, running)
config = chosen.config
if config is not None:
    summary.show(p, config, chosen.preset, limits)

# 2. Data: load the dataset, cap the training share in classroom mode, show the split
config, data = dataset.show(p, chosen.dataset, config, limits, running)

# 3. Train: Start / Stop / Finish now, the course grid, the live view; uploaded weights
live.show(p, run_state, config, data, limits, running)
results.upload(p, run_state, config, data, running)

# 4. Results: while training, the live view is the result
if run_state.shown is not None and not run_state.running:
    results.show(p, run_state.shown, data, running)

# 5. Compare the finished runs
compare.show(p, run_state.finished, run_state.clear_finished, running)

# 6. Practice: the homework's exercises on training (P5)
practice.section(p)
