"""Finding hidden-test code in a feedback page, however nbconvert highlighted and escaped it."""

from workbook.grading.feedback import hidden_snippets, leaked_snippets, page_text

SOURCE = {"cells": [
    {"cell_type": "code", "source": "answer = None  # type your answer", "metadata": {}},
    {"cell_type": "code", "metadata": {}, "source": [
        "assert answer is not None, 'set answer'\n",
        "### BEGIN HIDDEN TESTS\n",
        "assert answer == '<42>', \"answer & more\"\n",
        "pass\n",
        "assert answer is not None, 'set answer'\n",
        "### END HIDDEN TESTS",
    ]},
]}

HIDDEN = "assert answer == '<42>', \"answer & more\""


def test_only_lines_found_solely_inside_hidden_regions_count_as_secret():
    # "pass" is too short to prove anything; the repeated visible assert is not a secret.
    assert hidden_snippets(SOURCE) == [HIDDEN]


def test_a_highlighted_escaped_traceback_line_is_still_recognised():
    page = (
        "<html><head><style>.k { color: green } assert answer == '<42>'</style></head><body>"
        '<pre><span class="k">assert</span> <span class="n">answer</span> <span class="o">==</span> '
        '<span class="s1">&#39;&lt;42&gt;&#39;</span>,\n   <span class="s2">&quot;answer &amp; more&quot;</span>'
        "</pre></body></html>"
    )
    assert leaked_snippets(page, [HIDDEN]) == [HIDDEN]


def test_a_page_with_the_check_message_only_is_clean():
    page = ("<pre>AssertionError: set answer</pre><p>Student wrote: &lt;img src=x onerror=alert(1)&gt;</p>"
            "<script>var hidden = \"assert answer == '<42>', \\\"answer & more\\\"\";</script>")
    assert leaked_snippets(page, [HIDDEN]) == []
    assert page_text(page) == "AssertionError: set answerStudent wrote: <img src=x onerror=alert(1)>"


def test_broken_html_and_unicode_do_not_stop_the_check():
    page = "<div><pre>résumé ✓ <span>assert answer == '&lt;42&gt;', \"answer &amp; more\"</div"
    assert leaked_snippets(page, [HIDDEN]) == [HIDDEN]
    assert hidden_snippets({"cells": []}) == []
    assert hidden_snippets({"cells": [{"cell_type": "markdown", "source": "### BEGIN HIDDEN TESTS\nnever closed but secret"}]}) \
        == ["never closed but secret"]


def test_a_feedback_folder_keeps_its_pages_and_the_two_files_release_feedback_reads(tmp_path):
    from workbook.grading.feedback_files import remove_all_but_pages

    good, bad = tmp_path / "good", tmp_path / "bad"
    for folder in (good, bad):
        folder.mkdir()
        (folder / "informational_interview.html").write_text("<p>page</p>")
        (folder / "journal.json").write_text("{}")
        (folder / "informational_interview.html.d").mkdir()
    (good / "timestamp.txt").write_text("2026-10-25 14:03:11.000000 UTC")
    (good / "submission_secret.txt").write_text("0f" * 64)
    (bad / "timestamp.txt").write_text("2026-10-25 14:03:11 UTC\n" + "SQLite format 3 " * 20)  # more than a time
    (bad / "submission_secret.txt").write_text("root:x:0:0:root:/root:/bin/bash")
    removed = remove_all_but_pages(good) + remove_all_but_pages(bad)
    assert sorted(p.name for p in good.iterdir()) == [
        "informational_interview.html", "submission_secret.txt", "timestamp.txt"]
    assert sorted(p.name for p in bad.iterdir()) == ["informational_interview.html"]
    assert sorted(str(p.relative_to(tmp_path)) for p in removed) == [
        "bad/informational_interview.html.d", "bad/journal.json", "bad/submission_secret.txt", "bad/timestamp.txt",
        "good/informational_interview.html.d", "good/journal.json"]
