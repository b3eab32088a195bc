"""nbgrader's SaveAutoGrades, committed once per notebook instead of once per graded cell.

nbgrader's step commits the gradebook after every grade and comment: a
notebook of 19 graded cells pays 19+ commits (each a disk sync and a reload
of every object the session holds). This step stores exactly what
SaveAutoGrades stores, by running it, but the per-cell commits only flush and
one commit at the end makes them durable together: the gradebook never holds
half of a notebook's grades. ``workbook autograde`` workers use it in place of
SaveAutoGrades (``runner.worker``); ``nbgrader autograde`` keeps nbgrader's own.
"""

from __future__ import annotations

from nbgrader.api import Gradebook
from nbgrader.preprocessors import SaveAutoGrades

REPLACES = "nbgrader.preprocessors.SaveAutoGrades"
NAME = f"{__name__}.SaveAutoGradesOnce"


class _FlushOnCommit:
    """The gradebook's session, whose ``commit`` only flushes (the step commits once, at its end)."""

    def __init__(self, session):
        self._session = session

    def commit(self) -> None:
        self._session.flush()

    def __getattr__(self, name):
        return getattr(self._session, name)


class SaveAutoGradesOnce(SaveAutoGrades):
    """SaveAutoGrades with one commit per notebook."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self.notebook_id, self.assignment_id = info["notebook"], info["assignment"]
        self.student_id, self.db_url = info["student"], info["db_url"]
        self.gradebook = Gradebook(self.db_url)
        with self.gradebook:
            session = self.gradebook.db
            self.gradebook.db = _FlushOnCommit(session)
            try:
                # nbgrader's per-cell steps (_add_score, _add_comment), unchanged, on the deferring session.
                nb, resources = super(SaveAutoGrades, self).preprocess(nb, resources)
            finally:
                self.gradebook.db = session
            session.commit()
        return nb, resources


def in_place_of_nbgrader(preprocessors: list) -> list:
    """The autograde pipeline ``preprocessors`` with this step in place of nbgrader's SaveAutoGrades."""
    return [NAME if name in (REPLACES, SaveAutoGrades) else name for name in preprocessors]
