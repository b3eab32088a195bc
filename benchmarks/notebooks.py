"""Headless execution time of each chapter notebook, and the kernel-start floor."""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

from workbook.course.plan import PLAN_FILE, load_plan
from workbook.demo.synthetic import synthetic_journal
from workbook.journal.storage import dump_json

from ._timing import rounded

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path, cwd: Path, timeout: int = 120) -> float:
    """Seconds to run ``path`` top to bottom in a fresh kernel (kernel start included)."""
    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def kernel_start(repeat: int = 5) -> dict:
    """A bare kernel start and shutdown: the floor under any graded notebook."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        manager, client = start_new_kernel(kernel_name="python3")
        runs.append(time.perf_counter() - start)
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    runs.sort()
    return {"median_s": rounded(runs[len(runs) // 2]), "best_s": rounded(runs[0]), "runs": repeat}


def chapter_notebooks(populated: bool) -> dict:
    """Each chapter notebook in a fresh kernel, on an empty or a 60-contact synthetic journal."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    times = {}
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "notebooks"
        shutil.copytree(ROOT / "notebooks", copy, ignore=shutil.ignore_patterns("journal.json*", ".ipynb_checkpoints"))
        shutil.copy(ROOT / "nbgrader_config.py", folder)
        shutil.copytree(ROOT / "assignments", Path(folder) / "assignments")
        if populated:
            plan = load_plan(ROOT / PLAN_FILE)
            doc = synthetic_journal(random.Random(0), plan.term_start, plan.weeks, contacts=60)
            (copy / "journal.json").write_bytes(dump_json(doc))
        for notebook in sorted(copy.glob("*.ipynb")):
            # Best of two: now and then a kernel takes 3.4 s to shut down (a one-cell "1+1" notebook
            # shows it too), which says nothing about the notebook itself.
            times[notebook.name] = rounded(min(execute(notebook, copy) for _ in range(2)), 3)
    return {"seconds": times, "max_s": max(times.values()), "runs_each": 2, "figure": "best of the runs"}


def run() -> dict:
    return {
        "kernel_start": kernel_start(),
        "chapter_notebooks_empty_journal": chapter_notebooks(populated=False),
        "chapter_notebooks_60_contacts": chapter_notebooks(populated=True),
    }
