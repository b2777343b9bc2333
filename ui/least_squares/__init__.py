"""Sections of the least-squares page (``pages/least_squares.py``): the data, then one module
per view (``?view=rank|family|ginv|kappa|ridge|gd|sympy``), each with a ``show(p, prob)``."""
