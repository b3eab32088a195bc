"""Display-only cells are skipped while grading; graded, locked and answer cells always run."""

import errno

import nbformat
import pytest
import zmq
from jupyter_client import AsyncKernelManager
from traitlets.config.loader import PyFileConfigLoader

from support.paths import REPO
from workbook.grading.execute import DISPLAY_ONLY_TAG, ExecuteSkippingDisplays, must_run

WIDGET_CALLS = ("interview_recorder(", "follow_up_tracker(", "thank_you_drafter(", "reflection(answers",
                "network_map(", "pitch_builder(", "question_planner(", "request_email_drafter(")


def cell(source, tags=(), **nbgrader):
    new = nbformat.v4.new_code_cell(source)
    if tags:
        new.metadata["tags"] = list(tags)
    if nbgrader:
        new.metadata["nbgrader"] = {"schema_version": 3, "grade_id": f"c{abs(hash(source)) % 10**6}",
                                    "grade": False, "solution": False, "locked": False, **nbgrader}
    return new


def marker(name):
    return f"open({name!r}, 'w').write('ran')"


@pytest.mark.slow
def test_only_display_cells_are_skipped_in_a_real_kernel(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        cell(marker("widget"), tags=[DISPLAY_ONLY_TAG]),
        # A student tags a locked test cell to switch it off: it still runs, and still fails.
        cell(marker("test") + "\nassert False, 'the check failed'", tags=[DISPLAY_ONLY_TAG, "x"],
             grade=True, locked=True, points=1),
        cell(marker("answer"), tags=[DISPLAY_ONLY_TAG], solution=True),
        # nbclient's own skip tag no longer switches anything off.
        cell(marker("plain"), tags=["skip-execution"]),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    # Unsandboxed, so the markers land in tmp_path (a sandboxed kernel writes in a private copy).
    step = ExecuteSkippingDisplays(timeout=60, sandbox=False)
    ran, _ = step.preprocess(notebook, {"metadata": {"path": str(tmp_path)}})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answer", "plain", "test"]
    assert ran.cells[0].outputs == [] and ran.cells[0].metadata.tags == [DISPLAY_ONLY_TAG]
    assert [o.get("evalue") for o in ran.cells[1].outputs] == ["the check failed"]
    assert ran.cells[1].metadata.tags == ["x"]
    assert DISPLAY_ONLY_TAG not in ran.cells[2].metadata.tags


def test_must_run():
    assert not must_run(cell("x"))
    assert must_run(cell("x", grade=True, points=1))
    assert must_run(cell("x", solution=True))
    assert must_run(cell("x", locked=True))


def test_the_course_runs_this_step_with_nbgraders_execute_settings():
    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    # The submission is judged from its data first, before any of its code runs.
    assert config.Autograde.autograde_preprocessors[:2] == [
        "workbook.grading.read_submission.ReadSubmission", "workbook.grading.execute.ExecuteSkippingDisplays"]
    step = ExecuteSkippingDisplays(config=config)
    assert (step.timeout, step.interrupt_on_timeout, step.shutdown_kernel) == (10, True, "immediate")
    assert step.skip_cells_with_tag == DISPLAY_ONLY_TAG


@pytest.mark.parametrize("folder", ["source", "release"])
def test_widget_and_self_check_cells_are_tagged_and_nothing_graded_is(folder):
    for path in sorted((REPO / folder).glob("*/*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        for number, code in enumerate(c for c in notebook.cells if c.cell_type == "code"):
            tagged = DISPLAY_ONLY_TAG in code.metadata.get("tags", [])
            shows_widget = any(call in code.source for call in WIDGET_CALLS)
            if must_run(code):
                assert not tagged, f"{path.name} code cell {number} counts for grading"
            elif shows_widget or "show_reflection" in code.source:
                # Widgets are for students; the reflection's display is for the grader, so it runs.
                assert tagged == shows_widget, f"{path.name} code cell {number}"


class _RacedForAPort(AsyncKernelManager):
    """A real kernel manager whose first start fails as two kernels racing for one TCP port do."""

    starts = 0

    async def start_kernel(self, **kwargs):
        type(self).starts += 1
        if type(self).starts == 1:
            raise zmq.ZMQError(errno.EADDRINUSE)
        return await super().start_kernel(**kwargs)


@pytest.mark.slow
def test_a_kernel_that_fails_to_start_is_started_again_and_never_blamed_on_the_student(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[cell(marker("ran"))], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    raced = type("Raced", (_RacedForAPort,), {"starts": 0})
    step = ExecuteSkippingDisplays(timeout=60, sandbox=False, kernel_manager_class=raced)
    ran, _ = step.preprocess(notebook, {"metadata": {"path": str(tmp_path)}})
    assert raced.starts == 2 and (tmp_path / "ran").read_text() == "ran"
    assert [o.output_type for o in ran.cells[0].outputs] == ["execute_result"]  # no error: it ran once, as usual
    once = type("RacedOnce", (_RacedForAPort,), {"starts": 0})  # with no second attempt allowed, it says why
    with pytest.raises(zmq.ZMQError):
        ExecuteSkippingDisplays(timeout=60, sandbox=False, kernel_manager_class=once,
                                kernel_start_attempts=1).preprocess(notebook, {"metadata": {"path": str(tmp_path)}})
