"""The question planner widget, headless, on a journal in a temporary folder."""

import json


from workbook.checks import selfcheck
from workbook.checks.question_bank import QUESTION_CATEGORIES, bank, required_questions
from workbook.widgets import question_planner

HOSTILE = "<img src=x onerror=alert(1)>"


def saved_texts(path):
    [plan] = json.loads(path.read_text(encoding="utf-8"))["question_plans"]
    return [q["text"] for q in plan["questions"]]


def test_bank_is_filtered_by_category(path):
    w = question_planner(path)
    assert len(w.bank_list.options) == len(bank())
    w.category.value = "referrals"
    assert [v for _, v in w.bank_list.options] == [q.id for q in bank("referrals")]
    assert [label for label, _ in w.category.options][1:] == list(QUESTION_CATEGORIES.values())


def test_building_a_plan_that_passes_the_check(path):
    w = question_planner(path)
    assert w.add_required() == 9
    assert w.add_required() == 0  # never twice
    w.category.value = "referrals"
    w.bank_list.value = "recommend_professionals"
    assert w.add_from_bank()
    w.custom_text.value = "How did your first year in the role differ from what you expected?"
    assert w.add_custom()
    assert w.custom_text.value == ""
    assert w.flush()
    texts = saved_texts(path)
    assert texts[:9] == [q.text for q in required_questions()]
    assert texts[9:] == ["Can you recommend other professionals in this field I should speak with?",
                         "How did your first year in the role differ from what you expected?"]
    [plan] = json.loads(path.read_text(encoding="utf-8"))["question_plans"]
    assert [q["source"] for q in plan["questions"]] == ["bank"] * 10 + ["custom"]
    assert plan["questions"][10]["category"] in QUESTION_CATEGORIES
    assert selfcheck.question_plan(w.journal).passed
    assert 'data-passed="false"' not in w.report.value


def test_reorder_and_remove_then_restore(path):
    w = question_planner(path)
    w.add_required()
    first, second = w.questions[0]["text"], w.questions[1]["text"]
    w.plan_list.value = 0
    assert w.move(-1) is False
    assert w.move(1)
    assert w.plan_list.value == 1
    assert [q["text"] for q in w.questions[:2]] == [second, first]
    w.plan_list.value = 8
    assert w.move(1) is False
    assert w.remove()
    assert len(w.questions) == 8
    w.save_button.click()
    again = question_planner(path)
    assert [q["text"] for q in again.questions] == saved_texts(path)
    assert saved_texts(path)[:2] == [second, first]
    assert again.plan_list.options[0] == (f"1. {second}", 0)


def test_live_flags_for_closed_and_prying_questions(path):
    w = question_planner(path)
    w.custom_text.value = "Do you enjoy the work?"
    assert "Could be answered with a yes or no." in w.custom_flags.value
    w.custom_text.value = "How old are you?"
    assert "private life" in w.custom_flags.value
    w.add_custom()
    assert "Question 1: Asks about their private life" in w.flags.value
    assert 'data-id="no_prying" data-passed="false"' in w.report.value
    w.custom_text.value = "What do you do first each morning?"
    assert w.custom_flags.value == ""


def test_hostile_question_is_escaped_everywhere(path):
    w = question_planner(path)
    w.custom_text.value = f"Do you see {HOSTILE} often?"
    assert w.add_custom()
    assert w.flush()
    assert saved_texts(path) == [f"Do you see {HOSTILE} often?"]
    html_shown = w.flags.value + w.report.value + w.custom_flags.value
    assert "<img" not in html_shown and "&lt;img src=x onerror=alert(1)&gt;" in html_shown
    w.custom_text.value = f"Do you see {HOSTILE} often?"
    assert w.add_custom() is False
    assert "Already in your plan" in w.message.value and "<img" not in w.message.value


def test_huge_question_is_refused_inline_and_kept(path):
    w = question_planner(path)
    huge = "What " + "x" * 100_000 + "?"
    w.custom_text.value = huge
    assert w.add_custom() is False
    assert "at most 500 characters" in w.custom_flags.value
    assert w.custom_text.value == huge
    assert w.questions == [] and not path.exists()


def test_corrupt_journal(path):
    path.write_text('{"schema_version": 1, "kind": "networking-workbook-journal", "contacts": 3}')
    before = path.read_bytes()
    w = question_planner(path)
    assert "section 'contacts' is int, not a list" in w.status.text
    w.add_required()
    assert w.save() is False and w.status.state == "error"
    assert path.read_bytes() == before
    assert len(w.questions) == 9


def test_a_question_with_an_invisible_control_character_is_refused_where_it_is_typed(path):
    w = question_planner(path)
    w.add_required()
    w.custom_text.value = "What surprised you most\x07 in your first year?"
    assert w.add_custom() is False
    assert w.custom_flags.value == (
        '<div class="wb-error" role="alert" style="color:#b42318">Your own question contains an invisible control '
        "character (U+0007); retype it and add it again.</div>")
    assert len(w.questions) == 9
    assert w.flush() and len(saved_texts(path)) == 9


def test_a_bad_question_on_disk_blocks_nothing_and_a_later_one_survives_a_restart(path):
    from workbook import Journal

    good = [{"text": q.text, "category": q.category, "source": "bank"} for q in required_questions()]
    Journal(path).save_record("question_plans", {"id": "q-1", "questions": good})
    # A hand-edited file with a control character in question 10 (its rules refuse it from now on).
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["question_plans"][0]["questions"].append({"text": "Why\x07 this field?", "category": None, "source": "custom"})
    path.write_text(json.dumps(doc), encoding="utf-8")
    w = question_planner(path)
    assert len(w.questions) == 10
    assert ("<li>Question 10 cannot be saved: it contains an invisible control character (U+0007). "
            "Remove it, then add it again in your own words.</li>") in w.flags.value
    w.custom_text.value = "Whom else would you suggest I speak with?"
    assert w.add_custom()
    assert w.flush() is False
    assert w.status.state == "partial"
    assert w.status.text.endswith("question(s) 10 left out (see the list below); the rest of your plan is saved")
    assert "question_plans" not in w.status.text and "[9]" not in w.status.text
    again = question_planner(path)  # a restart: the valid question added after the bad one is there
    assert again.questions[-1]["text"] == "Whom else would you suggest I speak with?"
    assert len(again.questions) == 10


def test_two_tabs_changing_the_plan_ask_before_replacing_it(path):
    first = question_planner(path)
    first.add_required()
    first.save()
    second = question_planner(path)
    first.plan_list.value = 0
    first.remove()
    assert first.flush()
    second.plan_list.value = 8
    second.move(-1)
    assert second.flush() is False
    assert len(saved_texts(path)) == 8  # the first tab's plan, untouched
    [clash] = second.conflict_box.children
    assert "<strong>Your plan</strong> was changed in another tab" in clash.children[0].value
    clash.children[2].click()  # Use the other
    assert len(second.questions) == 8 and second.plan_list.options[0][0].startswith("1. ")
    assert second.status.state == "saved"
