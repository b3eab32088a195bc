"""The readers the text checks share: clauses and negation, placeholders, filler, names, the email's parts."""

from __future__ import annotations

import pytest

from workbook.checks import selfcheck
from workbook.checks.email_parts import split_email
from workbook.checks.names import looks_like_name, same_person
from workbook.checks.report import ADVICE, JUDGMENT, RULE, Item, Report
from workbook.checks.structure import clauses, is_filler, negated_before, placeholders
from workbook.checks.vocabulary import defaults
from workbook.journal.schema import empty_document


@pytest.mark.parametrize("sentence, word, negated", [
    ("i am not, of course, asking for a job", "job", True),
    ("please don't hesitate to tell me about any openings", "openings", False),
    ("i can't wait to hear about openings", "openings", False),
    ("i'm not sure, but is your team hiring", "hiring", False),
    ("this is not a job request", "job", True),
    ("i am not here today to ask you for a job", "job", True),
    ("not only do i want advice, i want a job", "job", False),
])
def test_a_negation_reaches_only_its_own_clause(sentence, word, negated):
    clause = next(c for c in clauses(sentence) if word in c)
    assert negated_before(clause, clause.find(word)) is negated


@pytest.mark.parametrize("text, found", [
    ("Hi, my name is [Your Name], a [year] student", ["[Your Name]", "[year]"]),
    ("Dear <Contact Name>,", ["<Contact Name>"]),
    ("Write to me at <maya@example.edu>", []),
    ("Call XXX or fill ____ in", ["XXX", "____"]),
    ("Lorem ipsum dolor sit amet", ["Lorem ipsum", "dolor sit"]),
])
def test_placeholders(text, found):
    assert placeholders(text) == found


@pytest.mark.parametrize("text, filler", [
    ("asdf asdf asdf", True), ("jkl jkl jkl", True), ("Lorem ipsum dolor sit amet, consectetur", True),
    ("good good good good good good", True), ("", True),
    ("Excel, SQL, attention to detail", False), ("BSN, MSW, PLC", False),
    ("Project engineer after three years, project manager after about six.", False),
])
def test_filler(text, filler):
    assert is_filler(text) is filler


@pytest.mark.parametrize("signed, known, same", [
    ("Rob", "Robert Mensah", True), ("Jos\u00e9 Hern\u00e1ndez", "Jose Hernandez", True),
    ("ZHANG Wei", "Wei Zhang", True), ("Liz Moreau", "Elizabeth Moreau", True), ("Lan", "Nguyen Thi Lan", True),
    ("Dr. Maya Chen, RN", "Maya Chen", True), ("Maya Chem", "Maya Chen", False),
    ("Sam Lee", "Maya Chen", False), ("", "Maya Chen", False),
])
def test_names_match_loosely_but_not_anyone(signed, known, same):
    assert same_person(signed, known) is same


def test_a_signature_block_is_split_from_the_body():
    parts = split_email("Hello,\nI hope to learn.\n\nKind regards,\nPriya Natarajan\nBSN Candidate\n(555) 013-2211",
                        defaults())
    assert (parts.sign_off, parts.signature) == ("Kind regards,", ("Priya Natarajan", "BSN Candidate", "(555) 013-2211"))
    assert parts.body.strip().endswith("I hope to learn.")
    assert split_email("Thanks for reading. Are you hiring?", defaults()).sign_off is None
    assert split_email("Hi,\nBest, Maya", defaults()).signed_inline == "Maya"
    assert looks_like_name("Priya Natarajan") and not looks_like_name("BSN Candidate, Class of 2027.")


def test_clauses_of_a_long_paste_keep_each_aside_inside_its_clause():
    long = "I am not, of course, asking for a job; " * 2_500
    found = clauses(long.casefold())
    assert len(found) == 2_500 and set(found) == {"i am not  asking for a job"}


def test_the_student_sees_each_kind_of_item_differently():
    report = Report("Demo check", (
        Item("count", True, "You have 12 questions."),
        Item("open_ended", True, "The check could not tell; your instructor will read it.", "Use What.", True),
        Item("next_contact", False, "None asks who to talk to next.", "Ask for a name."),
        Item("no_prying", False, "A tip: this may feel private.", "Keep to their work."),
    ), kinds={"count": RULE, "open_ended": JUDGMENT, "next_contact": JUDGMENT, "no_prying": ADVICE})
    assert str(report).splitlines() == [
        "Demo check: 2/3 passed, 1 for your instructor to read, 1 tip",
        "  [ok  ] You have 12 questions.",
        "  [look] The check could not tell; your instructor will read it.",
        "         hint: Use What.",
        "  [TODO] None asks who to talk to next.",
        "         hint: Ask for a name.",
        "  [tip ] A tip: this may feel private.",
        "         tip: Keep to their work.",
    ]
    html = report._repr_html_()
    assert "(2/3 passed, 1 for your instructor to read, 1 tip)" in html
    assert 'data-id="open_ended" data-passed="true" data-kind="judgment" data-review="true"' in html
    assert 'aria-label="for your instructor to read">?</span>' in html
    assert 'aria-label="a tip, no points">&#9432;</span>' in html
    assert report.as_dict()["items"][1]["review"] is True and "review" not in report.as_dict()["items"][0]


def test_a_self_check_knows_the_kind_of_every_item_it_reports():
    report = selfcheck.run("question_plan", {**empty_document(), "question_plans": [
        {"id": "p", "questions": [{"text": "Where are you from?"}], "updated": "2026-10-01T10:00:00"}]})
    assert {item.id: report.kind(item.id) for item in report.items} == {
        "count": RULE, "open_ended": JUDGMENT, "categories": JUDGMENT, "next_contact": JUDGMENT, "no_prying": ADVICE}
