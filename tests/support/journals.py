"""Reading a journal the way a person would: the JSON on disk, not through the Journal API."""

import json


def on_disk(path):
    """The journal file's JSON as it is on disk now."""
    return json.loads(path.read_text(encoding="utf-8"))
