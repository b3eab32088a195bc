"""`workbook class-report` on 500 and 5,000 synthetic students: wall time and peak memory.

The journals (about 60 contacts each, workbook.demo.synthetic.write_class) are
written first and not timed. Each size then runs the real command in a
fresh process, as an instructor would, so imports count too. Peak memory is
that process's maximum resident set: ``os.wait4`` returns the resource usage
of exactly that child, where ``getrusage(RUSAGE_CHILDREN)`` would give the
largest of every child this process ever waited for (nbgrader's, in the
grading benchmark, among them).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._timing import rounded

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "assignments" / "course_plan.toml"
SIZES = (500, 5000)
CONTACTS = 60


def measure(argv: list[str], cwd: Path) -> dict:
    """Wall seconds and peak resident MiB of one command run as a fresh child process."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: nothing the child says can block it
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip()[-500:]
            raise RuntimeError(f"{' '.join(argv[:2])} exited {child.returncode}: {said}")
    return {"wall_s": rounded(wall, 2), "peak_mib": rounded(usage.ru_maxrss / 1024, 1)}  # ru_maxrss is in KiB


def run() -> dict:
    from workbook.demo.synthetic import write_class

    workbook = str(Path(sys.executable).parent / "workbook")
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-class-report-") as name:
        folder = Path(name)
        for size in SIZES:
            journals = folder / f"journals-{size}"
            write_class(journals, size, seed=0, contacts=CONTACTS)
            results[str(size)] = measure(
                [workbook, "class-report", "--journals", str(journals), "--out", str(folder / f"out-{size}"),
                 "--plan", str(PLAN)], cwd=folder)
            results[str(size)]["students"] = size
    return results
