"""The class's week-by-week figures, aggregated from each student's counts.

Pure Python and one pass: students are added one at a time and only their
per-week numbers are kept, so 5,000 journals cost a few megabytes.
Every figure is cumulative, "by the end of week N", like plots.growth.

Quartiles use linear interpolation between the two nearest ranks (the
"inclusive" method of ``statistics.quantiles``, numpy's default): for the
sorted values v[0..n-1], the p-quantile is read at position (n - 1) * p.
The median is the 0.5-quantile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..journal.vocabulary import CATEGORIES
from .read import StudentFigures


@dataclass(frozen=True)
class WeekFigures:
    """The class at the end of one week of the term."""

    week: int
    week_start: dt.date
    students: int
    contacts_total: int
    contacts_median: float
    contacts_q1: float
    contacts_q3: float
    contacts_by_category: dict[str, int]
    interviews_total: int
    students_interviewed: int
    thank_yous_on_time_total: int


@dataclass(frozen=True)
class ClassFigures:
    """The whole term, one WeekFigures per week."""

    term_start: dt.date
    weeks: int
    students: int
    rows: tuple[WeekFigures, ...]

    def series(self, name: str) -> list:
        """One WeekFigures field across the term, e.g. ``series("contacts_median")``."""
        return [getattr(row, name) for row in self.rows]

    def category_series(self, category: str) -> list[int]:
        return [row.contacts_by_category[category] for row in self.rows]


def quantile(sorted_values: list, p: float) -> float:
    """The p-quantile (0 <= p <= 1) of an ascending, non-empty list, by linear interpolation."""
    if not sorted_values:
        raise ValueError("no values to take a quantile of")
    if not 0 <= p <= 1:
        raise ValueError(f"p must be from 0 to 1, not {p}")
    position = (len(sorted_values) - 1) * p
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


class ClassAccumulator:
    """Collects students one by one; ``result()`` gives the ClassFigures."""

    def __init__(self, term_start: dt.date, weeks: int):
        self.term_start = term_start
        self.weeks = weeks
        self.students = 0
        self._contacts = [[] for _ in range(weeks)]  # per week: every student's count
        self._by_category = {key: [0] * weeks for key in CATEGORIES}
        self._interviews = [0] * weeks
        self._interviewed = [0] * weeks
        self._thank_yous = [0] * weeks

    def add(self, student: StudentFigures) -> None:
        if len(student.contacts) != self.weeks:
            raise ValueError(f"{student.student}: counts for {len(student.contacts)} weeks, expected {self.weeks}")
        self.students += 1
        for week in range(self.weeks):
            self._contacts[week].append(student.contacts[week])
            self._interviews[week] += student.interviews[week]
            self._interviewed[week] += student.interviews[week] > 0
            self._thank_yous[week] += student.thank_yous_on_time[week]
        for key, totals in self._by_category.items():
            counts = student.by_category.get(key, ())
            for week, count in enumerate(counts):
                totals[week] += count

    def result(self) -> ClassFigures:
        if not self.students:
            raise ValueError("no students to aggregate")
        rows = []
        for week in range(self.weeks):
            counts = sorted(self._contacts[week])
            rows.append(WeekFigures(
                week=week + 1,
                week_start=self.term_start + dt.timedelta(weeks=week),
                students=self.students,
                contacts_total=sum(counts),
                contacts_median=quantile(counts, 0.5),
                contacts_q1=quantile(counts, 0.25),
                contacts_q3=quantile(counts, 0.75),
                contacts_by_category={key: totals[week] for key, totals in self._by_category.items()},
                interviews_total=self._interviews[week],
                students_interviewed=self._interviewed[week],
                thank_yous_on_time_total=self._thank_yous[week],
            ))
        return ClassFigures(self.term_start, self.weeks, self.students, tuple(rows))


def aggregate(students, term_start: dt.date, weeks: int) -> ClassFigures:
    """ClassFigures for an iterable of StudentFigures (at least one)."""
    accumulator = ClassAccumulator(term_start, weeks)
    for student in students:
        accumulator.add(student)
    return accumulator.result()
