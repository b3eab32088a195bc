"""Where things are: the repository (the course directory) and the tests' fixture files."""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"
FIXTURES = TESTS / "fixtures"
# Interview journals of known scores, written by fixtures/submissions/build_journals.py.
JOURNALS = FIXTURES / "submissions" / "journals"
BIN = Path(sys.executable).parent
