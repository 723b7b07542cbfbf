"""HTML tables into a clean grid of cells, rendered as a pipe table :mod:`qa.parsing.pipe_tables` reads.

EDGAR's HTML tables are built for print, not for reading cell by cell:

- ``colspan``/``rowspan`` are expanded; a header spanning columns labels each of them;
- a number and its sign sit in separate cells (``$`` | ``1,159``, ``0.30`` | ``%``,
  ``(0.35`` | ``)%``): the fragments are joined into the number they belong to;
- spacer columns hold nothing and are dropped; columns of one header that a row fills at
  different positions (``None`` one cell to the right of where ``0.65`` stands) are merged, and so
  are columns of one header that split a value in two (``Non`` | ``e``); ``%(a)`` after a number
  is its sign and a footnote marker (the footnote stays below the table);
- a superscript footnote marker in a row label becomes ``(1)`` so the table model keeps it
  apart from the label; in a value cell it is dropped (the footnote itself stays below the table);
- a row label indented into the second column moves into the first.

:func:`classify` tells a data table from a layout table (one used to place prose or a bullet),
which the caller renders as prose.

Not handled: tables nested in a cell (their text joins the cell's), header rows in the
middle of a table other than those the pipe-table reader finds itself, and labels for
the label column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text.numbers import NONE_WORDS
from qa.text.numbers import is_printed_value as is_value

__all__ = ["Cell", "classify", "expand", "is_value", "render", "tidy", "tighten"]

_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_PREFIX = re.compile(r"^[$\u20ac\u00a3]$|^\($|^\(\s*[$\u20ac\u00a3]$|^[$\u20ac\u00a3]\s*\($")
_SUFFIX = re.compile(r"^(?:\)?\s*%\)?|\))$")
_MARKED_PERCENT = re.compile(r"^%\s*(?:\([a-z0-9]{1,2}\)|[*\u2020\u2021]{1,3})$")   # "%(a)": a sign and its footnote
_BULLET = re.compile(r"^(?:[\u2022\u25cf\u25aa\u25a0\u2023\u2043\u00b7o\-\u2013\u2014*]|\(?[a-z0-9]{1,3}[.)])$", re.IGNORECASE)
_INNER_SPACE = re.compile(r"(?<=[$\u20ac\u00a3(])\s+(?=[\d(.])|(?<=\d)\s+(?=[%)])|(?<=\))\s+(?=%)")
_FOOTNOTE = re.compile(r"^(?:\(?\d{1,2}\)?|[*\u2020\u2021\u00a7]{1,3}|\(?[a-z]\)?)$")


@dataclass
class Cell:
    """One ``<td>``/``<th>``: its text, span, and whether all of it was a superscript."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    sup_only: bool = False


def expand(rows: list[list[Cell]]) -> list[list[Cell | None]]:
    """The grid with spans expanded: a spanned position holds the spanning cell, marked by identity."""
    grid: list[list[Cell | None]] = []
    carry: dict[tuple[int, int], Cell] = {}
    for r, row in enumerate(rows):
        out: list[Cell | None] = []
        col = 0
        cells = iter(row)
        pending = next(cells, None)
        while pending is not None or (r, col) in carry:
            if (r, col) in carry:
                out.append(carry.pop((r, col)))
                col += 1
                continue
            cell = pending
            pending = next(cells, None)
            for k in range(min(cell.colspan, 200)):
                out.append(cell if k == 0 else _Span(cell, down=False))
                for down in range(1, min(cell.rowspan, 200)):
                    carry[(r + down, col + k)] = _Span(cell, down=k == 0)
            col += min(cell.colspan, 200)
        grid.append(out)
    width = max((len(r) for r in grid), default=0)
    return [r + [None] * (width - len(r)) for r in grid]


class _Span(Cell):
    """A grid position covered by a cell that starts elsewhere (left or above)."""

    def __init__(self, owner: Cell, down: bool):
        super().__init__(owner.text, header=owner.header, sup_only=owner.sup_only)
        self.owner, self.down = owner, down    # down: the first column of a cell spanning rows


def header_rows(grid: list[list[Cell | None]]) -> int:
    """How many leading rows are column labels: rows of words or years.  A row with its first
    cell filled ends them (it labels a body row), except as the first row of words, which may
    name the label column ("Title of each class | Trading symbol(s)")."""
    n, words = 0, 0
    for k, row in enumerate(grid):
        texts = [_own(c) for c in row]
        filled = [t for t in texts if t]
        if not filled:
            n += 1
            continue
        values = [t for t in filled if is_value(t) and not _YEAR.match(t)]
        labelled = bool(texts and texts[0])
        th = all(c is not None and c.header for c in row if c is not None and c.text)
        # a full row of words over rows of values labels columns, even with its first cell filled
        # ("Class | 1 Year | 5 Years | 10 Years" under "Since Inception")
        below = {c for r in grid[k + 1:] for c, cell in enumerate(r)
                 if _own(cell) and is_value(_own(cell)) and not _YEAR.match(_own(cell))}
        full = len(below) >= 2 and all(texts[c] for c in below)
        if values or (labelled and not th and not full and (len(filled) == 1 or words)):
            break
        n, words = n + 1, words + 1
    return n if n < len(grid) else 0


def _own(cell: Cell | None) -> str:
    """Text a position contributes to a body row: a cell spanning rows repeats in each of them
    (a manager's name beside each of two titles); one spanning columns counts once."""
    if cell is None or (isinstance(cell, _Span) and not cell.down):
        return ""
    return cell.text


def _header_text(cell: Cell | None) -> str:
    return "" if cell is None else cell.text


def tighten(text: str) -> str:
    """A number printed with spaces inside ("$ 401", "( 0.35 )%") as one token, when it is one."""
    tight = _INNER_SPACE.sub("", text)
    return tight if tight != text and is_value(tight) else text


def merge_fragments(row: list[str], sup: list[bool], label_col: int) -> list[str]:
    """Join ``$`` | ``1,159`` and ``0.30`` | ``%`` or ``(0.03%`` | ``)`` into one cell; a lone ``%``
    right after the row label is the row's unit (each number after it takes it); other lone
    signs, and superscript markers in value cells, are dropped."""
    row = [tighten(t) if i > label_col else t for i, t in enumerate(row)]
    filled = [i for i, t in enumerate(row) if t]
    for a, b in zip(filled, filled[1:]):
        if a > label_col and row[a] and _PREFIX.match(row[a]) and is_value(row[a] + row[b]):
            row[b], row[a] = row[a] + row[b], ""
    filled = [i for i, t in enumerate(row) if t]
    for a, b in zip(filled, filled[1:]):
        if a > label_col and row[a] and _SUFFIX.match(row[b]) and is_value(row[a] + row[b]):
            row[a], row[b] = row[a] + row[b], ""
        elif a > label_col and row[a] and _MARKED_PERCENT.match(row[b]) and is_value(row[a] + "%"):
            row[a], row[b] = row[a] + "%", ""           # the marker's footnote stays below the table
    for i, t in enumerate(row):
        if t and sup[i] and _FOOTNOTE.match(t):
            prev = max((j for j in range(i) if row[j]), default=None)
            if prev is not None and prev <= label_col:
                row[prev] = f"{row[prev]}({t.strip('()')})"
            row[i] = ""
    return _lone_signs(row, label_col)


def _lone_signs(row: list[str], label_col: int) -> list[str]:
    for i, t in enumerate(row):
        if i <= label_col or not (_SUFFIX.match(t) or _PREFIX.match(t)):
            continue
        unit = t == "%" and not any(row[label_col + 1:i])
        row[i] = ""
        if unit:
            for j in range(i + 1, len(row)):
                if row[j] and is_value(row[j] + "%") and row[j].lower() not in NONE_WORDS:
                    row[j] += "%"
    return row


def _complementary(body: list[list[str]], a: int, b: int) -> bool:
    return all(not (r[a] and r[b]) for r in body)


def _pieces(body: list[list[str]], a: int, b: int) -> bool:
    """Whether two columns under one spanning header hold one value split in two wherever both
    are filled ("Non" | "e" for "None"), so they are one column."""
    both = [r for r in body if r[a] and r[b]]
    return bool(both) and all(is_value(r[a] + r[b]) and not is_value(r[a]) for r in both)


def _continued_labels(body: list[list[str]]) -> None:
    """A data row that leaves the first label column empty under a row with both label columns
    filled continues that row's label: "Class C | Sold | $255" over " | Held | $155" makes the
    second row "Class C Held" (a label indented into the second column is left to move)."""
    def words(text: str) -> bool:
        return bool(text) and not is_value(text)
    above = ""
    for row in body:
        if len(row) < 3:
            continue
        if row[0]:
            above = row[0] if words(row[1]) else ""
        elif above and words(row[1]) and any(v and is_value(v) for v in row[2:]):
            row[0], row[1] = f"{above} {row[1]}", ""


def tidy(grid: list[list[Cell | None]], n_head: int | None = None) -> tuple[list[list[str]], list[list[str]]]:
    """Header rows and body rows of a grid, fragments joined and spacer columns dropped."""
    n_head = header_rows(grid) if n_head is None else n_head
    head = [[_header_text(c) for c in row] for row in grid[:n_head]]
    body = [merge_fragments([_own(c) for c in row], [bool(c and c.sup_only) for c in row], 0)
            for row in grid[n_head:]]
    _continued_labels(body)
    for row in body:                                   # a label indented into the second column
        if len(row) > 1 and not row[0] and row[1] and not is_value(row[1]):
            row[0], row[1] = row[1], ""
    keep = [c for c in range(len(grid[0]) if grid else 0) if any(r[c] for r in body) or c == 0]
    if len(keep) > 2 and not any(r[keep[0]] for r in body):        # labels stand one column in
        keep = keep[1:]
    head = [[r[c] for c in keep] for r in head]
    body = [[r[c] for c in keep] for r in body]
    c = 1
    while c < (len(body[0]) if body else 0) - 1:
        same = all(h[c] == h[c + 1] for h in head) and any(h[c] for h in head)
        if same and (_complementary(body, c, c + 1) or _pieces(body, c, c + 1)):
            for r in body:
                r[c] = r[c] + r[c + 1]
                del r[c + 1]
            for h in head:
                del h[c + 1]
        else:
            c += 1
    return head, body


def continued(head: list[list[str]], body: list[list[str]], above: list[list[str]] | None) -> list[list[str]]:
    """The header rows of a table that goes on the one right above it: a table printed without
    column labels, as wide as the one above, takes its labels ("Annual Fund Operating Expenses"
    rows under the "Institutional Shares | Investor Shares" of the shareholder-fee table above);
    else its own header rows."""
    width = len(body[0]) if body else 0
    if any(any(r[1:]) for r in head) or not above or width < 3:
        return head
    labels = [r for r in above if any(r[1:])]
    if not labels or any(len(r) != width for r in labels):
        return head
    return [[""] + r[1:] for r in labels]


def classify(head: list[list[str]], body: list[list[str]]) -> str:
    """"grid" for a data table, "bullets" for a list laid out as a table, "prose" for layout."""
    width = len(body[0]) if body else 0
    if width <= 1 or not body:
        return "prose"
    cols = [[r[c] for r in body if r[c]] for c in range(width)]
    used = [c for c in cols if c]
    if len(used) == 2 and cols[0] and all(_BULLET.match(t) for t in cols[0]):
        return "bullets"
    longest = max(len(t.split()) for r in body for t in r if t) if any(any(r) for r in body) else 0
    if len(used) <= 2 and longest > 40:
        return "prose"
    if len(used) <= 1 or _sentences(body):
        return "prose"
    return "grid"


def _sentences(body: list[list[str]]) -> bool:
    """Cells of sentences, not values: no number anywhere but years, and the cells beside the
    label run to eight words or more on average (a list of managers' biographies in a grid)."""
    values = [t for r in body for t in r[1:] if t]
    if not values or any(is_value(t) and not _YEAR.match(t) for r in body for t in r if t):
        return False
    return sum(len(t.split()) for t in values) / len(values) >= 8


def render(head: list[list[str]], body: list[list[str]]) -> str:
    """A pipe table: the header rows (or one empty row), the rule, then the body."""
    width = len(body[0])
    head = [r for r in head if any(r)]
    clean = [[t.replace("|", "/") for t in r] for r in head or [[""] * width]]
    lines = ["| " + " | ".join(r) + " |" for r in clean]
    lines.append("|" + "---|" * width)
    lines += ["| " + " | ".join(t.replace("|", "/") for t in r) + " |" for r in body if any(r)]
    return "\n".join(lines)
