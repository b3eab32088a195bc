"""Finding locked cells a student changed: edited, deleted, unlocked, re-typed or re-pointed.

nbgrader's OverwriteCells silently puts a locked cell's original source back
before grading, so an edited test cell (``assert True``) is graded as if it
had never been touched. That protects the score but hides the attempt; this
module reports it, per cell, by comparing the submitted notebook with the
copy the student was given.

The reference is either the released notebook (what the student received) or
the gradebook's source cells (which still hold the hidden tests: they are
stripped here before comparing, exactly as ``generate_assignment`` strips
them for release).
"""

from __future__ import annotations

from dataclasses import dataclass

HIDDEN_BEGIN = "BEGIN HIDDEN TESTS"
HIDDEN_END = "END HIDDEN TESTS"

CHANGES = ("edited", "deleted", "unlocked", "cell_type", "points")


@dataclass(frozen=True)
class TamperedCell:
    """One locked cell that does not match the copy the student was given.

    ``change`` is one of CHANGES; ``detail`` says what differs, for a person.
    """

    grade_id: str
    change: str
    detail: str


@dataclass(frozen=True)
class ReferenceCell:
    """What a locked cell should look like in a submission."""

    grade_id: str
    cell_type: str
    source: str
    points: float | None  # None: not a grade cell


def strip_hidden_tests(source: str) -> str:
    """``source`` without its hidden-test regions, as nbgrader's ClearHiddenTests removes them."""
    kept, hiding = [], False
    for line in source.split("\n"):
        if HIDDEN_BEGIN in line:
            hiding = True
        elif HIDDEN_END in line:
            hiding = False
        elif not hiding:
            kept.append(line)
    return "\n".join(kept)


def _nbgrader(cell) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _is_locked(meta: dict) -> bool:
    # nbgrader's rule (utils.is_locked): solution cells never, grade cells always, else the flag.
    if meta.get("solution"):
        return False
    return bool(meta.get("grade") or meta.get("locked"))


def reference_from_notebook(notebook) -> list[ReferenceCell]:
    """The locked cells of a released (or source) notebook, hidden tests stripped."""
    cells = []
    for cell in notebook.get("cells", []):
        meta = _nbgrader(cell)
        if not meta.get("grade_id") or not _is_locked(meta):
            continue
        cells.append(ReferenceCell(
            meta["grade_id"], cell.get("cell_type", "code"), strip_hidden_tests(_source(cell)),
            float(meta["points"]) if meta.get("grade") else None,
        ))
    return cells


def reference_from_gradebook(gradebook, notebook_id: str, assignment_id: str) -> list[ReferenceCell]:
    """The locked cells nbgrader stored for ``notebook_id`` when the assignment was generated."""
    notebook = gradebook.find_notebook(notebook_id, assignment_id)
    points = {cell.name: float(cell.max_score) for cell in notebook.grade_cells}
    return [
        ReferenceCell(cell.name, cell.cell_type, strip_hidden_tests(cell.source or ""), points.get(cell.name))
        for cell in notebook.source_cells if cell.locked
    ]


def find_tampered_cells(submitted, reference) -> list[TamperedCell]:
    """The locked cells of the ``submitted`` notebook that differ from ``reference``.

    ``submitted`` is a notebook (an nbformat node or the plain dict from
    ``json.load``). ``reference`` is a notebook of the same shape (the
    released copy) or a list of ReferenceCell (see reference_from_gradebook).
    Returns one TamperedCell per change, in the reference's order; an empty
    list means every locked cell arrived as it was released. Trailing
    whitespace at the very end of a cell is ignored, since editors add and
    drop final newlines on their own.
    """
    if not isinstance(reference, list):
        reference = reference_from_notebook(reference)
    found_cells: dict[str, dict] = {}
    for cell in submitted.get("cells", []):
        grade_id = _nbgrader(cell).get("grade_id")
        if grade_id and grade_id not in found_cells:
            found_cells[grade_id] = cell
    changes = []
    for ref in reference:
        cell = found_cells.get(ref.grade_id)
        if cell is None:
            changes.append(TamperedCell(ref.grade_id, "deleted", "the cell is missing from the submission"))
            continue
        meta = _nbgrader(cell)
        if not _is_locked(meta):
            changes.append(TamperedCell(ref.grade_id, "unlocked", "the cell's nbgrader metadata no longer locks it"))
        if cell.get("cell_type") != ref.cell_type:
            changes.append(TamperedCell(ref.grade_id, "cell_type",
                                        f"changed from {ref.cell_type} to {cell.get('cell_type')}"))
        if ref.points is not None and _points(meta) != ref.points:
            changes.append(TamperedCell(ref.grade_id, "points",
                                        f"points changed from {ref.points:g} to {meta.get('points')!r}"))
        # The submitted side is not stripped: a released cell never holds hidden-test markers.
        if _source(cell).rstrip() != ref.source.rstrip():
            changes.append(TamperedCell(ref.grade_id, "edited", _first_difference(ref.source, _source(cell))))
    return changes


def _points(meta: dict) -> float | None:
    try:
        return float(meta.get("points"))
    except (TypeError, ValueError):
        return None


def _first_difference(expected: str, found: str) -> str:
    expected_lines, found_lines = expected.rstrip().split("\n"), found.rstrip().split("\n")
    for number, (want, got) in enumerate(zip(expected_lines, found_lines), start=1):
        if want != got:
            return f"line {number} reads {_clip(got)!r} instead of {_clip(want)!r}"
    if len(found_lines) > len(expected_lines):
        return f"line {len(expected_lines) + 1} was added: {_clip(found_lines[len(expected_lines)])!r}"
    return f"line {len(found_lines) + 1} was removed: {_clip(expected_lines[len(found_lines)])!r}"


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
