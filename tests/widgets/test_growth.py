"""The growth figure (pure, workbook.plots) and the growth plot widget."""

import datetime as dt
import io
import sys

import pytest

from support.paths import REPO
from workbook import Journal
from workbook.course.plan import load_plan
from workbook.journal.schema import empty_document
from workbook.journal.vocabulary import CATEGORIES
from workbook.plots.figure import CATEGORY_COLOURS, growth_figure, referral_layout, term_window
from workbook.plots.growth import weekly_figures
from workbook.widgets import growth_plot

PLAN_FILE = REPO / "assignments" / "course_plan.toml"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def path(tmp_path):
    j = Journal(tmp_path / "journal.json")
    a = j.add_contact(name="Ana $\\frac{$", category="work", added="2026-09-09")
    b = j.add_contact(name="Bo", category="school", added="2026-09-21", introduced_by=a["id"])
    j.add_contact(name="<b>Cy</b>", category="alumni", added="2026-10-01", introduced_by=b["id"])
    j.log_interaction(b["id"], "informational_interview", date="2026-10-02")
    return j.path


def test_term_window_uses_the_plan_or_the_first_contacts_monday():
    doc = empty_document()
    doc["contacts"] = [{"id": "a", "added": "2026-09-17"}, {"id": "b", "added": "2026-09-10"}, {"id": "c"}]
    assert term_window(doc) == (dt.date(2026, 9, 7), 12)
    assert term_window(empty_document(), today=dt.date(2026, 1, 1)) == (dt.date(2025, 12, 29), 12)
    plan = load_plan(PLAN_FILE)
    assert term_window(doc, plan) == (plan.term_start, plan.weeks)


def test_referral_layout_places_chains_by_depth():
    assert referral_layout([("a", "b"), ("b", "c"), ("a", "d")]) == {
        "a": (0.0, 0.0), "b": (1.0, 0.0), "c": (2.0, 0.0), "d": (1.0, 1.0)}
    loop = referral_layout([("x", "y"), ("y", "x")])
    assert set(loop) == {"x", "y"}
    assert referral_layout([]) == {}


def test_growth_figure_draws_categories_interviews_and_plain_text_names(path):
    doc = Journal(path).read()
    figures = weekly_figures(doc, dt.date(2026, 9, 7), 12)
    names = {c["id"]: c["name"] for c in doc["contacts"]}
    edges = [(c["introduced_by"], c["id"]) for c in doc["contacts"] if c["introduced_by"]]
    fig = growth_figure(figures, dt.date(2026, 9, 7), referrals=edges, names=names)
    growth, chains = fig.axes
    assert [t.get_text() for t in growth.get_legend().get_texts()] == [
        CATEGORIES["school"], CATEGORIES["alumni"], CATEGORIES["work"], "Informational interviews"]
    assert list(growth.lines[0].get_ydata()) == figures["interviews"]
    assert growth.collections[0].get_facecolor()[0][:3] == pytest.approx(
        tuple(int(CATEGORY_COLOURS["school"][i:i + 2], 16) / 255 for i in (1, 3, 5)))
    # Arrows are text-less annotations; the boxes hold the names.
    assert sorted(" ".join(t.get_text().split()) for t in chains.texts if t.get_text()) == sorted(names.values())
    assert all(not t.get_parse_math() for t in chains.texts if t.get_text())
    # A broken formula in a name would make mathtext raise on drawing; it must stay text.
    fig.savefig(io.BytesIO(), format="png")
    alone = growth_figure(figures)
    assert len(alone.axes) == 1


def _visible_text_boxes(fig):
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    boxes = []
    for ax in fig.axes:
        texts = [t for t in ax.texts if t.get_text()] + [ax._left_title, ax.xaxis.label, ax.yaxis.label]
        if ax.axison:
            texts += ax.get_xticklabels() + ax.get_yticklabels()
        boxes += [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_text() and t.get_visible()]
        if ax.get_legend() is not None:
            boxes.append(("the legend", ax.get_legend().get_window_extent(renderer)))
    return boxes


def test_no_label_of_the_figure_overlaps_another_even_with_long_names_and_chains(tmp_path):
    import itertools

    j = Journal(tmp_path / "journal.json")
    parent = j.add_contact(name="Dr. Kwame Mensah-Asante of the School of Public Health", category="school",
                           added="2026-09-09")
    for n in range(6):
        child = j.add_contact(name=f"Zoë Ñúñez-Okafor the {n}th, Senior Epidemiologist", category="alumni",
                              added="2026-09-2{}".format(n), introduced_by=parent["id"])
        j.add_contact(name=f"Sibling {n} with a rather long name indeed", category="work", added="2026-10-01",
                      introduced_by=parent["id"])
        parent = child
    doc = j.read()
    names = {c["id"]: c["name"] for c in doc["contacts"]}
    edges = [(c["introduced_by"], c["id"]) for c in doc["contacts"] if c["introduced_by"]]
    fig = growth_figure(weekly_figures(doc, dt.date(2026, 9, 7), 12), dt.date(2026, 9, 7),
                        referrals=edges, names=names)
    clashes = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(_visible_text_boxes(fig), 2)
               if box_a.overlaps(box_b)]
    assert clashes == []


def test_widget_shows_a_png_and_an_escaped_summary(path):
    w = growth_plot(path, plan=PLAN_FILE)
    assert w.png.startswith(PNG)
    plan = load_plan(PLAN_FILE)  # whatever term the shipped plan is set to
    assert w.figures["contacts"] == weekly_figures(Journal(path).read(), plan.term_start, plan.weeks)["contacts"]
    assert "3 contact(s), 1 informational interview(s)" in w.summary.value
    assert "<li>Bo introduced &lt;b&gt;Cy&lt;/b&gt;</li>" in w.summary.value
    assert "No course plan found" not in w.summary.value
    assert w.image.value.startswith("<img class='wb-growth' src='data:image/png;base64,")
    assert ("alt='Chart of your network week by week, by group, with your interviews. By the end of week 12: "
            "3 contact(s), 1 informational interview(s), 0 thank-you note(s) on time. 2 introduction(s), "
            "listed below the chart.'") in w.image.value


def test_widget_falls_back_without_a_plan_and_refreshes(path, tmp_path):
    w = growth_plot(path, plan=tmp_path / "missing.toml")
    assert "No course plan found" in w.summary.value and "showing 12 weeks from your first contact" in w.summary.value
    assert len(w.figures["contacts"]) == 12
    Journal(path).add_contact(name="Di", category="online", added="2026-09-10")
    w.refresh_button.click()
    assert w.figures["contacts"][-1] == 4


def test_widget_on_a_corrupt_journal(tmp_path):
    path = tmp_path / "journal.json"
    path.write_text("nope")
    w = growth_plot(path, plan=tmp_path / "missing.toml")
    assert "is not valid JSON" in w.status.text
    assert w.png.startswith(PNG)
    assert "0 contact(s)" in w.summary.value
    assert path.read_text() == "nope"


def test_importing_the_widgets_package_is_cheap():
    import subprocess

    code = ("import sys, workbook.widgets; "
            "print(sorted(m for m in ('matplotlib', 'pandas', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
