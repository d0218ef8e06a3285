"""Making cites that would read the same tell apart: more names, given names, year suffixes."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from nkarchive.interchange.csl.items import Item, Name
from nkarchive.interchange.csl.markup import strip_markers
from nkarchive.interchange.csl.names import initialize
from nkarchive.interchange.csl.render import Cite, Disambiguation

if TYPE_CHECKING:
    from nkarchive.interchange.csl.processor import CitationProcessor


def year_suffix(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _cite_key(proc: CitationProcessor, item: Item, position: str = "first") -> str:
    """The cite as it reads with what disambiguation has decided for the item so far. The loops
    below ask again for sets whose state has not changed, so each reading is kept for the run."""
    dis = proc.dis[item.id]
    state = (
        item.id,
        position,
        dis.year_suffix,
        dis.extra_names,
        dis.givenname_level,
        dis.givenname_names,
        tuple(sorted(dis.name_levels.items())),
        dis.disambiguate,
        id(dis.person_levels),  # set once, for every item, before any cite is read
        dis.primary_only,
    )
    memo: dict[tuple[object, ...], str] | None = getattr(proc, "_cite_keys", None)
    if memo is not None and state in memo:
        return memo[state]
    ctx = proc.context(item, "citation", Cite(id=item.id, position=position))
    # the date a page was read does not tell two works apart (citeproc-js leaves it out too)
    ctx.suppressed.add("accessed")
    text, _, _ = proc.renderer.render_children(proc.style.citation_section.layout.children, ctx)
    key = strip_markers(text)
    if memo is not None:
        memo[state] = key
    return key


def _alike(proc: CitationProcessor, items: list[Item]) -> list[list[Item]]:
    """The items in sets that read alike: in a style whose citations change with position, two
    cites are alike when either their first or their subsequent forms are ("Doe, supra note 1"
    for two of Doe's books asks for their titles)."""
    positions = ("first", "subsequent") if _tests_position(proc) else ("first",)
    parent = list(range(len(items)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for position in positions:
        seen: dict[str, int] = {}
        for n, item in enumerate(items):
            key = _cite_key(proc, item, position)
            if not key:
                continue
            if key in seen:
                parent[root(n)] = root(seen[key])
            else:
                seen[key] = n
    sets: dict[int, list[Item]] = defaultdict(list)
    for n, item in enumerate(items):
        sets[root(n)].append(item)
    return list(sets.values())


def _tests_position(proc: CitationProcessor) -> bool:
    found = getattr(proc, "_tests_position", None)
    if found is None:
        found = False
        stack = [proc.style.citation_section.layout, *proc.style.macros.values()]
        while stack and not found:
            node = stack.pop()
            if node.tag in ("if", "else-if") and "position" in node.attrs:
                found = True
            stack.extend(node.children)
        proc._tests_position = found  # type: ignore[attr-defined]
    return bool(found)


def _ambiguous_groups(proc: CitationProcessor, items: list[Item]) -> list[list[Item]]:
    return [group for group in _alike(proc, items) if len(group) > 1]


def _max_names(item: Item) -> int:
    return max((len(names) for names in item.names.values()), default=0)


def _person(name: Name) -> tuple[str, str]:
    return (name.non_dropping_particle + " " + name.family).strip(), name.given


def _global_name_levels(proc: CitationProcessor, rule: str) -> dict[tuple[str, str], int]:
    """For the all-names and primary-name rules: how far to expand each person's name."""
    primary_only = rule.startswith("primary-name")
    people: dict[str, set[str]] = defaultdict(set)
    for item in proc.items.values():
        for variable in ("author", "editor", "translator", "director", "composer"):
            names = item.names.get(variable)
            if not names:
                continue
            for name in names[:1] if primary_only else names:
                if name.literal or name.script != "latin":
                    continue
                family, given = _person(name)
                people[family].add(given)
            break
    levels: dict[tuple[str, str], int] = {}
    initials_only = rule.endswith("with-initials")
    for family, givens in people.items():
        # "J. J." and "J.J." are one person written two ways
        forms: dict[str, set[str]] = defaultdict(set)
        for given in givens:
            forms[_given_form(given)].add(given)
        if len(forms) < 2:
            continue
        initials: dict[str, int] = defaultdict(int)
        initialized = {
            form: initialize(min(spellings), ".", True, True) for form, spellings in forms.items()
        }
        for form in forms:
            initials[initialized[form]] += 1
        for form, spellings in forms.items():
            unique_by_initials = initials[initialized[form]] == 1
            if unique_by_initials:
                level = 1
            elif initials_only:
                continue  # initials cannot tell Cecil and Charles Smith apart: leave them
            else:
                level = 2
            for given in spellings:
                levels[(family, given)] = level
    return levels


def _given_form(given: str) -> str:
    return "".join(ch for ch in given if ch not in ". ")


def disambiguate(proc: CitationProcessor) -> None:
    proc._cite_keys = {}  # type: ignore[attr-defined]
    try:
        _disambiguate(proc)
    finally:
        del proc._cite_keys  # type: ignore[attr-defined]


def _disambiguate(proc: CitationProcessor) -> None:
    options = proc.style.citation_section.options
    add_names = options.get("disambiguate-add-names") == "true"
    add_givenname = options.get("disambiguate-add-givenname") == "true"
    add_year_suffix = options.get("disambiguate-add-year-suffix") == "true"
    rule = options.get("givenname-disambiguation-rule", "by-cite")
    uses_condition = _style_tests_disambiguate(proc)
    if not (add_names or add_givenname or add_year_suffix or uses_condition):
        return
    if add_givenname and rule != "by-cite":
        levels = _global_name_levels(proc, rule)
        if levels:
            for item in proc.items.values():
                proc.dis[item.id].person_levels = levels
                proc.dis[item.id].primary_only = rule.startswith("primary-name")
    groups = _ambiguous_groups(proc, list(proc.items.values()))
    if not groups:
        return
    remaining: list[list[Item]] = []
    for group in groups:
        if rule == "by-cite" and (add_names or add_givenname):
            remaining.extend(_add_names_and_givennames(proc, group, add_names, add_givenname))
            continue
        sets = [group]
        if add_names:
            sets = _add_names_and_givennames(proc, group, True, False)
        for unresolved in sets:
            if add_givenname:
                unresolved = _add_givennames(proc, unresolved, rule)
            if len(unresolved) > 1:
                remaining.extend(_partition(proc, unresolved))
    if add_year_suffix:
        order = {item.id: n for n, item in enumerate(proc._bibliography_order)}
        for group in remaining:
            for n, item in enumerate(sorted(group, key=lambda it: order[it.id])):
                proc.dis[item.id].year_suffix = year_suffix(n)
    elif uses_condition:
        # as citeproc-js: the disambiguate="true" tests are turned on one at a time, in the
        # order the layout meets them, until the cites differ
        tests = _count_disambiguate_tests(proc)
        for group in remaining:
            unresolved = group
            for level in range(1, tests + 1):
                for item in unresolved:
                    proc.dis[item.id].disambiguate = level
                unresolved = [item for items in _partition(proc, unresolved) for item in items]
                if not unresolved:
                    break


def _partition(proc: CitationProcessor, group: list[Item]) -> list[list[Item]]:
    """The items of a group that still read alike, in sets of two or more."""
    return [items for items in _alike(proc, group) if len(items) > 1]


def _add_names_and_givennames(
    proc: CitationProcessor, group: list[Item], add_names: bool, add_givenname: bool
) -> list[list[Item]]:
    """citeproc-js's by-cite loop: show one more name at a time and, after each, expand the
    given names shown one by one (initials, then whole) where that tells more cites apart.
    An expansion that parts no cites is taken back; cites told apart keep what did it. Returns
    the sets still alike (a year suffix may part them)."""

    def parts(items: list[Item]) -> int:
        return len(_alike(proc, items))

    unresolved = group
    settled = parts(unresolved)
    most = max(_max_names(item) for item in group)
    kept: dict[str, tuple[int, dict[int, int]]] = {item.id: (0, {}) for item in group}
    for extra in range(0, most if add_names else 1):
        for item in unresolved:
            proc.dis[item.id].extra_names = extra
        if add_givenname:
            for index in range(max(_max_names(item) for item in unresolved)):
                for level in (1, 2):
                    baseline = parts(unresolved)
                    before = {item.id: dict(proc.dis[item.id].name_levels) for item in unresolved}
                    for item in unresolved:
                        proc.dis[item.id].name_levels[index] = level
                    if parts(unresolved) > baseline:
                        break
                    for item in unresolved:
                        proc.dis[item.id].name_levels = before[item.id]
        now = parts(unresolved)
        if now > settled:
            settled = now
            for item in unresolved:
                dis = proc.dis[item.id]
                kept[item.id] = (dis.extra_names, dict(dis.name_levels))
            unresolved = [item for items in _partition(proc, unresolved) for item in items]
            settled = parts(unresolved) if unresolved else 0
        if not unresolved:
            break
    for item in unresolved:
        # more names or given names that told none of them apart are taken back
        extra, levels = kept[item.id]
        proc.dis[item.id].extra_names = extra
        proc.dis[item.id].name_levels = levels
    return _partition(proc, unresolved) if unresolved else []


def _still_ambiguous(proc: CitationProcessor, group: list[Item]) -> list[Item]:
    return [item for items in _alike(proc, group) if len(items) > 1 for item in items]


def _add_givennames(proc: CitationProcessor, group: list[Item], rule: str) -> list[Item]:
    unresolved = group
    max_level = 1 if rule.endswith("with-initials") else 2
    best: dict[str, int] = {item.id: 0 for item in group}
    for level in range(1, max_level + 1):
        for item in unresolved:
            dis = proc.dis[item.id]
            dis.givenname_level = level
            if rule.startswith("primary-name"):
                dis.givenname_names = frozenset({0})
        left = _still_ambiguous(proc, unresolved)
        if len(left) < len(unresolved):
            for item in unresolved:
                best[item.id] = level
            unresolved = left
        if not unresolved:
            break
    for item in unresolved:
        # expansions that told none of them apart are taken back
        proc.dis[item.id].givenname_level = best[item.id]
    return unresolved


def _style_tests_disambiguate(proc: CitationProcessor) -> bool:
    return _count_disambiguate_tests(proc) > 0


def _count_disambiguate_tests(proc: CitationProcessor) -> int:
    count = 0
    stack = [proc.style.citation_section.layout, *proc.style.macros.values()]
    while stack:
        node = stack.pop()
        if node.tag in ("if", "else-if") and "disambiguate" in node.attrs:
            count += 1
        stack.extend(node.children)
    return count


__all__ = ["Disambiguation", "disambiguate", "year_suffix"]
