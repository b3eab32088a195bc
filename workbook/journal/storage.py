"""Crash-safe JSON files: atomic replace on write, an exclusive lock across processes.

The journal is written by notebooks in separate kernels, so every change runs
as lock -> read -> change -> atomic write. A reader never needs the lock: it
always sees either the old file or the new one, because the new one is
written to a temporary file in the same folder, flushed, fsynced and then
renamed over the old name.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path

from ..errors import JournalBusyError, JournalFileError

try:  # POSIX
    import fcntl

    def _try_lock(fd):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd):
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows students
    import msvcrt

    def _try_lock(fd):
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd):
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


LOCK_TIMEOUT_SECONDS = 15.0


def lock_path_for(path: Path) -> Path:
    """The sidecar file whose lock guards ``path``: hidden (``.journal.json.lock``), so file browsers skip it."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def exclusive_lock(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS):
    """Hold the cross-process lock for ``path`` for the duration of the block."""
    lock_file = lock_path_for(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        delay = 0.002
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise JournalBusyError(
                    f"Journal file {path} is being saved by another notebook and did not "
                    f"come free within {timeout:.0f} s; try again in a moment."
                )
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def read_json(path: Path):
    """Parse ``path`` as JSON; a missing file gives None, a broken one a JournalFileError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise JournalFileError(path, "is a folder, not a journal file") from None
    except OSError as exc:
        raise JournalFileError(path, f"cannot be read ({exc.strerror})") from None
    if not raw.strip():
        raise JournalFileError(path, "is empty (0 bytes of JSON); it may have been truncated")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JournalFileError(path, f"is not UTF-8 text (bad byte at offset {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JournalFileError(
            path, f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
            "it may be truncated or hand-edited"
        ) from None


def dump_json(document) -> bytes:
    """The on-disk form: indented, UTF-8, stable key order, so diffs stay readable."""
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename is only durable once the folder's entry is on disk too.
    with contextlib.suppress(OSError, AttributeError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
