"""Every released assignment notebook runs on this layout of the package, as a student's copy would.

A notebook already in a student's hands must not break when the package is
upgraded mid-term: each notebook of release/ runs in a fresh kernel beside a
finished student's journal, and may fail only where a rubric item is not met
(a RubricFailure, which nbgrader scores as a failed check), never on an import.
"""

from __future__ import annotations

import datetime as dt
import shutil

import nbformat
import pytest

from support.notebooks import build_populated_journal, code_cells, execute_all
from support.paths import REPO

RELEASED = sorted((REPO / "release").glob("*/*.ipynb"))


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    journal = tmp_path_factory.mktemp("journal") / "journal.json"
    build_populated_journal(journal, dt.date.today())
    jobs, results = [], {}
    for notebook in RELEASED:
        folder = tmp_path_factory.mktemp(notebook.parent.name)
        shutil.copy(notebook, folder)
        shutil.copy(journal, folder / "journal.json")
        nb = nbformat.read(folder / notebook.name, as_version=4)
        jobs.append((nb, folder))
        results[notebook.parent.name] = nb
    execute_all(jobs)
    return results


def test_every_assignment_is_released():
    assert [p.parent.name for p in RELEASED] == [
        "informational_interview", "network_map", "pitch", "question_plan", "request_email"]


@pytest.mark.slow
@pytest.mark.parametrize("assignment", [p.parent.name for p in RELEASED])
def test_released_notebook_runs_on_this_layout(executed, assignment):
    nb = executed[assignment]
    cells = code_cells(nb)
    failures = []
    for cell in cells:
        for output in cell.get("outputs", []):
            if output.output_type != "error":
                continue
            graded = (cell.metadata.get("nbgrader") or {}).get("grade", False)
            if not (graded and output.ename == "RubricFailure"):
                failures.append(f"{cell.source[:80]!r}: {output.ename}: {output.evalue}")
    assert failures == []
    assert all(cell.get("execution_count") for cell in cells)
