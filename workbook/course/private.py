"""Course files private to the instructor whatever the umask: journals, notebooks, grades and logs.

Students' journals carry third parties' names, employers and interview notes; the gradebook carries
every student's grades. The course's nbgrader_config.py sets an owner-only umask for every nbgrader and
workbook process on the course, and the exchange plug-ins (``course.exchange``) undo the 0777/0644
modes that nbgrader's collect copies from the exchange. This module holds the modes and the checks.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Folders and files of the course that hold students' work, grades or logs (the course root's names).
PRIVATE_FOLDERS = ("submitted", "autograded", "feedback")
PRIVATE_FILES = ("gradebook.db", "gradebook.db-journal", "gradebook.db-wal", "gradebook.db-shm",
                 "nbgrader.log", ".nbgrader.log")


def make_private(path: str | os.PathLike) -> None:
    """Take every permission for group and others off ``path`` and everything below it.

    Symbolic links are never followed (a submitted link to a classmate's file is not this tree's to
    change); owner permissions are kept, so a read-only autograded notebook stays read-only.
    """
    top = Path(path)
    _strip(top)
    if not top.is_dir() or top.is_symlink():
        return
    for folder, folders, files in os.walk(top):
        for name in folders + files:
            _strip(Path(folder) / name)


def _strip(path: Path) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode) or not mode & 0o077:
        return
    os.chmod(path, stat.S_IMODE(mode) & 0o700 | (stat.S_IRWXU if stat.S_ISDIR(mode) else 0))


def tighten_course(root: str | os.PathLike) -> None:
    """Make the course's private folders and files owner-only (their top level, which shuts out the rest).

    Files made under an owner-only umask are private already; this covers a course whose files were
    made before, under a looser umask. Only what this user owns is changed.
    """
    root = Path(root)
    uid = os.geteuid()
    for name in PRIVATE_FOLDERS + PRIVATE_FILES:
        path = root / name
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        if info.st_uid == uid and not stat.S_ISLNK(info.st_mode) and info.st_mode & 0o077:
            os.chmod(path, stat.S_IMODE(info.st_mode) & 0o700)


def exposure(root: str | os.PathLike) -> str | None:
    """Why other users can look into the course folder ``root``, or None when they cannot.

    Others get in when the folder grants them read or search permission and every folder above it
    lets them pass (search permission for others); a home of mode 700 above the course keeps it closed.
    """
    root = Path(root).resolve()
    mode = stat.S_IMODE(root.stat().st_mode)
    if not mode & 0o005:
        return None
    for folder in root.parents:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return None
    return (f"the course folder {root} is open to other users (mode {mode:o}): students could list "
            "and read the gradebook and each other's submissions; run `chmod 700 " + str(root) + "`")
