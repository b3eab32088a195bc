"""Fixtures of the widget tests."""

import pytest

from support.journals import on_disk as _on_disk


@pytest.fixture
def on_disk():
    """Read a journal the way a person would: the JSON on disk now, not through the Journal API."""
    return _on_disk
