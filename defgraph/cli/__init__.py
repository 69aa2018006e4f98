"""The `defgraph` command line: a thin layer over the library (one module per kind of command)."""

from . import analysis, pages, store_commands
from .base import main

COMMAND_MODULES = (store_commands, analysis, pages)  # importing each registers its commands on `main`

__all__ = ["main"]
