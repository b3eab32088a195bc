"""Small timing helpers shared by the benchmark modules."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def best_of(fn, repeat: int = 5, number: int = 1) -> float:
    """The fastest of ``repeat`` runs of ``number`` calls, in seconds per call."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number)
    return min(runs)


def median_of(fn, repeat: int = 5) -> float:
    """The median wall time of ``repeat`` runs, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def run_python(code: str, *args: str, cwd=None, env=None) -> str:
    """Run ``code`` in a fresh interpreter and return its stdout (a new process = a cold import)."""
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            check=True, cwd=cwd, env=env)
    return result.stdout


def rounded(value: float, digits: int = 4) -> float:
    return round(value, digits)
