"""The trainer page's sections, one module each; ``pages/trainer.py`` calls them in order.

- :mod:`ui.trainer.form`: the configuration widgets and the presets (widget values <-> TrainConfig);
- :mod:`ui.trainer.summary`: what the chosen configuration is (preset match, callouts, formula,
  layer table, PyTorch code);
- :mod:`ui.trainer.dataset`: the dataset section and the per-process dataset cache;
- :mod:`ui.trainer.session`: the per-user run state (lock, queue, callbacks) in one object;
- :mod:`ui.trainer.live`: the Train section, the live view and its time slices;
- :mod:`ui.trainer.outcome`: what the results section draws (a run's or uploaded weights' test);
- :mod:`ui.trainer.results`: the results of a run or of uploaded weights, one function per view;
- :mod:`ui.trainer.compare`: the table and curves of finished runs;
- :mod:`ui.trainer.fmt`: number formats shared by the sections.
"""
