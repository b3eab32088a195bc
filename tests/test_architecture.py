"""The folder tree is the architecture: import-linter's contracts hold, no cycles, small modules, few loose ones."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from support.paths import REPO

PACKAGE = REPO / "workbook"
PARTS = ("journal", "course", "checks", "plots", "reminders", "widgets", "report", "grading", "cli", "demo")
MAX_LINES = 400
MAX_LOOSE_CODE_MODULES = 5


def test_import_linter_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 kept, 0 broken" in done.stdout


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], 0
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in edges[node]:
                    found.append(sorted(group))
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"a"}}) == [["a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_counting_imports_inside_functions():
    # grimp reads every import statement of a module, those inside functions included.
    graph = grimp.build_graph("workbook")
    modules = graph.modules
    edges = {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}
    assert _cycles(edges) == []


def _python_files():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(REPO)): n for p in _python_files()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def _is_code_free(path: Path) -> bool:
    """A module of imports, a docstring, ``__all__`` and ``sys.modules`` aliasing only."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if isinstance(node, ast.Assign) and all(
                (isinstance(t, ast.Name) and t.id == "__all__")
                or (isinstance(t, ast.Subscript) and ast.unparse(t.value) == "sys.modules") for t in node.targets):
            continue
        return False
    return True


def test_at_most_five_modules_of_code_at_the_package_root():
    loose = [p.name for p in sorted(PACKAGE.glob("*.py")) if not _is_code_free(p)]
    assert len(loose) <= MAX_LOOSE_CODE_MODULES, loose
    assert loose == ["__init__.py", "errors.py", "markup.py", "system.py"]


def test_the_compatibility_modules_hold_no_code():
    assert _is_code_free(PACKAGE / "selfcheck.py")
    assert _is_code_free(PACKAGE / "location.py")
    assert _is_code_free(PACKAGE / "chapter.py")
    assert not _is_code_free(PACKAGE / "errors.py")


@pytest.mark.parametrize("part", PARTS)
def test_each_part_says_what_it_is_and_what_it_may_import(part):
    doc = ast.get_docstring(ast.parse((PACKAGE / part / "__init__.py").read_text(encoding="utf-8")))
    assert doc, f"workbook/{part}/__init__.py has no docstring"
    assert "May import:" in doc


def test_architecture_md_and_the_readme_name_every_part():
    architecture = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for part in PARTS:
        assert f"`{part}/`" in architecture, part
        assert f"`workbook/{part}/`" in readme, part
    on_disk = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert on_disk == set(PARTS)
