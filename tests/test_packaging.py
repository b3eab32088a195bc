"""Set-up promises: one dependency list in two formats, a light import, a documented journal path."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from support.paths import REPO as ROOT
from workbook.journal.location import ENV_VAR, journal_path


def requirement_names(requirements):
    return {re.split(r"[<>=!~ ;\[]", r.strip(), maxsplit=1)[0].lower() for r in requirements}


def environment_yml_names():
    # environment.yml is a flat list; reading it by hand avoids a YAML dependency for one test.
    names, section, in_pip = set(), None, False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        stripped = line.split("#", 1)[0].rstrip()
        top = re.match(r"^([a-z_]+):", stripped)
        if top:
            section = top.group(1)
            continue
        if re.match(r"^\s*- pip:\s*$", stripped):
            in_pip = True
            continue
        match = re.match(r"^\s*- ([A-Za-z0-9_.-]+)", stripped)
        if match and section == "dependencies" and not in_pip:
            names.add(match.group(1).lower())
    return names - {"python", "pip"}


def test_environment_yml_lists_exactly_the_runtime_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert requirement_names(project["dependencies"]) == environment_yml_names() == {
        "jupyterlab", "ipywidgets", "pandas", "nbgrader", "matplotlib", "anywidget", "rapidfuzz", "anyascii",
        "nh3", "icalendar", "voila", "jsonschema"}


def test_environment_yml_pins_match_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    text = (ROOT / "environment.yml").read_text()
    for requirement in project["dependencies"]:
        assert f"  - {requirement}\n" in text, f"{requirement} differs between pyproject.toml and environment.yml"
    assert f"python{project['requires-python']}" in text.replace(" ", "")


def test_importing_workbook_pulls_in_nothing_heavy():
    code = (
        "import sys, workbook, workbook.checks, workbook.selfcheck, workbook.journal;"
        "workbook.check_pitch; workbook.Journal;"
        "heavy = sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'anywidget', 'numpy', 'nbgrader') if m in sys.modules);"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_unknown_attribute_and_dir():
    import workbook

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        workbook.nope  # noqa: B018
    assert {"Journal", "check_pitch", "check_network"} <= set(dir(workbook))


def test_journal_path_rules(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    assert journal_path() == tmp_path / "journal.json"
    monkeypatch.setenv(ENV_VAR, "~/term/journal.json")
    assert journal_path() == Path.home() / "term" / "journal.json"
    monkeypatch.setenv(ENV_VAR, "   ")
    assert journal_path() == tmp_path / "journal.json"
    assert journal_path(tmp_path / "x.json") == tmp_path / "x.json"


def test_git_ignores_private_and_generated_files():
    # source/ASSIGNMENT/journal.json is the instructor's model answer: committed, never ignored.
    probe = ["notebooks/journal.json", "release/informational_interview/journal.json", ".venv/bin/python",
             "gradebook.db", "submitted/s1/a/x.ipynb", "autograded/s1/a/x.ipynb", "feedback/s1/a/x.html",
             "notebooks/journal.json.lock", "notebooks/.journal.json.lock"]
    result = subprocess.run(["git", "check-ignore", *probe], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.split() == probe


def test_the_readme_opens_with_the_two_setup_commands():
    lines = [line for line in (ROOT / "README.md").read_text().splitlines() if line.strip()]
    commands = [line.strip() for line in lines[:12] if line.strip().startswith("make ")]
    assert commands[:2] == ["make lab", "make test"]


def test_ci_runs_make_test():
    script = (ROOT / ".ci" / "run").read_text()
    assert script.rstrip().endswith("exec make test")


def test_nbgrader_sees_the_repository_as_its_course():
    config = (ROOT / "nbgrader_config.py").read_text()
    assert "c.CourseDirectory.root = COURSE_ROOT" in config  # the folder holding the config, wherever nbgrader runs
    from traitlets.config.loader import PyFileConfigLoader

    loaded = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert loaded.CourseDirectory.root == str(ROOT)
    assert loaded.CourseDirectory.db_url == f"sqlite:///{ROOT / 'gradebook.db'}"
    assert 'c.CourseDirectory.source_directory = "source"' in config


def test_the_command_line_starts_without_loading_nbgrader_or_matplotlib():
    # Every subcommand builds its parser on start-up; nbgrader alone takes seconds to import.
    code = (
        "import sys; from workbook.cli import build_parser; build_parser();"
        "print(','.join(sorted(m for m in ('nbgrader', 'matplotlib', 'pandas', 'ipywidgets') if m in sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
