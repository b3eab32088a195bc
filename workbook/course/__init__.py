"""The course: its folder, its plan for the term, its chapter order, and nbgrader started on it.

May import: ``workbook.errors``, ``workbook.markup`` and nbgrader (inside functions only, so the chapter
notebooks never load it).

- ``root``: the one way a course folder is found, and the fixed names in it;
- ``directory``: ``Course``, the folder with its plan, nbgrader application and gradebook;
- ``plan``: the term's dates, due dates, points and late policies (assignments/course_plan.toml);
- ``chapter``: the chapter's notebooks in order and the schedule of what is due when;
- ``gradebook``: the plan and a roster CSV applied to nbgrader's gradebook;
- ``toml_file``: a course file in TOML read with errors that name the file (the plan, the vocabulary).
"""

from .directory import Course
from .plan import AssignmentPlan, CoursePlan, load_plan
from .root import find_root

__all__ = ["AssignmentPlan", "Course", "CoursePlan", "find_root", "load_plan"]
