"""One normalisation of names: IRIs, the extractor's matching, evaluation and linking agree."""

from __future__ import annotations

import pytest

from defgraph.evaluate import norm
from defgraph.extract.text import fold as extract_fold, match_key
from defgraph.link import normalize
from defgraph.names import compare_key, fold, slugify
from defgraph.namespaces import Minter, slugify as minted_slug

NAMES = ["Bjørn Arild Gram", "Władysław Kosiniak-Kamysz", "Đorđe Petrović", "Jens Stoltenberg",
         "Hulusi Akar", "Æsir Œuvre", "Straße der Einheit", "Mark Rutte", "Pál Kovács"]


@pytest.mark.parametrize("name", NAMES)
def test_the_iri_slug_is_the_compared_name(name):
    key = compare_key(name)
    assert slugify(name) == key.replace(" ", "-")
    assert minted_slug is slugify and extract_fold is fold
    assert norm(name) == key
    assert match_key(name) == key           # none of these names has a spelling variant
    assert normalize(name) == key           # the linker's key (its spelling rules aside)
    assert key.isascii()


def test_the_issue_example():
    assert slugify("Bjørn Arild Gram") == "bjorn-arild-gram"
    assert Minter("http://127.0.0.1:8080/").entity("person", "Bjørn Arild Gram").endswith("/person/bjorn-arild-gram")


def test_fold_keeps_offsets():
    text = "Minister Bjørn Arild Gram – Straße"
    assert len(fold(text)) == len(text)
