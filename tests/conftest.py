"""Fixtures shared by the test modules in this folder."""

import pytest


@pytest.fixture
def path(tmp_path):
    """Where a test's journal lives: a fresh folder, no file yet."""
    return tmp_path / "journal.json"
