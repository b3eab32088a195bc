"""Where a course is: the one way its folder is found, and the fixed names inside it.

A course folder is the one holding ``nbgrader_config.py``; ``--course-dir``
names it, or it is the nearest such folder at or above the current one, or
else the ``CourseDirectory.root`` that the user's own nbgrader configuration
names (``~/.jupyter/nbgrader_config.py``, as a hub instructor has it), the
same place nbgrader itself and its formgrader look.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import CourseNotFound

CONFIG_FILE = "nbgrader_config.py"
PLAN_FILE = Path("assignments") / "course_plan.toml"


def find_root(path: str | os.PathLike | None = None, start: str | os.PathLike | None = None) -> Path:
    """The course folder: ``path`` if given (checked), else the nearest one at or above ``start`` (default: here).

    Outside any course folder, the course named by ``CourseDirectory.root`` in the user's Jupyter
    configuration is used, when there is one.
    """
    if path is not None:
        root = Path(path).expanduser().resolve()
        if not (root / CONFIG_FILE).is_file():
            raise CourseNotFound(f"{root} is not a course folder (it has no {CONFIG_FILE})")
        return root
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    configured = configured_root()
    if configured is not None:
        return configured
    raise CourseNotFound(f"no {CONFIG_FILE} in {here} or above: not inside a course; run this from the "
                         "course folder or give --course-dir")


def configured_root() -> Path | None:
    """The course folder that ``CourseDirectory.root`` names in the Jupyter config path's nbgrader_config.py files.

    Later (more personal) files win, as in nbgrader; a relative or missing root, or one that is not a
    course folder, names none.
    """
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    root = None
    for folder in reversed(jupyter_config_path()):  # least personal first: ~/.jupyter is read last
        try:
            config = PyFileConfigLoader(CONFIG_FILE, path=folder).load_config()
        except ConfigFileNotFound:
            continue
        except Exception:  # a broken config file names no course; nbgrader reports it when it loads it
            continue
        value = config.get("CourseDirectory", {}).get("root")
        if isinstance(value, str) and os.path.isabs(value):
            root = value
    if root is None or not (Path(root) / CONFIG_FILE).is_file():
        return None
    return Path(root).resolve()
