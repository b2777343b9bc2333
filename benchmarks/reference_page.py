"""The reference page of ``interaction_latency.py``: the framework's own floor for a slider move.

One slider and two Altair line charts of 200 points, nothing else: a standalone Streamlit script
(it imports nothing from the app), served by its own server in the same benchmark run.
"""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

st.title("Reference page")
frequency = st.slider("Frequency", 1.0, 10.0, 3.0, step=0.1)
x = np.linspace(0.0, 2.0 * np.pi, 200)
for fn in (np.sin, np.cos):
    frame = pd.DataFrame({"x": x, "y": fn(frequency * x)})
    st.altair_chart(alt.Chart(frame).mark_line().encode(x="x", y="y"), width="stretch")
