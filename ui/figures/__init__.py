"""Topic figure builders: arrays in, a Vega-Lite spec (``ui.charts.Spec``) out; pages show them."""
