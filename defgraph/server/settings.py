"""Settings of the SPARQL server: limits, update access, allowed SERVICE endpoints."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_TIMEOUT = 30.0
DEFAULT_ROW_CAP = 100_000
DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """How the server behaves; every field has a safe default."""

    timeout: float = DEFAULT_TIMEOUT            # seconds a query may run before it is killed
    row_cap: int = DEFAULT_ROW_CAP              # most result rows (or triples) sent back
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES  # larger request bodies get 413
    allow_update: bool = False                  # SPARQL Update and GSP writes (need the token)
    update_token: str | None = None             # the Bearer token that authorises writes
    service_allow_list: tuple[str, ...] = ()    # SERVICE endpoints a query may call
    workers: int = field(default_factory=lambda: max(2, os.cpu_count() or 2))  # query processes
    base_iri: str | None = None                 # IRIs minted by defgraph (default: the store's)

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError(f"timeout must be positive, not {self.timeout}")
        if self.row_cap < 1:
            raise ValueError(f"row cap must be at least 1, not {self.row_cap}")
        if self.max_request_bytes < 1024:
            raise ValueError(f"max request bytes must be at least 1024, not {self.max_request_bytes}")
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        if self.allow_update and not self.update_token:
            raise ValueError("updates need a token: give --update-token or set DEFGRAPH_UPDATE_TOKEN")
