"""Fuzz every public function of the core modules (issues 7 and 11).

Valid input: for each function a hypothesis strategy draws arguments over wide ranges (array
entries from 1e-7 to 1e7 or exactly 0, one sample, all-equal values, duplicated / rank-one /
near-collinear columns, columns on different scales, parameters at their boundaries; arrays also
passed as nested lists and numbers as numpy scalars). The call runs with ``RuntimeWarning`` as an
error (silent overflow or NaN is a bug unless the docstring documents it) and the output must be
finite (or follow the documented inf/NaN semantics) and have the documented shape.

Invalid input: from a valid call, each parameter in turn is replaced by an invalid or hostile
value (NaN, +-inf, wrong shape or length, empty, string, None, ragged or mixed list, object,
bool, complex, out of range, unknown name or keyword). Only core's own ``ValueError`` may come
out: any other exception, a ``LinAlgError`` (a ValueError subclass) or numpy's internal
ValueError ("operands could not be broadcast", ...) is a bug, and so is silence.

Layout: ``framework.py`` (``Case``, the per-file ``Cases`` registry, the strict call, the
runners, the output checks), ``strategies.py`` (valid and invalid values), one
``test_<core module>.py`` per core module (its cases and its two tests), ``test_regressions.py``
(bugs the fuzz found: fixed ones as regression examples, open ones as strict expected failures)
and ``test_coverage.py``: it discovers the core modules, lists their public functions with
``inspect`` and fails when one has neither a case nor an exemption with a reason, so a new
function cannot slip by.

The examples are derandomized (``SETTINGS``): every run, on CI too, tries the same inputs. To
look for new bugs, run with ``HYPOTHESIS_PROFILE=explore`` and ``--hypothesis-seed=N`` for a few
N (a seed has no effect while derandomized), or raise ``max_examples``.
"""

import pytest

# plain asserts in the helpers report their operands too, as they did in the single file
pytest.register_assert_rewrite("tests.core.fuzz.framework", "tests.core.fuzz.strategies")
