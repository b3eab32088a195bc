"""Three-way merge of one journal entry: what a form loaded, what is on disk now, what the student changed.

A widget keeps the entry as it loaded it (the *base*). When it saves, the
entry on disk (*theirs*) may have changed since, in another tab or notebook;
the form holds *mine*. Only the fields the student changed are written; a
field changed on both sides to different values is a conflict, and the disk's
value stays until the student chooses. Nested objects (a pitch's ``parts``, an
interview's ``answers``) merge field by field under dotted keys
(``answers.skills``); a list is one value.

Pure functions, no I/O: ``Journal.merge_contact`` and ``Journal.merge_record``
apply them inside one locked transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MISSING = None  # a key absent on one side counts as empty


@dataclass(frozen=True)
class Conflict:
    """A field both the student and someone else changed, to different values."""

    key: str
    base: object
    theirs: object
    mine: object


@dataclass(frozen=True)
class Merge:
    """The outcome: the merged entry and what happened to each field."""

    values: dict
    applied: tuple[str, ...] = ()  # the student's changes written
    conflicts: tuple[Conflict, ...] = ()  # changed on both sides: the disk's value kept for now
    refreshed: dict = field(default_factory=dict)  # changed elsewhere only: the form should show these

    @property
    def clean(self) -> bool:
        return not self.conflicts


def flatten(entry: dict, prefix: str = "") -> dict:
    """``{"answers": {"skills": "x"}}`` as ``{"answers.skills": "x"}``; lists and scalars are leaves."""
    flat = {}
    for key, value in entry.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten(value, f"{dotted}."))
        else:
            flat[dotted] = value
    return flat


def unflatten(flat: dict) -> dict:
    """The inverse of `flatten`."""
    entry: dict = {}
    for dotted, value in flat.items():
        *parents, leaf = dotted.split(".")
        node = entry
        for parent in parents:
            node = node.setdefault(parent, {})
            if not isinstance(node, dict):
                raise ValueError(f"{dotted!r} is inside a value that is not an object")
        if isinstance(value, dict) and not value:
            node.setdefault(leaf, {})  # an empty object, unless its fields are set too
        else:
            node[leaf] = value
    return entry


def same(a, b) -> bool:
    """Equal as the journal would store them: text compared stripped, and None, "" and a missing key alike."""
    def plain(value):
        if isinstance(value, str):
            value = value.strip()
        return None if value in ("", None) else value

    return plain(a) == plain(b)


def changed(base: dict, mine: dict) -> list[str]:
    """The dotted keys of ``mine`` whose value differs from ``base``."""
    base_flat, mine_flat = flatten(base), flatten(mine)
    return [key for key, value in mine_flat.items() if not same(value, base_flat.get(key, MISSING))]


def merge(base: dict, theirs: dict, mine: dict, *, keep: frozenset | set = frozenset()) -> Merge:
    """Merge ``mine`` into ``theirs`` relative to ``base``.

    ``keep`` names keys whose conflict the student has settled in favour of
    their own version: those are written even though the disk changed.
    """
    base_flat, theirs_flat, mine_flat = flatten(base), flatten(theirs), flatten(mine)
    merged = dict(theirs_flat)
    applied, conflicts, refreshed = [], [], {}
    for key in sorted(set(base_flat) | set(theirs_flat) | set(mine_flat)):
        was = base_flat.get(key, MISSING)
        now = theirs_flat.get(key, MISSING)
        if key not in mine_flat or same(mine_flat[key], was):
            if not same(now, was):
                refreshed[key] = now
            elif key in mine_flat and key not in theirs_flat:
                merged[key] = mine_flat[key]  # an empty field the disk lacks: kept, so the entry is whole
            continue
        wanted = mine_flat[key]
        if same(now, was) or same(now, wanted) or key in keep:
            merged[key] = wanted
            applied.append(key)
        else:
            conflicts.append(Conflict(key, was, now, wanted))
    return Merge(unflatten(merged), tuple(applied), tuple(conflicts), refreshed)


def without(result: Merge, key: str, theirs: dict) -> Merge:
    """``result`` with the student's change to ``key`` taken back (the disk's value kept instead)."""
    flat = flatten(result.values)
    theirs_flat = flatten(theirs)
    if key in theirs_flat:
        flat[key] = theirs_flat[key]
    elif isinstance(flat.get(key), str):
        flat[key] = ""  # a text the disk never had: left empty, so the entry keeps its shape
    else:
        flat.pop(key, None)
    return Merge(unflatten(flat), tuple(k for k in result.applied if k != key), result.conflicts, result.refreshed)
