"""Writers killed at a random moment, for the tests that a kill -9 leaves the store consistent."""

from __future__ import annotations

import signal
import subprocess


def kill_when_ready(args: list[str], seconds: float) -> str:
    """Start `args`, read its first line, let it run `seconds` more, then SIGKILL it unless it
    has ended; returns that first line (the writer says it is ready)."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    return first
