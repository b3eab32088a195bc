"""The red-team class: honest students and hostile submissions of the informational interview.

Each ``Attack`` places one submission in a course (``place``), says what its
own journal earns (``earns``: the most it may score), and which status flags
it must get (``flags``: any one of each tuple). Honest classmates carry a
unique marker in their journals, so a test can prove that nothing of theirs
reached anyone else's feedback.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .paths import JOURNALS

ASSIGNMENT = "informational_interview"
COMPLETE, PARTIAL = 28.0, 16.0  # what complete.json and partial.json earn (tests/grading/test_pipeline.py)
# Every process a hostile submission starts carries this in its command line, so a test can find survivors.
SURVIVOR = "3001"


@dataclass(frozen=True)
class Honest:
    id: str
    journal: str | None  # a fixture journal, or None: the typed-answers cell holds the answers
    score: float
    marker: str


HONEST = (
    Honest("honest_complete", "complete.json", COMPLETE, "MARKER-COMPLETE-7f3a"),
    Honest("honest_partial", "partial.json", PARTIAL, "MARKER-PARTIAL-2b9c"),
    Honest("honest_typed", None, COMPLETE, "MARKER-TYPED-5e1d"),
)
MARKERS = tuple(h.marker for h in HONEST)


def marked_journal(name: str, marker: str) -> bytes:
    doc = json.loads((JOURNALS / name).read_text(encoding="utf-8"))
    doc["student"]["name"] = marker
    for contact in doc["contacts"]:
        contact["notes"] = f"private notes {marker}"
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()


def typed_values(marker: str) -> dict:
    """The complete interview, as a student would type it in the typed-answers cell."""
    doc = json.loads((JOURNALS / "complete.json").read_text(encoding="utf-8"))
    record = doc["interviews"][0]
    reflection = doc["reflections"][0]
    return {
        "name": record["name"], "category": "alumni", "occupation": record["occupation"],
        "organization": record["organization"], "date": record["date"], "minutes": record["minutes"],
        "answers": record["answers"], "learned": record["learned"], "next_steps": record["next_steps"],
        "thank_you_sent": next(i["date"] for i in doc["interactions"] if i["kind"] == "thank_you"),
        "thank_you_note": doc["thank_you_notes"][0]["body"],
        "next_contact": {"name": f"Priya Raman {marker}", "occupation": "Hydrologist",
                         "organization": "State Water Board"},
        "reflection": {k: reflection[k] for k in ("went_well", "surprised", "do_better")},
    }


def cell_index(nb: dict, needle: str) -> int:
    return next(i for i, c in enumerate(nb["cells"]) if needle in "".join(c["source"]))


def code_cell(source: str, cell_id: str) -> dict:
    return {"cell_type": "code", "id": cell_id, "metadata": {}, "source": source, "outputs": [],
            "execution_count": None}


def with_cell(released: dict, source: str, cell_id: str = "attack", at: int | None = None) -> dict:
    """The released notebook with a student code cell added before the graded checks."""
    nb = copy.deepcopy(released)
    where = cell_index(nb, "## Graded checks") if at is None else at
    nb["cells"].insert(where, code_cell(source, cell_id))
    return nb


def with_typed(released: dict, source: str) -> dict:
    nb = copy.deepcopy(released)
    typed = cell_index(nb, "typed_interview = None")
    nb["cells"][typed]["source"] = source
    return nb


def place_honest(course, released: dict, honest: Honest) -> None:
    if honest.journal:
        course.submit(honest.id, ASSIGNMENT, released, marked_journal(honest.journal, honest.marker))
    else:
        source = (f"typed_interview = {typed_values(honest.marker)!r}\n\nfrom workbook.grading import answers\n\n"
                  "answers.save_typed_interview(typed_interview)\n")
        course.submit(honest.id, ASSIGNMENT, with_typed(released, source))


@dataclass(frozen=True)
class Attack:
    id: str
    place: object  # (course, released) -> None
    earns: float
    flags: tuple[tuple[str, ...], ...] = ()  # each tuple: at least one of these flags
    graded: bool = True  # False: the submission cannot be graded as it stands (rejected)
    detail: tuple[str, ...] = field(default_factory=tuple)  # words its status detail must contain
    may_time_out: bool = False  # a cell of its own may be cut off, as well as graded
    never: tuple[str, ...] = ()  # flags it must not get


def _partial():
    return marked_journal("partial.json", "ATTACKER")


# -- what the student's code tries ------------------------------------------------------------------

PATCH_REQUIRE = "from workbook.grading import rubric\nrubric.require = lambda *a, **k: None\n" \
                "rubric.require_saved = lambda *a, **k: None\n"
TRANSFORMER = ("def _all_pass(lines):\n    return ['pass\\n']\n"
               "get_ipython().input_transformers_cleanup.append(_all_pass)\n")
CHDIR = ("import os\nfor up in ('../../../submitted/honest_complete/informational_interview',\n"
         "           '../../submitted/honest_complete/informational_interview'):\n"
         "    try:\n        os.chdir(up)\n    except OSError:\n        pass\n")
GRADEBOOK = ("import glob, sqlite3\nfor path in glob.glob('../../../gradebook.db') + glob.glob('/tmp/**/gradebook.db', "
             "recursive=True) + glob.glob('/work/**/gradebook.db', recursive=True):\n    db = sqlite3.connect(path)\n"
             "    db.execute('update grade set auto_score = 1000, manual_score = 1000')\n"
             "    db.execute(\"update submitted_assignment set extension = '3 days'\")\n    db.commit()\n")
DAEMON = (f"import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
          f"        for _ in range(300):\n"
          f"            for target in ('../../../nbgrader_config.py', '../../../source/informational_interview/x.txt',"
          f" '/tmp/redteam-daemon'):\n"
          f"                try:\n                    open(target, 'a').write('owned')\n"
          f"                except OSError:\n                    pass\n"
          f"            time.sleep(0.1)\n"
          f"        os.execv('/bin/sleep', ['sleep', '{SURVIVOR}'])\n    os._exit(0)\n")
KERNELS = ("import glob, json\nfrom jupyter_client import BlockingKernelClient\nfound = []\n"
           "for path in glob.glob('/tmp/**/*.json', recursive=True) + glob.glob('/root/.local/share/jupyter/runtime/*.json')"
           " + glob.glob('/run/**/*.json', recursive=True):\n"
           "    try:\n        info = json.load(open(path))\n        kc = BlockingKernelClient()\n"
           "        kc.load_connection_info(info)\n        kc.start_channels()\n"
           "        kc.execute(\"from workbook.grading import rubric; rubric.require = None\")\n"
           "        found.append(path)\n    except Exception:\n        pass\nprint('kernels reached:', found)\n")
EXFILTRATE = ("import glob, shutil, os\nfor pattern in ('../../../gradebook.db', '../../../submitted/*/*/journal.json', "
              "'/tmp/**/journal.json', '/work/*/*/journal.json', '../../../source'):\n"
              "    for i, path in enumerate(glob.glob(pattern, recursive=True)[:50]):\n"
              "        try:\n            dest = f'stolen-{i}-' + os.path.basename(path)\n"
              "            shutil.copytree(path, dest) if os.path.isdir(path) else shutil.copyfile(path, dest)\n"
              "        except OSError:\n            pass\n")
SCRIPT = "<script>document.title = 'PWNED'</script><img src=x onerror=\"document.title='PWNED'\">"
HTML_OUTPUT = ("from IPython.display import HTML, Javascript, SVG, display\n"
               f"display(HTML({SCRIPT!r}))\ndisplay(Javascript(\"document.title = 'PWNED'\"))\n"
               "display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"document.title=\\'PWNED\\'\"></svg>'))\n"
               "display({'text/html': '<a href=\"javascript:document.title=1\">x</a>', 'text/plain': 'x'}, raw=True)\n")
HUGE_PRINT = "print('x' * 200_000_000)\n"
MEMORY = "try:\n    hog = bytearray(4 * 1024 ** 3)\nexcept MemoryError:\n    print('refused')\n"
FORKS = (f"import subprocess\nkids = []\nfor _ in range(200):\n    try:\n"
         f"        kids.append(subprocess.Popen(['sleep', '{SURVIVOR}']))\n    except OSError:\n        break\n"
         "print(len(kids), 'started')\n")
BIG_FILE = "with open('big.bin', 'wb') as f:\n    f.write(b'0' * (200 * 1024 ** 2))\n"
SUICIDE = "import os\nos._exit(0)\n"
SLEEPER = "import time\ntime.sleep(60)\n"
# The notebooks no longer offer a "bring your chapter journal" cell, but the function is still there to call.
BRING_CLASSMATE = ("from workbook.grading import answers\n"
                   "for up in ('../../../submitted', '../../submitted'):\n    try:\n"
                   "        answers.bring_journal(up + '/honest_complete/informational_interview/journal.json')\n"
                   "    except Exception as exc:\n        print(type(exc).__name__)\n")
NOT_DATA = ("typed_interview = dict(name='Dana Whitfield', occupation=__import__('os').getcwd())\n\n"
            "from workbook.grading import answers\n\nanswers.save_typed_interview(typed_interview)\n")


def _place_cell(cell, journal="partial"):
    def place(course, released, student):
        data = _partial() if journal == "partial" else None
        course.submit(student, ASSIGNMENT, with_cell(released, cell), data)
    return place


def _place_markdown(course, released, student):
    nb = copy.deepcopy(released)
    nb["cells"].insert(2, {"cell_type": "markdown", "id": "notes", "metadata": {},
                           "source": f"My notes {SCRIPT} [click](javascript:document.title='PWNED')"})
    course.submit(student, ASSIGNMENT, nb, _partial())


def _place_shadow_workbook(course, released, student):
    folder = course.submit(student, ASSIGNMENT, released, _partial())
    package = folder / "workbook" / "grading"
    package.mkdir(parents=True)
    (folder / "workbook" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "rubric.py").write_text("def require(*a, **k):\n    pass\n\nrequire_saved = require\n")
    (package / "review.py").write_text("def show_reflection(*a, **k):\n    return 'fake'\n")
    course.settle(folder, ASSIGNMENT)


def _place_shadow_json(course, released, student):
    folder = course.submit(student, ASSIGNMENT, released, _partial())
    (folder / "json.py").write_text("raise SystemExit('shadowed')\n")
    course.settle(folder, ASSIGNMENT)


def _place_link(target_of):
    def place(course, released, student):
        folder = course.submit(student, ASSIGNMENT, released)
        os.symlink(target_of(course), folder / "journal.json")
    return place


def _place_passwd_link(course, released, student):
    folder = course.submit(student, ASSIGNMENT, released, _partial())
    os.symlink("/etc/passwd", folder / "notes.txt")


def _place_times(timestamp: str | None, files_late: bool = True):
    def place(course, released, student):
        due = course.on_time(ASSIGNMENT) + dt.timedelta(days=1)
        folder = course.submit(student, ASSIGNMENT, released, _partial(), when=due - dt.timedelta(days=1))
        stamp = folder / "timestamp.txt"
        if timestamp is None:
            stamp.unlink()
        else:
            stamp.write_text(timestamp)
        late = (due + dt.timedelta(days=2)).replace(tzinfo=dt.timezone.utc).timestamp()
        for name in ("journal.json", f"{ASSIGNMENT}.ipynb"):
            os.utime(folder / name, (late, late))
    return place


def _place_forged_early(course, released, student):
    due = course.on_time(ASSIGNMENT) + dt.timedelta(days=1)
    _place_times(f"{due - dt.timedelta(days=1):%Y-%m-%d %H:%M:%S}.000000 UTC")(course, released, student)


def _place_raw(raw_of):
    def place(course, released, student):
        course.submit(student, ASSIGNMENT, raw_of(released), _partial())
    return place


def _place_journal_bytes(make):
    def place(course, released, student):
        folder = course.submit(student, ASSIGNMENT, released)
        make(folder / "journal.json")
        stamp = course.on_time(ASSIGNMENT).replace(tzinfo=dt.timezone.utc).timestamp()
        os.utime(folder / "journal.json", (stamp, stamp))
    return place


def _sparse_200mb(path: Path):
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 ** 2)


def _many_contacts(path: Path):
    doc = json.loads(marked_journal("complete.json", "ATTACKER"))
    doc["contacts"] = [{"id": f"c{n}"} for n in range(100_000)]  # small, so the count is what is refused
    path.write_text(json.dumps(doc))


def _deep(path: Path):
    path.write_text("[" * 100_000 + "]" * 100_000)


def _edited_test(course, released, student):
    nb = copy.deepcopy(released)
    at = next(i for i, c in enumerate(nb["cells"])
              if (c["metadata"].get("nbgrader") or {}).get("grade_id") == "test_answer_outlook")
    nb["cells"][at]["source"] = "assert True"
    course.submit(student, ASSIGNMENT, nb, _partial())


def _nbformat3(released):
    import nbformat

    old = nbformat.convert(nbformat.reads(json.dumps(released), as_version=4), 3)
    return nbformat.writes(old, version=3).encode()


def _dir_named_html(course, released, student):
    folder = course.submit(student, ASSIGNMENT, released, _partial())
    (folder / f"{ASSIGNMENT}.html").mkdir()
    (folder / f"{ASSIGNMENT}.html" / "x").write_text("not a page")
    course.settle(folder, ASSIGNMENT)


def _no_journal(course, released, student):
    course.submit(student, ASSIGNMENT, released)


def _typed_code(course, released, student):
    course.submit(student, ASSIGNMENT, with_typed(released, NOT_DATA), _partial())


TAMPERED = ("tampered",)
ATTACKS = (
    Attack("patch_require", _place_cell(PATCH_REQUIRE), PARTIAL, (TAMPERED,), detail=("answer_outlook",)),
    Attack("input_transformer", _place_cell(TRANSFORMER), PARTIAL, (TAMPERED,), detail=("answer_skills",)),
    Attack("shadow_workbook", _place_shadow_workbook, PARTIAL, (TAMPERED,), detail=("workbook",)),
    Attack("shadow_json", _place_shadow_json, PARTIAL, (TAMPERED,), detail=("json.py",)),
    Attack("chdir_classmate", _place_cell(CHDIR), PARTIAL),
    Attack("bring_classmate_journal", _place_cell(BRING_CLASSMATE, journal=None), 0.0, (("no_journal",),)),
    Attack("gradebook_sqlite", _place_cell(GRADEBOOK), PARTIAL),
    Attack("daemon", _place_cell(DAEMON), PARTIAL),
    Attack("other_kernels", _place_cell(KERNELS), PARTIAL),
    Attack("exfiltrate", _place_cell(EXFILTRATE), PARTIAL),
    Attack("link_classmate_journal", _place_link(
        lambda c: c.path("submitted", "honest_complete", ASSIGNMENT, "journal.json")), 0.0,
        (("unreadable_journal",), TAMPERED), detail=("link",)),
    Attack("link_other_file", _place_passwd_link, PARTIAL, (TAMPERED,), detail=("notes.txt",)),
    Attack("markdown_script", _place_markdown, PARTIAL),
    Attack("output_script", _place_cell(HTML_OUTPUT), PARTIAL),
    # The 200 MB print is cut to 1 MB, or, when it arrives as one message past the socket's limit,
    # dropped there, and the cell is marked as cut off: either way the grade is the data's.
    Attack("huge_print", _place_cell(HUGE_PRINT), PARTIAL, may_time_out=True),
    Attack("memory_hog", _place_cell(MEMORY), PARTIAL),
    Attack("many_processes", _place_cell(FORKS), PARTIAL),
    Attack("big_file", _place_cell(BIG_FILE), PARTIAL),
    Attack("kernel_suicide", _place_cell(SUICIDE), PARTIAL, (("timed_out",),), detail=("kernel died",)),
    Attack("sleeper", _place_cell(SLEEPER), PARTIAL, (("timed_out",),)),
    Attack("forged_early_timestamp", _place_forged_early, PARTIAL, (("time_flagged",),), detail=("file's time",)),
    Attack("deleted_timestamp", _place_times(None), PARTIAL, (("time_flagged",),), detail=("missing",)),
    Attack("garbage_timestamp", _place_times("around noon-ish"), 0.0, (("rejected",),), graded=False,
           detail=("not a time",)),
    Attack("nbformat3", _place_raw(_nbformat3), PARTIAL),
    Attack("no_journal", _no_journal, 0.0, (("no_journal",),)),
    Attack("journal_200mb", _place_journal_bytes(_sparse_200mb), 0.0, (("unreadable_journal",),),
           detail=("limit",)),
    Attack("journal_100k_contacts", _place_journal_bytes(_many_contacts), 0.0, (("unreadable_journal",),),
           detail=("100,000 contacts",)),
    Attack("journal_deep", _place_journal_bytes(_deep), 0.0, (("unreadable_journal",),), detail=("nested",)),
    Attack("edited_test_cell", _edited_test, PARTIAL, (TAMPERED,), detail=("test_answer_outlook edited",)),
    # Code in the typed cell is not read; what it saved in the kernel goes to a person, never as tampering.
    Attack("typed_code", _typed_code, PARTIAL, (("needs_manual_grading",),), never=TAMPERED,
           detail=("not a plain literal", "which the unread typed answers may explain: a person decides")),
    Attack("dir_named_page", _dir_named_html, PARTIAL),
)
