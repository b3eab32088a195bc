"""The processes a test's own run left behind: its descendants, orphans included, and nobody else's.

Another engineer's kernels and templates on a shared machine are none of a
test's business, so tests look only below their own process. A process
whose parent has exited is normally handed to PID 1 and drops out of that
tree; while ``adopting_orphans`` holds, this process is a child subreaper
(prctl(2)), so such orphans, a double-forked daemon included, are handed to it
instead and stay visible.
"""

from __future__ import annotations

import ctypes
import os
from contextlib import contextmanager
from pathlib import Path

from workbook.system import descendants

PR_SET_CHILD_SUBREAPER = 36  # prctl(2)


def _subreaper(on: bool) -> None:
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


@contextmanager
def adopting_orphans():
    """Within the block, every orphaned descendant of this process is re-parented to it."""
    _subreaper(True)
    try:
        yield
    finally:
        # Orphans that ended meanwhile stay as zombies of this process until it exits: harmless, and
        # reaping them with waitpid(-1) could take the exit status of a subprocess someone still waits for.
        _subreaper(False)


def left_behind(needle: bytes, whole: bool = False) -> list[str]:
    """Live descendants of this process with ``needle`` in their command line (``whole``: as one argument)."""
    found = []
    for pid in descendants(os.getpid()):
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:  # it ended while the tree was being read
            continue
        if (needle in argv) if whole else any(needle in arg for arg in argv):
            found.append(f"{pid}: {b' '.join(argv).decode(errors='replace')}")
    return found
