"""The submitted journal.json, read as hostile input: the grader never crashes, stalls or follows a link.

A student's code cannot run before this reads the file, but the file itself
is the student's: it may be a link (to a classmate's journal, to
/etc/passwd), a folder, 200 MB of JSON, 100,000 contacts or an array nested
100,000 deep. Each of those gets a one-line problem and a kind that names it;
only a regular file within the limits is parsed, validated as the Journal
API validates it, and judged.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ...errors import JournalFileError
from ...journal.location import FILENAME
from ...journal.model import from_json
from ...journal.schema import SECTIONS

# A real term's journal (500 contacts) is about 210 KiB; these limits are far above any honest one.
MAX_BYTES = 8 * 1024 * 1024
MAX_ENTRIES = 5_000  # per section
MAX_DEPTH = 40

KINDS = ("missing", "link", "not_a_file", "too_large", "unreadable")


@dataclass(frozen=True)
class SubmittedJournal:
    """What the submission's journal holds: ``doc``, or None with ``kind`` (one of KINDS) and ``problem``."""

    doc: dict | None
    kind: str = ""
    problem: str = ""


def read_submitted_journal(folder: str | os.PathLike) -> SubmittedJournal:
    """The journal.json in ``folder``, read without following a link and within the limits above."""
    path = Path(folder) / FILENAME
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return SubmittedJournal(None, "missing", f"no {FILENAME} was submitted")
    except OSError as exc:
        return SubmittedJournal(None, "unreadable", f"{FILENAME} cannot be read ({exc.strerror})")
    if stat.S_ISLNK(info.st_mode):
        return SubmittedJournal(None, "link", f"{FILENAME} is a link to {_target(path)}, not a file; it was not read")
    if not stat.S_ISREG(info.st_mode):
        return SubmittedJournal(None, "not_a_file", f"{FILENAME} is not a regular file")
    if info.st_size > MAX_BYTES:
        return SubmittedJournal(None, "too_large", f"{FILENAME} is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")
    try:
        raw = _read_no_follow(path, info.st_size)
    except OSError as exc:
        return SubmittedJournal(None, "unreadable", f"{FILENAME} cannot be read ({exc.strerror})")
    if not raw.strip():
        return SubmittedJournal(None, "unreadable", f"{FILENAME} is empty (0 bytes of JSON); it may have been truncated")
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return SubmittedJournal(None, "unreadable", f"{FILENAME} is not UTF-8 text (bad byte at offset {exc.start})")
    except json.JSONDecodeError as exc:
        return SubmittedJournal(None, "unreadable", f"{FILENAME} is not valid JSON ({exc.msg} at line {exc.lineno})")
    except RecursionError:
        return SubmittedJournal(None, "too_large", f"{FILENAME} is nested deeper than any journal")
    problem = _shape_problem(parsed)
    if problem:
        return SubmittedJournal(None, "too_large", f"{FILENAME} {problem}")
    try:
        return SubmittedJournal(from_json(parsed, path))
    except JournalFileError as exc:
        return SubmittedJournal(None, "unreadable", f"{FILENAME} {exc.problem}")
    except (ValueError, TypeError, KeyError, AttributeError) as exc:  # validation of hostile values
        return SubmittedJournal(None, "unreadable", f"{FILENAME} holds a value the journal cannot take ({exc})")


def _read_no_follow(path: Path, size: int) -> bytes:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between lstat and open
            raise OSError(0, "not a regular file")
        chunks, left = [], min(size, MAX_BYTES) + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > MAX_BYTES:
            raise OSError(0, "it grew past the size limit while being read")
        return data
    finally:
        os.close(fd)


def _shape_problem(doc) -> str:
    """Why ``doc`` is beyond what a journal can be (too many entries, nested too deep), or ''."""
    if isinstance(doc, dict):
        for section in SECTIONS:
            entries = doc.get(section)
            if isinstance(entries, list) and len(entries) > MAX_ENTRIES:
                return f"holds {len(entries):,} {section}; the limit is {MAX_ENTRIES:,}"
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"is nested more than {MAX_DEPTH} levels deep"
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return ""


def _target(path: Path) -> str:
    try:
        return repr(os.readlink(path))
    except OSError:
        return "somewhere else"
