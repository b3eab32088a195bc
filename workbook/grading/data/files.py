"""What a submission folder holds besides its notebooks and journal: links, odd files, shadowing modules.

A link in a submission is never followed: nbgrader would copy what it points
to (a classmate's journal, /etc/passwd) into the grading folder and on into
feedback. A ``.py`` file or package named like a module the kernel imports
(``workbook``, ``json``, ``pandas``) would, without the sandbox's guard, be
imported instead of the real one; it is flagged even though the guard makes
it harmless.
"""

from __future__ import annotations

import importlib.machinery
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_ENTRIES = 2_000  # files and folders looked at in one submission


@dataclass(frozen=True)
class Oddity:
    """One entry of the submission a grader should know about: its ``path`` (relative) and why."""

    path: str
    kind: str  # "link", "special" (fifo, socket, device), "shadowing", "too_many"
    detail: str


def scan(folder: str | os.PathLike) -> list[Oddity]:
    """Links, special files and shadowing modules in the submission ``folder`` (never following a link)."""
    root = Path(folder)
    found, seen = [], 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in sorted(dirnames + filenames):
            seen += 1
            if seen > MAX_ENTRIES:
                found.append(Oddity(".", "too_many", f"more than {MAX_ENTRIES} files and folders; the rest were not looked at"))
                return found
            path = Path(dirpath, name)
            relative = str(path.relative_to(root))
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if stat.S_ISLNK(mode):
                found.append(Oddity(relative, "link", f"{relative} is a link to {_target(path)}; it was not followed"))
            elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                found.append(Oddity(relative, "special", f"{relative} is not a regular file or folder"))
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
    found.extend(shadowing(root))
    return found


def module_name(entry: Path) -> str | None:
    """The module name an entry at the top of a folder would be imported as, or None."""
    if entry.suffix in (".py", ".pyc", ".so", ".pth") and entry.is_file():
        return entry.name.split(".")[0]
    if entry.is_dir() and not entry.is_symlink() and ((entry / "__init__.py").exists() or entry.name.isidentifier()):
        return entry.name if entry.name.isidentifier() else None
    return None


def shadowing(folder: str | os.PathLike) -> list[Oddity]:
    """Top-level modules of ``folder`` named like a module this interpreter would otherwise import."""
    found = []
    try:
        entries = sorted(Path(folder).iterdir())
    except OSError:
        return found
    for entry in entries[:MAX_ENTRIES]:
        name = module_name(entry)
        if name and _importable_elsewhere(name, Path(folder)):
            found.append(Oddity(entry.name, "shadowing",
                                f"{entry.name} is named like the module {name!r}, which it would shadow"))
    return found


def _importable_elsewhere(name: str, folder: Path) -> bool:
    if name in sys.stdlib_module_names or name in sys.builtin_module_names or name in sys.modules:
        return True
    here = os.path.realpath(folder)
    path = [p for p in sys.path if p not in ("", ".") and os.path.realpath(p) != here]
    try:
        return importlib.machinery.PathFinder.find_spec(name, path) is not None
    except (ImportError, ValueError):
        return False


def _target(path: Path) -> str:
    try:
        return repr(os.readlink(path))
    except OSError:
        return "somewhere else"
