"""Where a student's journal lives.

1. ``$WORKBOOK_JOURNAL``, when set, names the file (``~`` is expanded).
2. Otherwise ``journal.json`` in the current folder. JupyterLab starts each
   kernel in its notebook's folder, so the chapter notebooks share
   ``notebooks/journal.json`` and an assignment notebook uses the journal in
   its own folder, which nbgrader then collects with the submission.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "WORKBOOK_JOURNAL"
FILENAME = "journal.json"


def journal_path(path: str | os.PathLike | None = None) -> Path:
    """The journal file to use: ``path`` if given, else the rules above."""
    if path is not None:
        return Path(path).expanduser()
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path.cwd() / FILENAME
