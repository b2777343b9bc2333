"""Pizarra's math: pure numpy/scipy/sympy (and torch for the trainer only), no Streamlit.

Every module is importable from a notebook or a script. Theory modules never import torch.
"""
