"""`python -m defgraph.cli`."""

from . import main

main()
