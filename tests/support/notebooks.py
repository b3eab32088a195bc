"""Helpers for the chapter-notebook tests: reading notebooks, building journals, running kernels."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from workbook.journal.model import Journal

from .paths import REPO as ROOT
NOTEBOOKS = ROOT / "notebooks"

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_ORGANIZATION = "County Health & <b>Data</b> Office"
STUDENT = "Alex Rivera"

# A small plan of the test's own, so the expected schedule does not change when an instructor edits the real one.
COURSE_PLAN = """\
[term]
course_id = "networking"
start = 2026-09-07
weeks = 12

[[assignment]]
name = "pitch"
title = "Your one-minute commercial"
week = 3
due = 2026-09-27T23:59:00
points = 10
late_policy = "per_day"
late_penalty_per_day = 0.1

[[assignment]]
name = "network_map"
title = "Map <the> network"
week = 2
due = 2026-09-20T18:00:00
points = 6
"""


def read(filename: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / filename, as_version=4)


def code_cells(nb) -> list:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def markdown_text(nb) -> str:
    return "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


_MD_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def links(markdown: str) -> list[tuple[str, str]]:
    """(text, target) of every Markdown link and HTML href/src in ``markdown``."""
    found = [(m.group(1), m.group(2)) for m in _MD_LINK.finditer(markdown)]
    found += [("", m.group(1)) for m in _HTML_LINK.finditer(markdown)]
    return found


def is_relative(target: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) and not target.startswith(("#", "//"))


# -- journals ----------------------------------------------------------------


def _answer(topic: str) -> str:
    return (f"She explained {topic} in detail, with concrete examples from her own team, "
            "and suggested where a student could learn more about it this year.")


def build_populated_journal(path: Path, today: dt.date) -> dict:
    """A journal of a student who has done the whole chapter; returns the ids the tests refer to."""
    journal = Journal(path)
    journal.set_student_name(STUDENT)
    held = today - dt.timedelta(days=10)
    day = dt.timedelta(days=1)

    # Ten people over all seven groups, six with a note on how they are known: a map that meets the breadth check.
    aunt = journal.add_contact(name="Maria Rivera", category="family_friends", occupation="Nurse manager",
                               organization="Valley General Hospital", how_found="My aunt",
                               why="She has hired nurses for twenty years.", added=(held - 60 * day).isoformat())
    professor = journal.add_contact(name="Dr. Kwame Mensah", category="school", organization="State University",
                                    occupation="Professor of public health", how_found="My epidemiology course",
                                    added=(held - 50 * day).isoformat())
    alumna = journal.add_contact(
        name="Zoë Ñúñez-Okafor", category="alumni", occupation="Epidemiologist", organization="County Health",
        introduced_by=professor["id"], priority="high", how_found="Professor Mensah's former student",
        why="She runs the county's community health surveys.", added=(held - 30 * day).isoformat())
    journal.add_contact(name="李伟 (Li Wei)", category="work", occupation="Café supervisor",
                        organization="Campus Café", how_found="My supervisor at the café",
                        added=(held - 45 * day).isoformat())
    journal.add_contact(name="فاطمة السيد", category="associations", organization="Public Health Association",
                        introduced_by=aunt["id"], why="She organises the association's student mentoring.",
                        added=(held - 20 * day).isoformat())
    journal.add_contact(name="Sam O'Brien", category="community", added=(held - 15 * day).isoformat())
    journal.add_contact(name="Priya Shah", category="school", occupation="Student", organization="State University",
                        how_found="Lab partner in biostatistics", added=(held - 40 * day).isoformat())
    journal.add_contact(name="Marcus Hill", category="community", occupation="Pharmacist",
                        added=(held - 35 * day).isoformat())
    journal.add_contact(name=HOSTILE_NAME, category="online", organization="Forum",
                        added=(held - 5 * day).isoformat())
    referral = journal.add_contact(name="Jordan Lee", category="work", occupation="Data analyst",
                                   organization="County Health", introduced_by=alumna["id"],
                                   added=(held + day).isoformat())

    journal.save_record("pitch_drafts", {"id": "p-1", "target_seconds": 30, "parts": {
        "name_studies": "I'm Alex Rivera, a second-year public health student.",
        "career_interest": "I'm drawn to epidemiology and community health data.",
        "position_sought": "I'm looking for a summer research internship.",
        "experience": "Last spring I cleaned survey data for a campus vaccination study.",
        "leadership_teamwork": "I also coordinate volunteers at the student health fair.",
        "fit": "That mix of data work and outreach fits a county health team.",
        "why_organization": "Your department's open data reports are why I am writing to you.",
    }})
    from workbook.checks.question_bank import get, required_questions
    from workbook.checks.quiz import QUIZ

    chosen = [*required_questions(), get("unique_to_industry"), get("recommend_professionals"),
              get("use_your_name")]
    journal.save_record("question_plans", {"id": "q-1", "questions": [
        {"text": q.text, "category": q.category, "source": "bank"} for q in chosen]})
    journal.save_record("email_drafts", {
        "id": "e-1", "contact_id": alumna["id"], "subject": "Informational interview request",
        "sent": (held - 7 * day).isoformat(),
        "body": ("Dear Dr. Ñúñez-Okafor,\n\n"
                 "Professor Kwame Mensah suggested I contact you. I am a second-year public health student, "
                 "and your work on community health surveys is close to what I hope to do.\n\n"
                 "Would you have 20 to 30 minutes for a conversation at a time that suits you? I am hoping "
                 "for your advice on your career path, and I am not asking for a job.\n\n"
                 "Thank you for considering it.\n\nBest regards,\nAlex Rivera"),
    })
    journal.log_interaction(alumna["id"], "request_email", date=held - 7 * day)
    journal.log_interaction(alumna["id"], "informational_interview", date=held, minutes=30)
    journal.log_interaction(alumna["id"], "thank_you", date=held + day, notes="Email, mentioned the survey tip")
    journal.save_record("interviews", {
        "id": "iv-1", "contact_id": alumna["id"], "name": alumna["name"], "occupation": "Epidemiologist",
        "organization": HOSTILE_ORGANIZATION, "date": held.isoformat(), "minutes": 30,
        "answers": {q.id: _answer(q.text.lower().rstrip("?")) for q in required_questions()},
        "notes": "Met in her office; she showed me the survey dashboard.",
        "learned": "Field work and statistics matter equally, and the county hires interns every spring term.",
        "next_steps": "Email Jordan Lee next week and take the statistics course in spring.",
        "asked_for_referral": True, "next_contact": "Jordan Lee",
    })
    journal.save_record("reflections", {
        "id": "r-1", "interview_id": "iv-1",
        "went_well": "My questions were open and she talked freely for the whole half hour.",
        "surprised": "How much of her job is explaining numbers to people who are not statisticians.",
        "do_better": "Send the request earlier and bring a printed copy of my questions.",
    })
    journal.save_record("quiz_answers", {"id": "q-1", "answers": {q.id: q.answer for q in QUIZ}})
    return {"interviewee": alumna["id"], "referral": referral["id"]}


# -- running notebooks ------------------------------------------------------


def make_course(folder: Path, with_plan: bool = True) -> Path:
    """A course directory like the real one (nbgrader_config.py, the plan); returns its notebooks/ folder."""
    notebooks = folder / "notebooks"
    notebooks.mkdir(parents=True)
    if with_plan:
        (folder / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
        (folder / "assignments").mkdir()
        (folder / "assignments" / "course_plan.toml").write_text(COURSE_PLAN, encoding="utf-8")
    return notebooks


def kernel_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "WORKBOOK_JOURNAL"}
    env["MPLBACKEND"] = "Agg"
    return env


async def _run(nb, cwd: Path, env: dict, gate: asyncio.Semaphore) -> None:
    async with gate:
        client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": str(cwd)}})
        await client.async_execute(env=env)


def execute_all(jobs: list[tuple[nbformat.NotebookNode, Path]], parallel: int = 2) -> None:
    """Execute each (notebook, working folder) in a fresh kernel, ``parallel`` at a time, in place."""
    env = kernel_env()

    async def main():
        gate = asyncio.Semaphore(parallel)
        await asyncio.gather(*(_run(nb, cwd, env, gate) for nb, cwd in jobs))

    asyncio.run(main())


def copy_into(notebooks_dir: Path, filename: str, journal_file: Path | None) -> nbformat.NotebookNode:
    shutil.copy(NOTEBOOKS / filename, notebooks_dir / filename)
    if journal_file is not None:
        shutil.copy(journal_file, notebooks_dir / "journal.json")
    return nbformat.read(notebooks_dir / filename, as_version=4)


# -- reading outputs ----------------------------------------------------------


def outputs(cell) -> list:
    return cell.get("outputs", [])


def rich(cell, mime: str) -> str:
    """The ``mime`` data of a cell's display outputs, joined."""
    return "\n".join(str(o["data"][mime]) for o in outputs(cell)
                     if o.output_type in ("execute_result", "display_data") and mime in o.get("data", {}))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def errors(nb) -> list[str]:
    found = []
    for cell in code_cells(nb):
        for o in outputs(cell):
            if o.output_type == "error":
                found.append(f"{cell.source!r}: {o.ename}: {o.evalue}\n" + _ANSI.sub("", "\n".join(o.traceback)))
            elif o.output_type == "stream" and o.name == "stderr":
                found.append(f"{cell.source!r} wrote to stderr: {o.text}")
    return found


def html_shown(nb) -> list[str]:
    """Every piece of HTML the executed notebook shows: cell outputs, HTML widgets, Output widgets."""
    shown = [rich(cell, "text/html") for cell in code_cells(nb)]
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for model in state.values():
        values = model.get("state", {})
        if model.get("model_name") in ("HTMLModel", "HTMLMathModel"):
            shown.append(str(values.get("value", "")))
        if values.get("description_allow_html"):
            shown.append(str(values.get("description", "")))
        for out in values.get("outputs", []) or []:
            shown.append(str(out.get("data", {}).get("text/html", "")))
    return shown
