"""Feedback as nbgrader makes it, then proof that no hidden test reached a student's page.

The course's nbgrader_config.py adds ``workbook.grading.hide_tests`` to
``GenerateFeedback.preprocessors``; this module runs nbgrader's own
``GenerateFeedback`` converter with that configuration and then reads every
feedback page it wrote. A page quoting any line that exists only inside a
hidden-test region of the source notebook (in the test cell or in a
traceback) is deleted before anyone can release it, and reported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..course.directory import assignment_folder, inside
from ..errors import CourseError
from .feedback_files import is_page, remove_all_but_pages

# Shorter lines ("pass", "else:", ")") occur everywhere and would prove nothing.
MIN_SNIPPET_LENGTH = 8


@dataclass
class FeedbackRun:
    """What ``generate_feedback`` produced: pages kept, and pages deleted because they leaked."""

    pages: list[Path] = field(default_factory=list)
    leaked: dict[Path, list[str]] = field(default_factory=dict)  # page -> hidden lines found in it
    errors: list[str] = field(default_factory=list)  # nbgrader's failures (it names the students in its log)
    removed: list[Path] = field(default_factory=list)  # files that were not feedback pages, deleted


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def hidden_snippets(notebook: dict) -> list[str]:
    """Lines that appear only inside hidden-test regions of a source notebook (whitespace squashed)."""
    from .tamper import HIDDEN_BEGIN, HIDDEN_END, strip_hidden_tests

    hidden, visible = set(), set()
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        kept = strip_hidden_tests(source).split("\n")
        visible.update(_squash(line) for line in kept)
        for line in source.split("\n"):
            if HIDDEN_BEGIN in line or HIDDEN_END in line:
                continue
            hidden.add(_squash(line))
    return sorted(line for line in hidden - visible
                  if len(line) >= MIN_SNIPPET_LENGTH and re.search(r"\w", line))


class _Text(HTMLParser):
    """The text a reader sees in a page: tags dropped, entities decoded, styles and scripts skipped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(page: str) -> str:
    """The visible text of an HTML page, whitespace squashed (syntax highlighting splits code into spans)."""
    parser = _Text()
    parser.feed(page)
    parser.close()
    return _squash("".join(parser.parts))


def leaked_snippets(page: str, snippets: list[str]) -> list[str]:
    """The hidden snippets a feedback page shows."""
    text = page_text(page)
    return [snippet for snippet in snippets if snippet in text]


def generate_feedback(app, assignment: str, force: bool = False) -> FeedbackRun:
    """Run nbgrader's GenerateFeedback for every autograded submission of ``assignment``, then check the pages.

    ``app`` is an nbgrader app from ``course.nbgrader_app`` (its configuration
    is the course's). Raises CourseError when there is nothing to make
    feedback from or nbgrader fails.
    """
    from nbgrader.converters import GenerateFeedback

    root = Path(app.coursedir.root)
    source = assignment_folder(app, "source", assignment)
    if not source.is_dir():
        raise CourseError(f"no assignment {assignment!r}: {source} does not exist")
    autograded = [p for p in (root / app.coursedir.autograded_directory).glob("*")
                  if assignment_folder(app, "autograded", assignment, p.name).is_dir()]
    if not autograded:
        raise CourseError(f"nothing autograded for {assignment!r} yet; run `workbook autograde {assignment}` first")

    app.coursedir.assignment_id = assignment
    app.coursedir.student_id = "*"
    converter = GenerateFeedback(coursedir=app.coursedir, parent=app)
    converter.force = force
    errors = []
    try:
        with inside(root):
            converter.start()
    except Exception as exc:  # nbgrader logs the details; keep going to check what it did write
        errors.append(f"{type(exc).__name__}: {exc}")

    snippets = {}
    for notebook in sorted(source.glob("*.ipynb")):
        snippets[notebook.stem] = hidden_snippets(json.loads(notebook.read_text(encoding="utf-8")))
    run = FeedbackRun(errors=errors)
    feedback_root = root / app.coursedir.feedback_directory
    for folder in sorted(p for p in feedback_root.glob(f"*/{assignment}") if p.is_dir() and not p.is_symlink()):
        # Every file that release_feedback would hand out is read: a page, or something to remove.
        run.removed.extend(remove_all_but_pages(folder))
        for page in sorted(p for p in folder.iterdir() if is_page(p)):
            try:
                found = leaked_snippets(page.read_text(encoding="utf-8", errors="replace"),
                                        snippets.get(page.stem, []))
            except (OSError, ValueError) as exc:  # one odd page never leaves the others unchecked
                page.unlink(missing_ok=True)
                run.leaked[page] = [f"could not be checked ({exc}); removed"]
                continue
            if found:
                page.unlink()  # never leave a page with hidden tests where release_feedback would pick it up
                run.leaked[page] = found
            else:
                run.pages.append(page)
    if errors and not run.pages and not run.leaked:
        raise CourseError(f"nbgrader could not generate feedback for {assignment!r}: {errors[0]}")
    return run
