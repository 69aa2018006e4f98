"""The examples in docstrings run, so the documentation cannot drift from the code."""

import doctest

import pytest

import defgraph.api
import defgraph.evaluate
import defgraph.extract.amounts
import defgraph.extract.events.transfer_status
import defgraph.extract.parse_text
import defgraph.names
import defgraph.viz.export
import defgraph.viz.render

MODULES = [defgraph.api, defgraph.evaluate, defgraph.extract.amounts, defgraph.extract.events.transfer_status,
           defgraph.extract.parse_text, defgraph.names, defgraph.viz.export, defgraph.viz.render]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
