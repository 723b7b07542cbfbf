"""Which of a table's cells are of the kind a question asks for, by their form and their table's unit.

A mixin of :class:`qa.reading.readers.table.TableReader` (it needs ``data``, ``cells`` and
``tables``): a row of unlabelled cells ("Lowest Quarter: | -6.88% | 1Q 2022") gives a "when"
question its date and an amount question its one amount; a table's corner label states the unit
of all its cells ("Annual fund operating expenses (%)", "Expenses ($)"); a table of mostly "$"
cells prints what an investor would pay.

Not handled: units stated in a title above the table or in a column's own label.
"""
from __future__ import annotations

import re

from qa.reading.readers.base import cell_value
from qa.understanding import kinds
from qa.understanding.questions import Question

_UNIT = re.compile(r"\((%|\$)\)")


class TableKinds:
    """Cells by kind and unit for the table reader (needs ``data``, ``cells``, ``tables``)."""

    def _of_kind(self, question: Question, match: list[int]) -> list[int]:
        """Of a row's unlabelled cells, the one of the kind asked: a date for "when", else the
        one amount (:meth:`_the_amount`)."""
        if question.kind in ("date", "year"):
            dates = [i for i in match if kinds.is_date(cell_value(self.data.chunks, self.data.sources, i))]
            return dates if len(dates) == 1 else []
        return self._the_amount(question, match)

    def _the_amount(self, question: Question, match: list[int]) -> list[int]:
        """Of a row's unlabelled cells ("1Q 2022" | "(4.95%)"), the one amount an amount
        question asks for; none when the question or the cells leave it open."""
        if not kinds.expects_amount(question.kind):
            return []
        values = {i: cell_value(self.data.chunks, self.data.sources, i) for i in match}
        amounts = [i for i, v in values.items() if kinds.is_amount(v) and not kinds.is_date(v)]
        return amounts if len(amounts) == 1 else []

    def _unit(self, key: tuple[str, int]) -> str:
        """The unit a table's corner label states for all its cells: "%" of "Annual fund operating
        expenses (%)", "$" of "Expenses ($)", else ""."""
        table = self.data.chunks[self.tables[key]] if key in self.tables else None
        if table is None:
            return ""
        corner = self.data.sources[table.doc_id][table.start:table.end].lstrip("| ").split("|", 1)[0]
        found = _UNIT.search(corner)
        return found.group(1) if found else ""

    def _costs(self, key: tuple[str, int]) -> bool:
        """Whether a table prints dollar costs: most of its cells are amounts in "$" (an expense
        example), so a question asking what an investor would pay may look it up unretrieved."""
        values = [cell_value(self.data.chunks, self.data.sources, i) for i in self.cells.get(key, [])]
        return len(values) >= 2 and sum(v.lstrip("(").startswith("$") for v in values) * 2 > len(values)

    def _fits(self, question: Question, chunk_ids: list[int]) -> bool:
        return all(kinds.agrees(question.kind, cell_value(self.data.chunks, self.data.sources, i)) for i in chunk_ids)
