"""Extraction on facts written in other words: constructions that rewording the study batches
showed the rules missed (a wording the rules knew, said another way)."""

from tests.test_extract import facts_of, names, transfers_of  # noqa: F401


def test_a_sale_to_a_state_of_systems_is_sold_by_the_seller():
    got = transfers_of("On Monday the United States cleared the sale to Morocco of 24 Stinger missiles, a defence "
                       "agency said.")
    assert got == {("United States", "Morocco", "Stinger", "discussed")}
