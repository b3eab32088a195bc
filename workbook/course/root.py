"""Where a course is: the one way its folder is found, and the fixed names inside it.

A course folder is the one holding ``nbgrader_config.py``; ``--course-dir``
names it, or it is the nearest such folder at or above the current one.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import CourseNotFound

CONFIG_FILE = "nbgrader_config.py"
PLAN_FILE = Path("assignments") / "course_plan.toml"


def find_root(path: str | os.PathLike | None = None, start: str | os.PathLike | None = None) -> Path:
    """The course folder: ``path`` if given (checked), else the nearest one at or above ``start`` (default: here)."""
    if path is not None:
        root = Path(path).expanduser().resolve()
        if not (root / CONFIG_FILE).is_file():
            raise CourseNotFound(f"{root} is not a course folder (it has no {CONFIG_FILE})")
        return root
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise CourseNotFound(f"no {CONFIG_FILE} in {here} or above: not inside a course; run this from the "
                         "course folder or give --course-dir")
