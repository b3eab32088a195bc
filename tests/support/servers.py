"""Waiting for a server a test started (JupyterLab, Voila) to answer, or failing with its log."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

POLL_SECONDS = 0.3


def wait_until_up(process, probe, name: str, log: Path, seconds: float) -> None:
    """Call ``probe()`` until it no longer raises OSError; fail the test, showing ``log``, if ``process`` exits or
    ``seconds`` pass first (the process is then killed)."""
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            pytest.fail(f"{name} exited with {process.returncode}:\n{log.read_text()[-3000:]}", pytrace=False)
        try:
            probe()
            return
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"{name} did not answer within {seconds} s:\n{log.read_text()[-3000:]}", pytrace=False)
            time.sleep(POLL_SECONDS)
