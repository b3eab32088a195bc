"""workbook.grading.rubric and answers: points as data, judgements from the checks, clear failures."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from support.paths import JOURNALS
from workbook.grading import answers, rubric
from workbook.grading.answers import AnswersMissing, AnswersUnreadable
from workbook.grading.rubric import RubricFailure
from workbook.journal.schema import empty_document


def _doc(name: str) -> dict:
    return json.loads((JOURNALS / f"{name}.json").read_text(encoding="utf-8"))


def test_item_ids_are_unique_and_point_at_real_checks():
    from workbook.checks import selfcheck

    ids = [item.id for item in rubric.ITEMS] + [m.id for m in rubric.MANUAL_ITEMS]
    assert len(ids) == len(set(ids))
    assert all(callable(getattr(selfcheck, item.check)) for item in rubric.ITEMS)
    assert all(item.points > 0 and item.check_items for item in rubric.ITEMS)


def test_every_check_item_the_rubric_names_exists_in_its_check():
    full = _doc("complete")
    from workbook.checks import selfcheck

    for item in rubric.items("informational_interview") + rubric.items("network_map"):
        report = getattr(selfcheck, item.check)(full)
        assert set(item.check_items) <= set(report.ids), item.id


def test_points_per_assignment():
    assert {a: rubric.total_points(a) for a in rubric.ASSIGNMENTS} == {
        "informational_interview": 30.0, "network_map": 6.0, "pitch": 10.0, "question_plan": 5.0,
        "request_email": 7.0,
    }
    assert rubric.autograded_points("informational_interview") == 28.0


def test_complete_and_partial_scores():
    assert rubric.score("informational_interview", _doc("complete")) == 28.0
    # Partial: thin answers, a late thank-you, and a note with nothing from the conversation in it.
    assert rubric.score("informational_interview", _doc("partial")) == 16.0
    assert rubric.score("informational_interview", _doc("no_thank_you")) == 26.0


def test_an_empty_journal_earns_nothing_anywhere():
    doc = empty_document()
    assert {a: rubric.score(a, doc) for a in rubric.ASSIGNMENTS} == {a: 0.0 for a in rubric.ASSIGNMENTS}
    outcome = rubric.judge("answer_advice", doc)
    assert outcome.message.startswith("No interview record is saved in your journal yet.")
    assert rubric.judge("thank_you_on_time", doc).message == (
        "No interview is recorded yet. Hint: Record the interview first, then follow up.")
    assert rubric.judge("thank_you_note", doc).message.startswith("No thank-you note is saved in your journal yet.")


def test_the_thank_you_note_is_judged_for_thanks_and_a_specific_detail():
    outcome = rubric.judge("thank_you_note", _doc("partial"))
    assert (outcome.passed, outcome.review) == (False, False)
    assert outcome.message.startswith("Nothing in the note comes from your notes on this interview")
    assert rubric.judge("thank_you_note", _doc("complete")).points == 1


def test_judge_gives_the_check_message_and_hint():
    outcome = rubric.judge("thank_you_on_time", _doc("partial"))
    assert (outcome.passed, outcome.points) == (False, 0.0)
    assert outcome.message == ("It went out 5 day(s) after the interview, later than two days. "
                               "Hint: Next time send it within two days of the interview.")
    assert rubric.judge("interview_length", _doc("partial")).points == 1


def test_unknown_items_and_assignments_are_refused():
    with pytest.raises(KeyError, match="no rubric item 'answer_favourite_colour'"):
        rubric.judge("answer_favourite_colour", empty_document())
    with pytest.raises(KeyError, match="no rubric for 'essay'"):
        rubric.items("essay")


def test_a_record_the_check_cannot_read_fails_the_item_without_crashing():
    doc = empty_document()
    doc["pitch_drafts"].append({"id": "p1", "parts": {"favourite_food": "pizza"}, "target_seconds": 60,
                                "updated": "2026-10-01T10:00:00"})
    outcome = rubric.judge("pitch_timing", doc)
    assert not outcome.passed
    assert outcome.message.startswith("Your saved work could not be checked: unknown pitch component 'favourite_food'")


def test_hostile_and_huge_text_is_judged_as_text(tmp_path):
    huge = ("word " * 3000).strip()
    answers.save_typed_interview({
        "name": "<img src=x onerror=alert(1)>", "category": "online", "occupation": "Engineer \u2014 \u65e5\u672c",
        "organization": "Robert'); DROP TABLE students;--", "date": "2026-10-01", "minutes": 25,
        "answers": {"average_day": huge}, "learned": "\u202eevil\u202c " * 10,
    }, folder=tmp_path)
    doc = answers.load(tmp_path)
    assert rubric.judge("interviewee_name", doc).passed
    assert rubric.judge("answer_average_day", doc).message == "Your answer to \u201cWhat does an average day (or " \
        "week) look like for you? (schedule, duties, activities, hours)\u201d holds no real words. Hint: Write " \
        "down what they told you, with the details they gave, while it is fresh."


def test_require_passes_quietly_or_raises_the_message(tmp_path):
    (tmp_path / "journal.json").write_bytes((JOURNALS / "partial.json").read_bytes())
    assert rubric.require("answer_average_day", folder=tmp_path) is None
    assert rubric.require_saved("answer_outlook", folder=tmp_path) is None
    with pytest.raises(RubricFailure, match="^Your answer to .* is missing"):
        rubric.require("answer_outlook", folder=tmp_path)
    assert issubclass(RubricFailure, AssertionError)


def test_require_saved_fails_only_when_nothing_is_saved(tmp_path):
    (tmp_path / "journal.json").write_text(json.dumps(empty_document()), encoding="utf-8")
    with pytest.raises(RubricFailure, match="^No interview record is saved in your journal yet"):
        rubric.require_saved("answer_outlook", folder=tmp_path)


def test_missing_answers_file_is_named_in_the_failure(tmp_path):
    with pytest.raises(AnswersMissing, match="^No saved answers: there is no journal.json in this assignment's folder"):
        rubric.require("interviewee_name", folder=tmp_path)


@pytest.mark.parametrize(("content", "problem"), [
    (b"", "is empty (0 bytes of JSON)"),
    (b'{"schema_version": 1, "kind": "networking-workbook-jour', "is not valid JSON"),
    (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
    (b"[1, 2, 3]", "holds a JSON list, not a journal object"),
    (json.dumps({**empty_document(), "schema_version": 99}).encode(), "was written by a newer workbook"),
])
def test_unreadable_answers_say_what_is_wrong(tmp_path, content, problem):
    (tmp_path / "journal.json").write_bytes(content)
    with pytest.raises(AnswersUnreadable) as caught:
        rubric.require("interviewee_name", folder=tmp_path)
    message = str(caught.value)
    assert message.startswith(f"Your saved answers (journal.json) could not be read: {problem}")
    assert str(tmp_path) not in message  # the student's message names the file, not the grader's path


def test_the_grader_reads_the_assignment_folder_not_the_journal_setting(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes((JOURNALS / "complete.json").read_bytes())
    monkeypatch.setenv("WORKBOOK_JOURNAL", str(elsewhere))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(AnswersMissing):
        rubric.require("interviewee_name")
    assert answers.journal_file() == tmp_path / "journal.json"


# -- the network map: breadth as well as soundness ------------------------------------------------

GROUPS = ("family_friends", "school", "alumni", "work")


def _map(tmp_path, people, noted=None, twice=None) -> dict:
    """A map of ``people`` contacts over four groups, the first ``noted`` with a note, one introduced by another."""
    noted = people if noted is None else noted
    typed = [{"name": f"Person {n}", "category": GROUPS[n % 4], "organization": f"Org {n}",
              "how_found": "Met at the spring career fair" if n < noted else ""} for n in range(people)]
    if people > 1:
        typed[1]["introduced_by"] = "Person 0"
    answers.save_typed_contacts(typed, folder=tmp_path)
    doc = answers.load(tmp_path)
    if twice is not None:  # the same person entered twice, as a hand-edited file can hold
        doc["contacts"].append({**doc["contacts"][twice], "id": "c-copy"})
    return doc


def test_network_map_items_and_points():
    assert [(i.id, i.points, i.check, i.check_items) for i in rubric.items("network_map")] == [
        ("network_enough_contacts", 2, "network_map", ("enough_contacts",)),
        ("network_groups", 1, "network_map", ("several_groups",)),
        ("network_reasons", 1, "network_map", ("reasons_noted",)),
        ("network_sound", 1, "network", ("has_contacts", "no_duplicates", "categories_valid")),
        ("network_referrals", 1, "network", ("has_contacts", "referrals_resolve", "no_referral_loops")),
    ]


@pytest.mark.parametrize("people, noted, twice, earned", [
    (1, 0, None, [False, False, False, True, True]),  # one sound contact no longer earns the map
    (1, 1, None, [False, False, True, True, True]),
    (9, 9, None, [False, True, True, True, True]),
    (10, 4, None, [True, True, False, True, True]),
    (10, 5, None, [True, True, True, True, True]),
    (9, 9, 3, [False, True, True, False, True]),  # a copy is not a tenth person, and is unsound
])
def test_network_map_scores_breadth(tmp_path, people, noted, twice, earned):
    doc = _map(tmp_path, people, noted, twice)
    assert [o.passed for o in rubric.outcomes("network_map", doc)] == earned
    assert rubric.score("network_map", doc) == sum(i.points for i, e in zip(rubric.items("network_map"), earned) if e)


def test_network_map_failures_say_what_is_missing(tmp_path):
    doc = _map(tmp_path, 9, noted=4)
    assert rubric.judge("network_enough_contacts", doc).message == (
        "Your map has 9 people; aim for at least 10. Hint: Go through the groups one at a time and add "
        "everyone who fits, not only the people you know best.")
    assert rubric.judge("network_reasons", doc).message == (
        "4 of your 9 contact(s) say how you know them or why you would talk to them; aim for at least half (5). "
        "Hint: For each person, note how you know them and why they could help you learn about a field.")
    doc["contacts"] = [c for c in doc["contacts"] if c["category"] in ("school", "alumni")]
    assert rubric.judge("network_groups", doc).message == (
        "Your contacts come from 2 of the 7 groups; aim for at least 4. Still empty: Family and friends; "
        "Work (co-workers, supervisors); Associations and clubs; Community; Online. "
        "Hint: Think of one person from a group you have not used yet.")
    assert rubric.judge("network_sound", empty_document()).message == (
        "Your network has no contacts yet. Hint: Start with the people you already know: family, classmates, "
        "co-workers.")


def test_network_map_with_hostile_names_is_judged_as_text(tmp_path):
    # A name with direction controls ("\u202eevil\u202c") is refused at entry now (tests/journal/test_names.py);
    # a look-alike made of visible letters (a Cyrillic "\u0435") is a name like any other.
    hostile = [{"name": name, "category": GROUPS[n % 4], "why": name} for n, name in enumerate(
        ["<img src=x onerror=alert(1)>", "Zo\u00eb \u00d1\u00fa\u00f1ez", "\u674e\u4f1f", "\u0435vil",
         "Robert'); DROP TABLE students;--", "O'Brien", "A & B", "\u0641\u0627\u0637\u0645\u0629", "x" * 200, "\U0001f600"])]
    answers.save_typed_contacts(hostile, folder=tmp_path)
    assert rubric.score("network_map", answers.load(tmp_path)) == 6.0


def test_an_item_a_check_is_unsure_of_goes_to_review_with_its_suggestion(monkeypatch):
    from workbook.checks.report import Item, Report
    from workbook.grading import rubric as module

    def unsure(check, doc, today=None):
        return Report("Pitch check", (Item("timing", True, "About right.", review=True),
                                      Item("component_name_studies", False, "Name missing.", "Say who you are.")))

    monkeypatch.setattr(module, "_report", unsure)
    timing = module.judge("pitch_timing", {})
    assert (timing.passed, timing.review, timing.points, timing.message) == (True, True, 3.0, "About right.")
    name = module.judge("pitch_name_studies", {})
    assert (name.passed, name.review, name.points) == (False, False, 0.0)
    assert name.message == "Name missing. Hint: Say who you are."
    assert Report("t", (Item("a", True, "m", review=True),)).as_dict()["items"][0]["review"] is True


def test_the_interview_date_is_judged_as_of_the_day_it_was_handed_in(tmp_path):
    # nbgrader's timestamp.txt, not the day the grader happens to run, says when "the future" starts.
    doc = _doc("complete")
    held = dt.date.fromisoformat(doc["interviews"][0]["date"])
    (tmp_path / "journal.json").write_text(json.dumps(doc), encoding="utf-8")
    stamp = tmp_path / "timestamp.txt"
    stamp.write_text(f"{held - dt.timedelta(days=1)} 09:30:00.123456 UTC", encoding="utf-8")
    assert answers.submitted_day(tmp_path) == held - dt.timedelta(days=1)
    with pytest.raises(RubricFailure, match=f"The interview date {held} is in the future"):
        rubric.require("interview_date", folder=tmp_path)
    stamp.write_text(f"{held} 23:10:00 UTC", encoding="utf-8")
    rubric.require("interview_date", folder=tmp_path)
    assert rubric.score("informational_interview", doc, held - dt.timedelta(days=1)) == \
        rubric.score("informational_interview", doc, held) - 1
    for garbage in ("", "yesterday", "\x00" * 50):
        stamp.write_text(garbage, encoding="utf-8")
        assert answers.submitted_day(tmp_path) is None


# -- kinds of item: points on rules and sure judgments, review where a check is unsure ------------

def test_advice_never_carries_points():
    with pytest.raises(ValueError, match="'no_prying' is advice: it never carries points"):
        rubric.RubricItem("plan_prying", "question_plan", 1, "question_plan", ("no_prying",))
    with pytest.raises(KeyError, match="question_plan reports no item 'tone'"):
        rubric.RubricItem("plan_tone", "question_plan", 1, "question_plan", ("tone",))


def test_an_unsure_item_is_under_review_and_require_follows_the_suggestion(tmp_path):
    answers.save_typed_request_email({
        "your_name": "Maya Chen", "subject": "A short conversation",
        "body": "Dear Ms. Park,\n\nProfessor Diaz suggested I contact you. Could we talk for 20 minutes at your "
                "convenience? I would value your advice; I am not asking for a job.\n\nBest regards,\nSam Lee",
    }, folder=tmp_path)
    doc = answers.load(tmp_path)
    assert [(o.item.id, o.passed, o.points) for o in rubric.under_review("request_email", doc)] == [
        ("email_polite_close", False, 0.0)]
    assert rubric.score("request_email", doc) == 6.0
    with pytest.raises(RubricFailure, match="your instructor will check the signature. .*Your instructor will read "
                                            "this item and decide.$"):
        rubric.require("email_polite_close", folder=tmp_path)
    assert rubric.require("email_short", folder=tmp_path) is None
