"""The examples in docstrings run, so the documentation cannot drift from the code."""

import doctest
from pathlib import Path

import pytest

import defgraph.api
import defgraph.deals.families
import defgraph.evaluate
import defgraph.extract.amounts
import defgraph.extract.events.dates
import defgraph.extract.events.transfer_status
import defgraph.extract.parse_text
import defgraph.extract.text
import defgraph.formats
import defgraph.names
import defgraph.viz.export
import defgraph.viz.render
import defgraph.viz.stored

MODULES = [defgraph.api, defgraph.deals.families, defgraph.evaluate, defgraph.extract.amounts,
           defgraph.extract.events.dates, defgraph.extract.events.transfer_status, defgraph.extract.parse_text,
           defgraph.extract.text, defgraph.formats, defgraph.names, defgraph.viz.export, defgraph.viz.render,
           defgraph.viz.stored]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_every_module_with_examples_runs_them():
    package = Path(defgraph.api.__file__).parent
    with_examples = {".".join(("defgraph",) + p.relative_to(package).with_suffix("").parts)
                     for p in package.rglob("*.py") if ">>> " in p.read_text(encoding="utf-8")}
    assert with_examples == {m.__name__ for m in MODULES}
