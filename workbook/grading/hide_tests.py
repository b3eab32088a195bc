"""A feedback preprocessor that keeps hidden tests hidden (nbgrader issue #917).

The autograded notebook holds every test cell with its hidden tests put
back, and ``generate_feedback`` renders it as it is, so by default students
read the hidden tests in their feedback. This preprocessor, added to
``GenerateFeedback.preprocessors`` in nbgrader_config.py, removes the
hidden-test regions from each test cell and reduces that cell's error
tracebacks to their last line (the check's message): a traceback quotes the
source lines around the failure, which may be hidden ones.
"""

from __future__ import annotations

from nbgrader.preprocessors import ClearHiddenTests
from traitlets import List, Unicode


class HideHiddenTests(ClearHiddenTests):
    """Remove hidden-test source, and tracebacks that could quote it, from the feedback."""

    # nbconvert's HTML exporter configures display_data_priority for every step; nbgrader's preprocessors
    # do not declare it as configurable, so without this each feedback page logs a spurious warning.
    display_data_priority = List().tag(config=True)

    note = Unicode(
        "# (hidden tests are not shown)",
        help="A line put where a hidden-test region was removed (empty: leave no trace).",
    ).tag(config=True)

    def _remove_hidden_test_region(self, cell) -> bool:
        removed = super()._remove_hidden_test_region(cell)
        if removed and self.note:
            cell.source = cell.source.rstrip("\n") + "\n" + self.note
        return removed

    def preprocess_cell(self, cell, resources, cell_index):
        """Strip hidden regions; where some were stripped, shorten the cell's tracebacks."""
        # Feedback comes from already graded notebooks: never refuse one over metadata.
        self.enforce_metadata = False
        removed = self._remove_hidden_test_region(cell)
        if removed and cell.cell_type == "code":
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}".rstrip(": ")
                    output["traceback"] = [message]
        return cell, resources
