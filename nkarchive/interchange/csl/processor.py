"""A style with registered items: citations in document order, and the bibliography."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import takewhile
from typing import TYPE_CHECKING, Any

from nkarchive.interchange.csl.disambiguation import disambiguate
from nkarchive.interchange.csl.errors import CslError
from nkarchive.interchange.csl.items import Item, normalize_item
from nkarchive.interchange.csl.markup import (
    LABEL_END,
    LABEL_START,
    LEFT_MARGIN,
    NAMES_END,
    NAMES_START,
    RIGHT_INLINE,
    affix,
    cat,
    convert_quotes,
    finalize,
    join,
    parse_field_markup,
    strip_markers,
    wrap,
)
from nkarchive.interchange.csl.nodes import Node
from nkarchive.interchange.csl.render import Cite, Context, Disambiguation, Renderer
from nkarchive.interchange.csl.sorting import sort_items

if TYPE_CHECKING:
    from nkarchive.interchange.csl.style import Style

FORMATS = ("text", "html", "rtf")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise CslError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")


def _cite_from(data: Mapping[str, Any] | str) -> Cite:
    if isinstance(data, str):
        return Cite(id=data)
    if "id" not in data:
        raise CslError("a cite without an item id", field="id")
    locator = str(data.get("locator") or "").strip()
    if '"' in locator:
        locator = convert_quotes(locator)  # s.v. "gargoyle": the style's quotes, as in fields
    return Cite(
        id=str(data["id"]),
        locator=locator,
        label=str(data.get("label") or "page"),
        prefix=parse_field_markup(str(data.get("prefix") or ""), affix=True),
        suffix=parse_field_markup(str(data.get("suffix") or ""), affix=True),
        suppress_author=bool(data.get("suppress-author", False)),
        author_only=bool(data.get("author-only", False)),
    )


class CitationProcessor:
    """Items registered with one style; cites are numbered and positioned in call order."""

    def __init__(self, style: Style, items: Iterable[Mapping[str, Any]]) -> None:
        self.style = style
        self.renderer = Renderer(style, style.locale)
        self.items: dict[str, Item] = {}
        for position, data in enumerate(items):
            item = normalize_item(data, position)
            if item.id in self.items:
                raise CslError("the same id is used by two items", item_id=item.id, field="id")
            self.items[item.id] = item
        self.citation_numbers = {item_id: n for n, item_id in enumerate(self.items, start=1)}
        self.dis: dict[str, Disambiguation] = {item_id: Disambiguation() for item_id in self.items}
        self.near_note_distance = int(
            style.citation_section.options.get("near-note-distance", "5") or 5
        )
        self._history: list[tuple[int, list[Cite]]] = []
        self._first_note: dict[str, int] = {}
        self._bibliography_order = self._sorted_for_bibliography()
        disambiguate(self)
        self._bibliography_markup: list[str] | None = None

    @property
    def item_ids(self) -> list[str]:
        return list(self.items)

    def _sorted_for_bibliography(self) -> list[Item]:
        section = self.style.bibliography_section
        items = list(self.items.values())
        if section is None or not section.sort_keys:
            return items
        return sort_items(
            self.renderer, section.sort_keys, items, lambda it: self.context(it, "bibliography")
        )

    def context(self, item: Item, mode: str, cite: Cite | None = None) -> Context:
        dis = self.dis[item.id]
        if mode == "bibliography":
            dis = Disambiguation(year_suffix=dis.year_suffix, disambiguate=dis.disambiguate)
        return Context(
            item=item,
            mode=mode,
            cite=cite,
            dis=dis,
            citation_number=self.citation_numbers[item.id],
        )

    # --- bibliography -----------------------------------------------------------------------

    def bibliography_markup(self) -> list[str]:
        """Entries as marked-up strings (before conversion to an output format). Rendered once:
        the markup does not depend on the format, so text, HTML and RTF are each only a
        conversion of it (a bundle writes two formats of thousands of entries)."""
        if self._bibliography_markup is None:
            self._bibliography_markup = self._render_bibliography_markup()
        return list(self._bibliography_markup)

    def _render_bibliography_markup(self) -> list[str]:
        section = self.style.bibliography_section
        if section is None:
            return []
        substitute = section.options.get("subsequent-author-substitute")
        entries: list[str] = []
        listed: list[Item] = []
        for item in self._bibliography_order:
            entry = self._bibliography_entry(item, substitute is not None, None)
            if entry is not None:
                entries.append(entry)
                listed.append(item)
        if substitute is not None:
            for n in _substituted_entries(entries):
                quick = _replace_names(entries[n], substitute)
                if quick is not None:
                    entries[n] = quick
                    continue
                # names ending in punctuation may have absorbed a delimiter ("et al." before
                # ". "): rendered again with the substitute in their place, the style's
                # delimiters round it come back ("---. 1994."), as in citeproc-js
                entry = self._bibliography_entry(listed[n], True, substitute)
                if entry is not None:
                    entries[n] = entry
        return entries

    def _bibliography_entry(
        self, item: Item, mark_names: bool, names_substitute: str | None
    ) -> str | None:
        section = self.style.bibliography_section
        assert section is not None
        layout = section.layout
        ctx = self.context(item, "bibliography")
        ctx.mark_names = mark_names
        ctx.names_substitute = names_substitute
        if section.options.get("second-field-align") in ("flush", "margin"):
            return self._guarded(item, partial(self._aligned_entry, layout, ctx))
        text = self._guarded(item, partial(self._render_layout, layout, ctx))
        if not strip_markers(text).strip():
            return None  # styles leave out items they cannot list (personal communications)
        return self.renderer.decorate(layout, text, ctx, apply_case=False)

    @staticmethod
    def _guarded(item: Item, render: Callable[[], str]) -> str:
        """Render one item; an unforeseen failure becomes a CslError naming the item."""
        try:
            return render()
        except CslError:
            raise
        except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as exc:
            raise CslError(
                f"cannot be formatted ({type(exc).__name__}: {exc})", item_id=item.id
            ) from exc

    def _render_layout(self, layout: Node, ctx: Context) -> str:
        return self.renderer.render_children(layout.children, ctx)[0]

    def _aligned_entry(self, layout: Node, ctx: Context) -> str:
        """second-field-align: the first field (a number, a label) apart from the rest."""
        texts: list[str] = []
        self.renderer._collect(layout.children, ctx, texts)
        if not texts:
            return ""
        first = cat(layout.prefix, texts[0]) if layout.prefix else texts[0]
        rest = join(texts[1:])
        rest = cat(rest, layout.suffix) if layout.suffix and rest else rest
        for marker in reversed(layout.markers):
            first, rest = wrap(marker, first), wrap(marker, rest)
        return wrap(LEFT_MARGIN, first) + wrap(RIGHT_INLINE, rest)

    def bibliography(self, format: str = "text") -> list[str]:
        """One entry per item in bibliography order; HTML entries are `<div class="csl-entry">`."""
        _check_format(format)
        quotes = self.style.locale.quotes()
        piq = self.style.locale.punctuation_in_quote
        out: list[str] = []
        for entry in self.bibliography_markup():
            if not entry:
                continue
            text = finalize(entry, format, quotes, piq)
            # citeproc-js keeps a space a style puts before an entry's first field in HTML
            text = text.rstrip() if format == "html" else text.strip()
            if format == "html":
                # citeproc-js's layout for entries holding block-level parts
                if entry.startswith(LEFT_MARGIN):
                    text = f"\n    {text}"
                if "<div" in text:
                    text += "\n  "
                text = f'<div class="csl-entry">{text}</div>'
            elif format == "text" and entry.startswith(LEFT_MARGIN):
                left, _, right = entry.partition(RIGHT_INLINE)
                text = (
                    finalize(left, format, quotes, piq).strip()
                    + " "
                    + finalize(right, format, quotes, piq).strip()
                )
            out.append(text)
        return out

    # --- citations --------------------------------------------------------------------------

    def _position(self, cite: Cite, index: int, cluster: list[Cite], note: int) -> None:
        previous: Cite | None = None
        # citations in the running text (note number 0) and in notes are read apart: an ibid
        # in the text follows the text's last citation, whatever the notes between (citeproc-js)
        stream = [h for h in self._history if (h[0] == 0) == (note == 0)]
        if index > 0:
            previous = cluster[index - 1]
        elif stream:
            last_note, last_cites = stream[-1]
            if note and last_note != note:
                # an earlier note is read whole: two citations in it are as two cites in one
                same_note = takewhile(lambda h: h[0] == last_note, reversed(stream))
                last_cites = [c for _, cites in same_note for c in cites]
            if len(last_cites) == 1:
                previous = last_cites[0]
            else:
                previous = None
                if any(c.id == cite.id for c in last_cites):
                    previous = Cite(id="\x00")  # same note, other items too: not ibid
        seen = cite.id in self._first_note or any(c.id == cite.id for c in cluster[:index])
        if not seen:
            cite.position = "first"
            self._first_note.setdefault(cite.id, note)
        elif previous is not None and previous.id == cite.id:
            if not cite.locator and not previous.locator:
                cite.position = "ibid"
            elif cite.locator and (
                cite.locator != previous.locator or cite.label != previous.label
            ):
                cite.position = "ibid-with-locator"
            elif cite.locator:
                cite.position = "ibid"
            else:
                cite.position = "subsequent"
        else:
            cite.position = "subsequent"
        # a first cite has no earlier note to point back to
        cite.first_reference_note_number = self._first_note[cite.id] if seen else 0
        previous_note = self._last_note_of(cite.id)
        if any(c.id == cite.id for c in cluster[:index]):
            previous_note = note  # cited earlier in this same note
        cite.near_note = (
            previous_note is not None and note - previous_note <= self.near_note_distance
        )

    def _last_note_of(self, item_id: str) -> int | None:
        for note, cites in reversed(self._history):
            if any(c.id == item_id for c in cites):
                return note
        return None

    def cite_markup(
        self, cites: Sequence[Mapping[str, Any] | str], note_number: int | None = None
    ) -> str:
        note = note_number if note_number is not None else len(self._history) + 1
        cluster = [_cite_from(c) for c in cites]
        for cite in cluster:
            if cite.id not in self.items:
                raise CslError("cited, but not among the items given", item_id=cite.id)
        starts_note = not self._history or self._history[-1][0] != note or note == 0
        for index, cite in enumerate(cluster):
            cite.note_number = note
            self._position(cite, index, cluster, note)
        self._history.append((note, cluster))
        if (
            starts_note
            and cluster
            and cluster[0].position in ("ibid", "ibid-with-locator")
            and not cluster[0].prefix  # a prefix opens the note instead; "ibid." follows it
        ):
            cluster[0].capitalize = True
        section = self.style.citation_section
        if section.sort_keys and len(cluster) > 1:
            by_id = {id(self.items[c.id]): c for c in cluster}
            ordered = sort_items(
                self.renderer,
                section.sort_keys,
                [self.items[c.id] for c in cluster],
                lambda it: self.context(it, "citation", by_id.get(id(it))),
            )
            cluster = [by_id[id(item)] for item in ordered]
        return self._render_cluster(cluster)

    def _render_one(self, cite: Cite, suppress_author: bool = False) -> str:
        return self._guarded(
            self.items[cite.id], partial(self._render_one_unguarded, cite, suppress_author)
        )

    def _render_one_unguarded(self, cite: Cite, suppress_author: bool) -> str:
        item = self.items[cite.id]
        ctx = self.context(item, "citation", cite)
        ctx.suppress_first_names = suppress_author or cite.suppress_author
        prefix = strip_markers(cite.prefix).strip()
        # "Ibid." opening a note, or a term after a sentence in the prefix, takes a capital; a
        # one-word prefix ("Cf.") is an abbreviation, not a sentence. Only a term opening the
        # cite is capitalized, never text or a variable (citeproc-js)
        ctx.capitalize_term = cite.capitalize or (
            " " in prefix and prefix.endswith((".", "!", "?"))
        )
        layout = self.style.citation_section.layout
        text, _, _ = self.renderer.render_children(layout.children, ctx)
        if cite.author_only:
            ctx = self.context(item, "citation", cite)
            ctx.mark_names = True
            text, _, _ = self.renderer.render_children(layout.children, ctx)
            start, end = text.find(NAMES_START), text.find(NAMES_END)
            text = text[start + 1 : end] if start >= 0 else ""
        if not text:
            return ""
        return affix(cite.prefix, text, cite.suffix)

    def _author_key(self, cite: Cite) -> str:
        item = self.items[cite.id]
        ctx = self.context(item, "citation", cite)
        ctx.mark_names = True
        text, _, _ = self.renderer.render_children(self.style.citation_section.layout.children, ctx)
        start, end = text.find(NAMES_START), text.find(NAMES_END)
        return strip_markers(text[start + 1 : end]) if start >= 0 else ""

    def _render_cluster(self, cluster: list[Cite]) -> str:
        section = self.style.citation_section
        layout = section.layout
        collapse = section.options.get("collapse", "")
        delimiter = layout.delimiter
        if collapse == "citation-number" and len(cluster) > 1:
            body = self._collapse_numbers(cluster, delimiter)
        elif collapse.startswith("year") and len(cluster) > 1:
            body = self._collapse_by_author(cluster, collapse, delimiter)
        elif "cite-group-delimiter" in section.options and len(cluster) > 1:
            # cite grouping without collapsing: the names stay, the delimiter changes
            body = self._collapse_by_author(cluster, "", delimiter)
        else:
            body = ""
            previous: Cite | None = None
            for cite in cluster:
                text = self._render_one(cite)
                if not text:
                    continue
                glue = _splice_delimiter(delimiter, previous, cite) if previous else ""
                body = cat(cat(body, glue), text) if glue else cat(body, text)
                previous = cite
        if not body:
            return ""
        # The layout's formatting covers its affixes too (citeproc-js): "<b>([1]–[3])</b>".
        body = affix(layout.prefix, body, layout.suffix)
        for marker in reversed(layout.markers):
            body = wrap(marker, body)
        return body

    def _collapse_by_author(self, cluster: list[Cite], collapse: str, delimiter: str) -> str:
        """collapse="year" and "year-suffix[-ranged]": adjacent cites by the same author share
        one name ("Kim 1985, 1987"); with year-suffix, same-year cites share the year too."""
        options = self.style.citation_section.options
        # the default, as in citeproc-js: ", " in author-date styles, the layout's own in note styles
        cite_group_delimiter = options.get(
            "cite-group-delimiter", delimiter if self.style.style_class == "note" else ", "
        )
        after_collapse = options.get("after-collapse-delimiter")
        year_suffix_delimiter = options.get(
            "year-suffix-delimiter", options.get("cite-group-delimiter", delimiter)
        )
        keys = [self._author_key(c) for c in cluster]
        groups: list[list[int]] = []
        # cites by the same author join the first one wherever they stand when the citation is
        # sorted; unsorted cites keep their order and only neighbours join (as citeproc-js)
        sorted_cites = bool(self.style.citation_section.sort_keys)
        for index, key in enumerate(keys):
            candidates = groups if sorted_cites else groups[-1:]
            target = next((g for g in candidates if key and keys[g[0]] == key), None)
            if target is None:
                groups.append([index])
            else:
                target.append(index)
        # (text, a bare year suffix, its name collapsed into the cite before, has a locator)
        flat: list[tuple[str, bool, bool, bool]] = []
        for group in groups:
            cites = [cluster[i] for i in group]
            pieces: list[tuple[str, bool, bool]] = []  # (text, a bare year suffix, has a locator)
            for n, cite in enumerate(cites):
                if n and collapse.startswith("year-suffix") and self._same_year(cites[n - 1], cite):
                    pieces.append((self.dis[cite.id].year_suffix, True, False))
                else:
                    text = self._render_one(cite, suppress_author=n > 0 and bool(collapse))
                    pieces.append((text, False, bool(cite.locator)))
            if collapse == "year-suffix-ranged":
                pieces = _range_suffixes(pieces)
            for n, (piece, bare, located) in enumerate(pieces):
                if piece:  # an undated cite whose name is collapsed leaves nothing to join
                    flat.append((piece, bare, n > 0, located))
        out = ""
        for n, (piece, bare, collapsed, _) in enumerate(flat):
            if n == 0:
                out = piece
                continue
            _, _, previous_collapsed, previous_located = flat[n - 1]
            if bare:
                glue = year_suffix_delimiter
            elif after_collapse is not None:
                # citeproc-js: after-collapse-delimiter follows a cite with a locator and ends a
                # collapsed group; it also parts two uncollapsed cites unless collapsing is by
                # year suffix
                if previous_located or (
                    not collapsed and (previous_collapsed or collapse != "year-suffix")
                ):
                    glue = after_collapse
                else:
                    glue = delimiter
            else:
                glue = cite_group_delimiter if collapsed else delimiter
            out = cat(cat(out, glue), piece)
        return out

    def _same_year(self, previous: Cite, cite: Cite) -> bool:
        a = self.items[previous.id].dates.get("issued")
        b = self.items[cite.id].dates.get("issued")
        return bool(
            a is not None
            and b is not None
            and a.start is not None
            and b.start is not None
            and a.start.year == b.start.year
            and self.dis[cite.id].year_suffix
            and self.dis[previous.id].year_suffix
            and not cite.locator
            and not previous.locator
            and not cite.prefix
            and not cite.suffix
        )

    def _collapse_numbers(self, cluster: list[Cite], delimiter: str) -> str:
        """collapse="citation-number": runs of three or more numbers become "[1]–[3]"."""
        texts = [self._render_one(c) for c in cluster]
        numbers = [self.citation_numbers[c.id] for c in cluster]
        plain = [not (c.locator or c.prefix or c.suffix) for c in cluster]
        out: list[str] = []
        i = 0
        while i < len(cluster):
            j = i
            while (
                j + 1 < len(cluster)
                and plain[j]
                and plain[j + 1]
                and numbers[j + 1] == numbers[j] + 1
            ):
                j += 1
            if j - i >= 2:
                out.append(f"{texts[i]}\u2013{texts[j]}")
            else:
                out.extend(texts[i : j + 1])
            i = j + 1
        after = self.style.citation_section.options.get("after-collapse-delimiter", delimiter)
        return join(out, after if len(out) < len(texts) else delimiter)

    def cite(
        self,
        cites: Sequence[Mapping[str, Any] | str],
        format: str = "text",
        note_number: int | None = None,
    ) -> str:
        """Format one citation: `cites` are item ids or CSL cite objects (id, locator, label,
        prefix, suffix, suppress-author, author-only). Positions (ibid, subsequent) follow from
        the citations formatted before on this processor."""
        _check_format(format)
        text = self.cite_markup(cites, note_number)
        return finalize(
            text, format, self.style.locale.quotes(), self.style.locale.punctuation_in_quote
        ).strip()


def _splice_delimiter(delimiter: str, previous: Cite, cite: Cite) -> str:
    """The delimiter between two cites gives way to punctuation the user put at the seam, as in
    citeproc-js: after a suffix ending in ".", "," or ";" only its space is kept, and before a
    prefix starting with one of them (the suffix before being empty) nothing is kept."""
    suffix = strip_markers(previous.suffix)
    prefix = strip_markers(cite.prefix)
    if not suffix and prefix[:1] in (";", ".", ","):
        return ""
    if suffix[-1:] in (";", ".", ","):
        space = delimiter.find(" ")
        return delimiter[space:] if space > -1 else ""
    return delimiter


def _range_suffixes(pieces: list[tuple[str, bool, bool]]) -> list[tuple[str, bool, bool]]:
    """Runs of three or more consecutive year suffixes become "a–c"."""
    out: list[tuple[str, bool, bool]] = []
    i = 0
    while i < len(pieces):
        j = i
        while (
            j + 1 < len(pieces)
            and pieces[j + 1][1]
            and len(pieces[j + 1][0]) == 1
            and ord(pieces[j + 1][0]) == ord(strip_markers(pieces[j][0])[-1:] or "\0") + 1
        ):
            j += 1
        if j - i >= 2:
            text, bare, located = pieces[i]
            out.append((f"{text}\u2013{pieces[j][0]}", bare, located))
        else:
            out.extend(pieces[i : j + 1])
        i = j + 1
    return out


_LABEL_RE = re.compile(f"{LABEL_START}.*?{LABEL_END}", re.DOTALL)


def _replace_names(entry: str, substitute: str) -> str | None:
    """The entry with its names replaced by the substitute (labels kept), or None when the names
    end in punctuation that may have merged with what followed them."""
    start, end = entry.find(NAMES_START), entry.find(NAMES_END)
    marked = entry[start + 1 : end]
    names = strip_markers(_LABEL_RE.sub("", marked)).rstrip()
    if names[-1:] in (".", ",", ";", ":", "!", "?"):
        return None
    labels = "".join(_LABEL_RE.findall(marked))
    replaced = labels + substitute if marked.startswith(LABEL_START) else substitute + labels
    entry = entry[:start] + replaced + entry[end + 1 :]
    if not replaced:
        entry = entry[:start] + entry[start:].lstrip()
    return entry


def _substituted_entries(entries: list[str]) -> list[int]:
    """subsequent-author-substitute: the entries whose names repeat those of the entry before.
    Names are compared without their label ("Doe, John ed." then "---"), as citeproc-js does."""
    out: list[int] = []
    previous = ""
    for n, entry in enumerate(entries):
        start, end = entry.find(NAMES_START), entry.find(NAMES_END)
        if start < 0 or end < 0:
            previous = ""
            continue
        names = _LABEL_RE.sub("", entry[start + 1 : end])
        # the partial rules replace names one by one; where all of them repeat (a single
        # name, or a substituted title) that is the whole of them
        if previous and names == previous:
            out.append(n)
        previous = names
    return out
