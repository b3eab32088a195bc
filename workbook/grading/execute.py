"""nbgrader's Execute step, minus the cells that only show a widget.

An assignment notebook opens with widgets (the interview recorder, the
follow-up tracker...) and self-check displays. Graded cells read only the
saved journal, so running these cells while grading changes no score, yet
building a widget sends hundreds of messages that the grader must decode:
about two thirds of each submission's grading CPU. Such cells carry the tag
``workbook-display-only`` and are not run by the autograder.

A tag is student-editable, so it cannot be trusted on cells that matter:
graded, locked and answer cells always run, whatever tags they carry. This
tag replaces nbclient's own ``skip-execution``, which plain nbgrader honours
on any cell, test cells included.
"""

from __future__ import annotations

from nbgrader import utils
from nbgrader.preprocessors import Execute
from traitlets import Unicode

DISPLAY_ONLY_TAG = "workbook-display-only"


def must_run(cell) -> bool:
    """Whether ``cell`` counts for grading, so that no tag may keep it from running."""
    return utils.is_grade(cell) or utils.is_solution(cell) or utils.is_locked(cell)


class ExecuteSkippingDisplays(Execute):
    """Execute every cell except display-only ones; graded, locked and answer cells always run."""

    skip_cells_with_tag = Unicode(
        DISPLAY_ONLY_TAG, help="Cells with this tag are not run, unless they are graded, locked or answers."
    ).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        tags = cell.metadata.get("tags")
        if tags and self.skip_cells_with_tag in tags and must_run(cell):
            cell.metadata.tags = [t for t in tags if t != self.skip_cells_with_tag]
        return super().preprocess_cell(cell, resources, index)
