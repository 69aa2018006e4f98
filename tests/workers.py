"""Functions for `map_in_order` tests that worker processes import: light, so that they start fast."""

import os


def tenfold_or_die_on_odd(x: int) -> int:
    """x * 10, but the process dies (as if killed) on an odd x."""
    if x % 2:
        os._exit(70)
    return x * 10


def die(x: int) -> int:
    """The process dies whatever x is."""
    os._exit(70)


def die_on_zero_after_marking(x: int, marker: str) -> int:
    """x * 10, but on x == 0 the process writes `marker` and dies."""
    if x == 0:
        with open(marker, "w") as f:
            f.write("dying")
        os._exit(70)
    return x * 10
