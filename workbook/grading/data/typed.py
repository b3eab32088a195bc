"""The optional typed-answers cells, read as data: literal values only, never executed by the grader.

A typed-answers cell is what the assignment notebooks offer students who
prefer typing to widgets: a few names bound to plain values (literals,
``dict(key=...)``, lists and dicts of them, names set earlier), then one call
``answers.save_typed_*(name, ...)``. The grader reads such a cell with
``ast`` and applies the very same ``save_typed_*`` functions to a copy of
the submitted journal, so the grade is what the kernel would have saved,
without running a line of the student's code here. A cell that calls a
``save_typed_*`` function but holds anything else (a loop, a function call
in a value, an attribute, an import of something else) is not read: its
problem names it, and the grade rests on the journal alone.
"""

from __future__ import annotations

import ast
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import answers
from ...errors import WorkbookError
from ...journal.location import FILENAME
from ...journal.model import Journal
from ...journal.storage import dump_json

SAVE_PREFIX = "save_typed_"
MAX_SOURCE_CHARS = 200_000  # an honest typed cell is a few thousand characters


@dataclass(frozen=True)
class TypedCall:
    """One ``answers.save_typed_*`` call with its values, from cell ``cell`` (its position, 1-based)."""

    cell: int
    function: str
    args: tuple = ()
    kwargs: tuple[tuple[str, object], ...] = ()


@dataclass
class TypedAnswers:
    """The typed-answers calls a notebook makes, and the cells that could not be read as data."""

    calls: list[TypedCall] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _is_save_call(node) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "answers"
            and node.func.attr.startswith(SAVE_PREFIX))


def _mentions_save(tree) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr.startswith(SAVE_PREFIX) for n in ast.walk(tree))


class _NotData(Exception):
    pass


def _value(node, names: dict):
    """The value ``node`` stands for: a literal, a name the cell set, ``dict(key=...)``, or containers of these."""
    if isinstance(node, ast.Name):
        if node.id not in names:
            raise _NotData(f"uses {node.id!r}, which the cell does not set to a value")
        return names[node.id]
    try:
        if isinstance(node, ast.Dict) and None not in node.keys:
            return {_value(k, names): _value(v, names) for k, v in zip(node.keys, node.values)}
        if isinstance(node, (ast.List, ast.Tuple)):
            items = [_value(e, names) for e in node.elts]
            return items if isinstance(node, ast.List) else tuple(items)
        if _is_dict_call(node, names):  # dict(name="...", ...): as natural to type as {"name": "..."}
            return {k.arg: _value(k.value, names) for k in node.keywords}
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError):
        raise _NotData("sets a value that is not a plain literal (text, number, list, dict)") from None


def _is_dict_call(node, names: dict) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict"
            and "dict" not in names and not node.args and all(k.arg for k in node.keywords))


def _read_cell(position: int, tree) -> list[TypedCall]:
    names, calls = {}, []
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom) and statement.module == "workbook.grading" and \
                [a.name for a in statement.names] == ["answers"] and statement.names[0].asname is None:
            continue
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and \
                isinstance(statement.targets[0], ast.Name):
            names[statement.targets[0].id] = _value(statement.value, names)
            continue
        if isinstance(statement, ast.Expr) and _is_save_call(statement.value):
            call = statement.value
            if call.func.attr not in _functions():
                raise _NotData(f"calls answers.{call.func.attr}, which does not exist")
            if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
                raise _NotData("passes values with * or **")
            if any(k.arg == "folder" for k in call.keywords):
                raise _NotData("saves into another folder")
            calls.append(TypedCall(position, call.func.attr, tuple(_value(a, names) for a in call.args),
                                   tuple((k.arg, _value(k.value, names)) for k in call.keywords)))
            continue
        raise _NotData(f"holds code other than values (line {statement.lineno})")
    return calls


def _functions() -> set[str]:
    return {name for name in dir(answers) if name.startswith(SAVE_PREFIX) and callable(getattr(answers, name))}


def typed_answers(notebook: dict) -> TypedAnswers:
    """Every typed-answers call of ``notebook`` (a submitted notebook as a dict), in cell order."""
    found = TypedAnswers()
    for position, cell in enumerate(notebook.get("cells") or [], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = _source(cell)
        if SAVE_PREFIX not in source:
            continue
        if len(source) > MAX_SOURCE_CHARS:
            found.problems.append(f"cell {position} calls a save_typed_ function but is too long to read")
            continue
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            found.problems.append(f"cell {position} calls a save_typed_ function but is not valid Python")
            continue
        if not _mentions_save(tree):
            continue
        try:
            found.calls.extend(_read_cell(position, tree))
        except _NotData as why:
            found.problems.append(f"cell {position} (typed answers) {why}; it was not read")
        except RecursionError:
            found.problems.append(f"cell {position} (typed answers) nests its values too deeply; it was not read")
    return found


def apply_typed(doc: dict, typed: TypedAnswers) -> tuple[dict, list[str]]:
    """``doc`` after the typed calls, made with the real ``save_typed_*`` functions on a private copy.

    Returns the new document and a note per call that failed (as it fails in
    the kernel: what it saved before the failure stays saved).
    """
    if not typed.calls:
        return doc, []
    notes = []
    with tempfile.TemporaryDirectory(prefix="workbook-typed-") as folder:
        Path(folder, FILENAME).write_bytes(dump_json(doc))
        for call in typed.calls:
            try:
                getattr(answers, call.function)(*call.args, **dict(call.kwargs), folder=folder)
            except (WorkbookError, ValueError, TypeError, KeyError, AttributeError) as exc:
                notes.append(f"cell {call.cell}: answers.{call.function} refused the typed answers ({exc})")
        return Journal(Path(folder, FILENAME)).read(), notes
