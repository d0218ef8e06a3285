"""Search results across kinds of record, grouped (works, people and organisations, sources,
events), each group with its count, each hit with the field it matched in and the match shown;
more hits are read a page at a time when asked for, never all at once."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from nkarchive.korean import search_key, search_keys
from nkarchive.model import vocab
from nkarchive.search import Hit, SearchResult
from nkarchive.store.catalogue import Catalogue

Index = QModelIndex | QPersistentModelIndex
PAGE = 50  # hits read per group at a time
# Kinds in the navigator's order, with what a group of them is called.
GROUPS: dict[str, tuple[str, str, str]] = {
    # kind: (heading, one, many)
    "work": ("Works", "work", "works"),
    "agent": ("People & organisations", "person or organisation", "people and organisations"),
    "source": ("Sources", "source", "sources"),
    "event": ("Events", "event", "events"),
}
ROW_TYPE_ROLE = Qt.ItemDataRole.UserRole + 20
KIND_ROLE = Qt.ItemDataRole.UserRole + 21
UUID_ROLE = Qt.ItemDataRole.UserRole + 22
FIELD_ROLE = Qt.ItemDataRole.UserRole + 23
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 24
COUNT_ROLE = Qt.ItemDataRole.UserRole + 25  # a group's count (and the navigator's counts)
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 26  # a hit's year, number or type
GROUP_ROW, HIT_ROW, MORE_ROW = "group", "hit", "more"
# Values of these fields are codes or facts, never words to be seen in a snippet.
_CODE_FIELDS = frozenset({"has", "missing", "confidence", "class", "event", "country"})
_KEYWORDS = frozenset({"and", "or", "not"})
_TOKEN = re.compile(r'(-?)(?:([A-Za-z_]+):)?(?:"([^"]*)"?|([^\s()"]+))')
_IGNORED = frozenset("'’‘ʼ`-‐‑")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")


def count_text(count: int, kind: str) -> str:
    """ "1 work", "1,234 works", "no sources"."""
    _heading, one, many = GROUPS[kind]
    if count == 0:
        return f"no {many}"
    return f"{count:,} {one if count == 1 else many}"


# -- what tells two hits apart ------------------------------------------------------------

# A short line beside each hit's name: two works both called 약속 differ by year and number.
_DETAILS = {
    "work": "SELECT id, production_date, identifier FROM work WHERE id IN ({ids})",
    "agent": "SELECT id, dates, agent_type FROM agent WHERE id IN ({ids})",
    "source": "SELECT id, date, container_title FROM source WHERE id IN ({ids})",
    "event": "SELECT id, date, event_type FROM event WHERE id IN ({ids})",
}
_CODES = {"agent": vocab.AGENT_TYPES, "event": vocab.EVENT_TYPES}


def hit_details(catalogue: Catalogue, hits_by_kind: dict[str, list[Hit]]) -> dict[str, str]:
    """uuid → "1969 · NKA-0012" (works), "1926–2006 · Person", "1985-07 · Rodong Sinmun",
    "1972 · Festival showing"; read on the worker with the hits, for one page only."""
    details: dict[str, str] = {}
    with catalogue.engine.connect() as connection:
        for kind, hits in hits_by_kind.items():
            if not hits or kind not in _DETAILS:
                continue
            by_id = {hit.record_id: hit.uuid for hit in hits}
            ids = ", ".join(str(int(i)) for i in by_id)
            for record_id, first, second in connection.execute(
                text(_DETAILS[kind].format(ids=ids))
            ):
                codes = _CODES.get(kind)
                if codes is not None and second:
                    second = codes.label(second)
                parts = [str(part) for part in (first, second) if part]
                details[by_id[record_id]] = " · ".join(parts)
    return details


# -- showing the match ------------------------------------------------------------------------


def _fold(character: str) -> str:
    """One character as the match sees it: no case, no diacritics, no apostrophes or hyphens
    (as the index folds them), so that "pibada" is seen in "P'ibada" and "ŏ" in "o"."""
    if character in _IGNORED:
        return ""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", character) if not unicodedata.combining(c)
    )
    # Composed again, so that a Hangul syllable (which NFD splits into jamo) stays whole.
    return unicodedata.normalize("NFC", stripped).casefold()


def query_terms(query: str) -> list[str]:
    """The words and phrases of a query worth marking in a snippet (not the ones it excludes,
    not keywords, not codes such as has:citation), folded."""
    terms: list[str] = []
    for negated, field_name, phrase, word in _TOKEN.findall(query):
        value = phrase if phrase else word
        if negated or not value or (not phrase and value.casefold() in _KEYWORDS):
            continue
        if field_name and field_name.casefold() in _CODE_FIELDS:
            continue
        folded = " ".join("".join(_fold(c) for c in value).split())
        hangul = any("\uac00" <= c <= "\ud7a3" for c in folded)
        if len(folded) >= 2 or (folded and hangul):
            terms.append(folded)
    # "of" in "sea of blood" would be marked all over a note: short words only when alone.
    longer = [term for term in terms if len(term) > 2 or not term.isascii()]
    return longer or terms


def marked_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in `text` (start, end) the terms are, merged and in order: as written, and a
    romanized word also on the Hangul it spells (pibada on 피바다)."""
    return list(_marked_spans(text, tuple(terms)))


@lru_cache(maxsize=4096)  # painting asks again at every repaint
def _marked_spans(text: str, terms: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    if not text or not terms:
        return ()
    folded: list[str] = []
    origin: list[int] = []
    after_gap: set[int] = set()  # folded positions right after a hyphen or apostrophe left out
    for position, character in enumerate(text):
        pieces = _fold(character)
        if not pieces:
            after_gap.add(len(folded))
        for piece in pieces:
            folded.append(piece)
            origin.append(position)
    haystack = "".join(folded)
    spans: list[tuple[int, int]] = []
    for term in terms:
        # A Latin word matches from the start of a word (as the index does: "the" is not
        # marked inside "Mother"); Hangul anywhere, compounds being written together.
        word_start = not any("\uac00" <= c <= "\ud7a3" for c in term)
        start = haystack.find(term)
        while start >= 0:
            end = start + len(term)
            if (
                not word_start
                or start == 0
                or start in after_gap
                or not haystack[start - 1].isalnum()
            ):
                spans.append((origin[start], origin[end - 1] + 1))
            start = haystack.find(term, start + 1)
    spans.extend(_romanized_on_hangul(text, terms))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _romanized_on_hangul(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """The shortest start of each Hangul word whose romanization (any scheme, folded to its
    search key) begins with a romanized word of the query."""
    keys = {
        key
        for term in terms
        if term.isascii()
        for word in term.split()
        if len(key := search_key(word)) >= 2
    }
    spans: list[tuple[int, int]] = []
    if not keys:
        return spans
    for word in _HANGUL_WORD.finditer(text):
        # Each prefix is romanized in every scheme: only for a word that matches at all.
        whole = search_keys(word.group())
        if not any(form.startswith(key) for form in whole for key in keys):
            continue
        for length in range(1, len(word.group()) + 1):
            forms = search_keys(word.group()[:length])
            if any(form.startswith(key) for form in forms for key in keys):
                spans.append((word.start(), word.start() + length))
                break
    return spans


def runs(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, marked) runs."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in marked_spans(text, terms):
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


# -- the model --------------------------------------------------------------------------------


@dataclass
class Group:
    """One kind's hits so far, its count, and whether a further page is being read."""

    kind: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    has_more_row: bool = False
    loading: bool = False


class SearchResultsModel(QAbstractItemModel):
    """Two levels: a row per kind that has hits (with its count), under it the hits best first
    and, while some are not read yet, a "Show more" row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[Group] = []
        self.query = ""
        self.terms: list[str] = []
        self.totals: dict[str, int] = {}
        self.details: dict[str, str] = {}  # uuid → year, number, type…

    # -- filling -------------------------------------------------------------------------------

    def show_result(self, result: SearchResult, details: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.details = dict(details or {})
        self.query = result.query
        self.terms = query_terms(result.query)
        self.totals = {kind: result.total_by_kind.get(kind, 0) for kind in GROUPS}
        self.groups = []
        for kind in GROUPS:
            total = self.totals[kind]
            if total:
                hits = list(result.hits_by_kind.get(kind, []))
                self.groups.append(Group(kind, total, hits, has_more_row=len(hits) < total))
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.groups, self.query, self.terms, self.totals = [], "", [], {}
        self.details = {}
        self.endResetModel()

    def group_of(self, kind: str) -> tuple[int, Group] | None:
        for position, group in enumerate(self.groups):
            if group.kind == kind:
                return position, group
        return None

    def set_loading(self, kind: str, loading: bool) -> None:
        found = self.group_of(kind)
        if found is None:
            return
        position, group = found
        group.loading = loading
        if group.has_more_row:
            more = self.index(len(group.hits), 0, self.index(position, 0))
            self.dataChanged.emit(more, more)

    def append(
        self, kind: str, hits: list[Hit], total: int, details: dict[str, str] | None = None
    ) -> None:
        """A further page of one kind's hits (the ones already shown are not repeated)."""
        self.details.update(details or {})
        found = self.group_of(kind)
        if found is None:
            return
        position, group = found
        parent = self.index(position, 0)
        shown = {hit.uuid for hit in group.hits}
        fresh = [hit for hit in hits if hit.uuid not in shown]
        group.loading = False
        if fresh:
            start = len(group.hits)
            self.beginInsertRows(parent, start, start + len(fresh) - 1)
            group.hits.extend(fresh)
            self.endInsertRows()
        group.total = max(total, len(group.hits))
        self.totals[kind] = group.total
        self.dataChanged.emit(parent, parent)
        still_more = len(group.hits) < group.total and bool(fresh)
        if group.has_more_row and not still_more:
            row = len(group.hits)
            self.beginRemoveRows(parent, row, row)
            group.has_more_row = False
            self.endRemoveRows()
        elif group.has_more_row:
            more = self.index(len(group.hits), 0, parent)
            self.dataChanged.emit(more, more)

    # -- looking up ----------------------------------------------------------------------------

    def row_type(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return GROUP_ROW
        group = self.groups[index.internalId() - 1]
        return HIT_ROW if index.row() < len(group.hits) else MORE_ROW

    def group_at(self, index: Index) -> Group | None:
        if not index.isValid():
            return None
        position = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.groups[position] if 0 <= position < len(self.groups) else None

    def hit_at(self, index: Index) -> Hit | None:
        if self.row_type(index) != HIT_ROW:
            return None
        return self.groups[index.internalId() - 1].hits[index.row()]

    def index_of(self, kind: str, uuid: str) -> QModelIndex:
        found = self.group_of(kind)
        if found is None:
            return QModelIndex()
        position, group = found
        for row, hit in enumerate(group.hits):
            if hit.uuid == uuid:
                return self.index(row, 0, self.index(position, 0))
        return QModelIndex()

    # -- Qt model ------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0 or not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0)
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        group = self.groups[parent.row()]
        return len(group.hits) + (1 if group.has_more_row else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        kind_of_row = self.row_type(index)
        if kind_of_row is None:
            return None
        group = self.group_at(index)
        assert group is not None
        if role == ROW_TYPE_ROLE:
            return kind_of_row
        if role == KIND_ROLE:
            return group.kind
        if kind_of_row == GROUP_ROW:
            heading = GROUPS[group.kind][0]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{heading} ({group.total:,})"
            if role == COUNT_ROLE:
                return group.total
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    f"{count_text(group.total, group.kind)} matching “{self.query}”; "
                    "Enter lists them all, sortable"
                )
            return None
        if kind_of_row == MORE_ROW:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.more_text(group)
            return None
        hit = group.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.label
        if role == UUID_ROLE:
            return hit.uuid
        if role == FIELD_ROLE:
            return hit.matched_field
        if role == SNIPPET_ROLE:
            return hit.snippet
        if role == DETAIL_ROLE:
            return self.details.get(hit.uuid, "")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            detail = self.details.get(hit.uuid)
            where = f"\n{hit.matched_field}: {hit.snippet}" if hit.snippet else ""
            return f"{hit.label}{f' ({detail})' if detail else ''}{where}"
        return None

    @staticmethod
    def more_text(group: Group) -> str:
        if group.loading:
            return "Reading more…"
        left = group.total - len(group.hits)
        _heading, one, many = GROUPS[group.kind]
        page = min(PAGE, left)
        return f"Show {page:,} more {one if page == 1 else many} ({left:,} not shown yet)"


# -- drawing ----------------------------------------------------------------------------------


class HitDelegate(QStyledItemDelegate):
    """A group as a shaded heading with its count; a hit as its name, and under it the field it
    matched in and the matched value with the query's words marked; "Show more" as a link."""

    def _metrics(self, option: QStyleOptionViewItem) -> QFontMetrics:
        return QFontMetrics(option.font)  # type: ignore[attr-defined]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = self._metrics(option).height()
        kind_of_row = index.data(ROW_TYPE_ROLE)
        if kind_of_row == HIT_ROW:
            return QSize(200, 2 * line + 10)
        return QSize(200, line + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        kind_of_row = index.data(ROW_TYPE_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = opt.rect  # type: ignore[attr-defined]
        palette: QPalette = opt.palette  # type: ignore[attr-defined]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.save()
        if kind_of_row == GROUP_ROW and not selected:
            painter.fillRect(rect, QColor("#e8edf3"))
        else:
            opt.text = ""  # type: ignore[attr-defined]
            style = opt.widget.style() if opt.widget else None  # type: ignore[attr-defined]
            if style is not None:
                style.drawPrimitive(
                    QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget
                )  # type: ignore[attr-defined]
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = QColor(text_colour) if selected else QColor("#5f6b7a")
        font = QFont(opt.font)  # type: ignore[attr-defined]
        inner = rect.adjusted(6, 0, -8, 0)
        if kind_of_row == GROUP_ROW:
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text_colour)
            group_kind = index.data(KIND_ROLE)
            count = f"{index.data(COUNT_ROLE):,}"
            count_width = QFontMetrics(bold).horizontalAdvance(count)
            heading = GROUPS[group_kind][0]
            painter.drawText(
                inner.adjusted(0, 0, -count_width - 12, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                heading,
            )
            painter.setPen(quiet)
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count
            )
        elif kind_of_row == MORE_ROW:
            link = QFont(font)
            link.setItalic(True)
            painter.setFont(link)
            painter.setPen(text_colour if selected else palette.color(QPalette.ColorRole.Link))
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, index.data()
            )
        else:
            self._paint_hit(painter, inner, index, font, text_colour, quiet, selected)
        painter.restore()

    def _paint_hit(
        self,
        painter: QPainter,
        inner: QRect,
        index: Index,
        font: QFont,
        text_colour: QColor,
        quiet: QColor,
        selected: bool,
    ) -> None:
        model = index.model()
        terms: list[str] = getattr(model, "terms", [])
        line = QFontMetrics(font).height()
        label = str(index.data() or "")
        matched_field = str(index.data(FIELD_ROLE) or "")
        snippet = str(index.data(SNIPPET_ROLE) or "")
        same = snippet == label
        top = QRect(inner.left(), inner.top() + 4, inner.width(), line)
        bottom = QRect(inner.left(), inner.top() + 4 + line + 2, inner.width(), line)
        small = QFont(font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.92)
        second: list[tuple[str, bool]] = []
        if matched_field:
            second.append((f"{matched_field}: " if snippet and not same else matched_field, False))
        if snippet and not same:
            second.extend(runs(snippet, terms))
        detail = str(index.data(DETAIL_ROLE) or "")
        if detail:
            # The name comes first: the detail goes beside it when both fit, else under it
            # when the second line has room (the name was what matched), else it is cut short.
            metrics = QFontMetrics(font)
            label_width = QFontMetrics(font).horizontalAdvance(label)
            detail_width = metrics.horizontalAdvance(detail)
            beside = label_width + 16 + detail_width <= top.width()
            below = not beside and same
            where = bottom if below else top
            detail_font = small if below else font
            # (a little slack: advances are rounded, and an exact fit can still be elided)
            room = detail_width + 4 if beside else max(where.width() // 3, 60)
            if below:
                used = QFontMetrics(small).horizontalAdvance(matched_field)
                room = max(where.width() - used - 16, 40)
            shown = QFontMetrics(detail_font).elidedText(detail, Qt.TextElideMode.ElideRight, room)
            painter.setFont(detail_font)
            painter.setPen(quiet)
            painter.drawText(
                where, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown
            )
            if not below:
                top = top.adjusted(0, 0, -(QFontMetrics(font).horizontalAdvance(shown) + 12), 0)
        # The name: the match marked here when the matched value is the name itself.
        _draw_runs(painter, top, runs(label, terms if same else []), font, text_colour, text_colour)
        mark = text_colour if selected else QColor("#1b1f24")
        _draw_runs(painter, bottom, second, small, quiet, mark)


def _draw_runs(
    painter: QPainter,
    rect: QRect,
    pieces: list[tuple[str, bool]],
    font: QFont,
    colour: QColor,
    mark_colour: QColor,
) -> None:
    """Draw text runs on one line, marked runs bold on a pale highlight, eliding at the end."""
    bold = QFont(font)
    bold.setBold(True)
    x = rect.left()
    right = rect.right()
    for text_, marked in pieces:
        if x >= right:
            break
        run_font = bold if marked else font
        metrics = QFontMetrics(run_font)
        room = right - x
        shown = text_
        if metrics.horizontalAdvance(text_) > room:
            shown = metrics.elidedText(text_, Qt.TextElideMode.ElideRight, room)
        width = metrics.horizontalAdvance(shown)
        box = QRect(x, rect.top(), width, rect.height())
        if marked:
            painter.fillRect(box.adjusted(-1, 0, 1, 0), QColor(255, 214, 102, 150))
        painter.setFont(run_font)
        painter.setPen(mark_colour if marked else colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
        x += width
        if shown != text_:
            break


class NavigatorCountDelegate(QStyledItemDelegate):
    """The navigator's rows, with the number of hits of each kind right-aligned while a query
    is active (COUNT_ROLE on the row; none when no query)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        count = index.data(COUNT_ROLE)
        if count is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text_ = f"{count:,}"
        metrics = QFontMetrics(opt.font)  # type: ignore[attr-defined]
        width = metrics.horizontalAdvance(text_) + 10
        rect = QRect(opt.rect)  # type: ignore[attr-defined]  # a copy: opt.rect changes next
        opt.rect = rect.adjusted(0, 0, -width, 0)  # type: ignore[attr-defined]
        # The row's background spans the whole width, the label stops short of the count.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""  # type: ignore[attr-defined]
        style = opt.widget.style() if opt.widget else None  # type: ignore[attr-defined]
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, background, painter, opt.widget
            )  # type: ignore[attr-defined]
            opt.backgroundBrush = QColor(0, 0, 0, 0)  # type: ignore[attr-defined]
            opt.state &= ~QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
            opt.state &= ~QStyle.StateFlag.State_MouseOver  # type: ignore[attr-defined]
            selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
            if selected:
                palette = QPalette(opt.palette)  # type: ignore[attr-defined]
                palette.setColor(
                    QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.HighlightedText)
                )
                opt.palette = palette  # type: ignore[attr-defined]
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)  # type: ignore[attr-defined]
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        painter.setPen(
            palette.color(QPalette.ColorRole.HighlightedText) if selected else QColor("#5f6b7a")
        )
        painter.drawText(
            rect.adjusted(0, 0, -8, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            text_,
        )
        painter.restore()


# -- the panel --------------------------------------------------------------------------------


class SearchResultsPanel(QWidget):
    """The counts of every kind as links, and the grouped hits. Emits `hit_current` as the
    keyboard or mouse moves onto a hit, `hit_opened` on Enter or double-click, `list_wanted`
    for a group heading (its kind's whole list), `more_wanted` for "Show more", and
    `leave_upwards` for Up on the first row or Escape (back to the search box)."""

    hit_current = Signal(str, str)  # kind, uuid
    hit_opened = Signal(str, str)
    list_wanted = Signal(str)
    more_wanted = Signal(str)
    leave_upwards = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_results")
        self.counts = QLabel(self)
        self.counts.setObjectName("search_counts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)
        self.counts.setContentsMargins(4, 4, 4, 4)
        self.counts.linkActivated.connect(self._count_clicked)
        self.empty = QLabel(self)
        self.empty.setObjectName("search_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6b7a; padding: 24px;")
        self.empty.hide()
        self.model = SearchResultsModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("search_hits")
        self.view.setAccessibleName("Search results")
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(True)
        self.view.setUniformRowHeights(False)
        self.view.setIndentation(14)
        self.view.setExpandsOnDoubleClick(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setModel(self.model)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._clicked)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.installEventFilter(self)
        self._quiet = False  # set while the panel itself moves the current row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.counts)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)

    @property
    def query(self) -> str:
        return self.model.query

    def show_result(self, result: SearchResult, details: dict[str, str] | None = None) -> None:
        """New results; the hit that was current stays current when it is still found."""
        current = self.model.hit_at(self.view.currentIndex())
        self._quiet = True
        try:
            self.model.show_result(result, details)
            self.view.expandAll()
            if current is not None:
                again = self.model.index_of(current.kind, current.uuid)
                if again.isValid():
                    self.view.setCurrentIndex(again)
        finally:
            self._quiet = False
        self._show_counts()

    def clear(self) -> None:
        self.model.clear()
        self.counts.clear()
        self.empty.hide()

    def append(
        self, kind: str, hits: list[Hit], total: int, details: dict[str, str] | None = None
    ) -> None:
        self.model.append(kind, hits, total, details)
        self._show_counts()

    def summary(self) -> str:
        """For the status bar: "12 records matching “kim”: 4 works, 8 sources"."""
        totals = self.model.totals
        total = sum(totals.values())
        parts = [count_text(n, kind) for kind, n in totals.items() if n]
        noun = "record" if total == 1 else "records"
        found = f": {', '.join(parts)}" if parts else ""
        return f"{total:,} {noun} matching “{self.model.query}”{found}"

    def _show_counts(self) -> None:
        pieces = []
        for kind, (heading, _one, _many) in GROUPS.items():
            count = self.model.totals.get(kind, 0)
            if count:
                pieces.append(
                    f'<a href="{kind}" style="text-decoration: none;">{heading}</a>'
                    f"&nbsp;<b>{count:,}</b>"
                )
            else:
                pieces.append(f'<span style="color: #8a94a0;">{heading}&nbsp;0</span>')
        self.counts.setText(" &nbsp;·&nbsp; ".join(pieces))
        nothing = not self.model.groups
        self.empty.setVisible(nothing)
        self.view.setVisible(not nothing)
        if nothing:
            self.empty.setText(f"Nothing matches “{self.model.query}”.")

    def _count_clicked(self, kind: str) -> None:
        found = self.model.group_of(kind)
        if found is None:
            return
        heading = self.model.index(found[0], 0)
        self.view.scrollTo(heading, QAbstractItemView.ScrollHint.PositionAtTop)
        self.view.setCurrentIndex(heading)
        self.view.setFocus()

    def focus_first(self) -> None:
        """The keyboard moves in from the search box: onto the best hit."""
        if not self.model.groups:
            return
        first = self.model.index(0, 0, self.model.index(0, 0))
        self.view.setFocus()
        self.view.setCurrentIndex(first if first.isValid() else self.model.index(0, 0))

    def select_hit(self, kind: str, uuid: str) -> None:
        """Make a hit current without announcing it (the editor already shows it)."""
        self._quiet = True
        try:
            self.view.setCurrentIndex(self.model.index_of(kind, uuid))
        finally:
            self._quiet = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        hit = self.model.hit_at(current)
        if hit is not None:
            self.hit_current.emit(hit.kind, hit.uuid)

    def _activated(self, index: QModelIndex) -> None:
        kind_of_row = self.model.row_type(index)
        group = self.model.group_at(index)
        if group is None:
            return
        if kind_of_row == HIT_ROW:
            hit = self.model.hit_at(index)
            assert hit is not None
            self.hit_opened.emit(hit.kind, hit.uuid)
        elif kind_of_row == GROUP_ROW:
            self.list_wanted.emit(group.kind)
        elif not group.loading:
            self.more_wanted.emit(group.kind)

    def _clicked(self, index: QModelIndex) -> None:
        # "Show more" reads like a link: one click is enough.
        group = self.model.group_at(index)
        if self.model.row_type(index) == MORE_ROW and group is not None and not group.loading:
            self.more_wanted.emit(group.kind)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            current = self.view.currentIndex()
            first = self.model.index(0, 0)
            at_top = not current.isValid() or current == first
            if (event.key() == Qt.Key.Key_Up and at_top) or event.key() == Qt.Key.Key_Escape:
                self.leave_upwards.emit()
                return True
        return super().eventFilter(watched, event)
