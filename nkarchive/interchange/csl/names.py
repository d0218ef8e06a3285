"""cs:names and cs:name: name order, initials, et-al, labels, substitution.

Names written in Hangul, Han or kana keep their natural order, family name first with no space
and no initials, whatever the style asks for Latin-script names (CSL's rule for non-Latin names).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nkarchive.interchange.csl.items import Name
from nkarchive.interchange.csl.markup import (
    LABEL_END,
    LABEL_START,
    affix,
    apply_text_case,
    join,
    strip_markers,
    wrap,
)
from nkarchive.interchange.csl.nodes import Node

if TYPE_CHECKING:
    from nkarchive.interchange.csl.render import Context, Renderer, Result

_INITIAL_SPLIT_RE = re.compile(r"(\s*[\-\u2010]\s*|\s+)")
_RUN_TOGETHER_RE = re.compile(r"\.(?=[^\s.\-\u2010])")  # "Ph.M.E." is three parts: "Ph. M. E."
_NAME_OPTION_RENAMES = {"name-form": "form", "name-delimiter": "delimiter"}


def _options(renderer: Renderer, name_node: Node | None, ctx: Context) -> dict[str, str]:
    """The options in force for a cs:name (cached: styles call the same names many times)."""
    key = (
        id(name_node),
        ctx.mode,
        ctx.sort_mode,
        tuple(sorted(ctx.sort_name_options.items())) if ctx.sort_mode else (),
    )
    cached = renderer.name_option_cache.get(key)
    if cached is None:
        cached = _compute_options(renderer, name_node, ctx)
        renderer.name_option_cache[key] = cached
    return cached


def _compute_options(renderer: Renderer, name_node: Node | None, ctx: Context) -> dict[str, str]:
    options: dict[str, str] = {}
    for key, value in renderer.style.name_options(ctx.mode).items():
        if key == "names-delimiter":
            continue
        options[_NAME_OPTION_RENAMES.get(key, key)] = value
    if name_node is not None:
        options.update(name_node.attrs)
    if ctx.sort_mode:
        # Sort keys list names plainly, "Kim Jong Il Berry Chris": separators would decide the
        # order of entries otherwise ("Kim, J., & Berry" before "Kim, J. I.").
        options["name-as-sort-order"] = "all"
        options["sort-separator"] = " "
        options["delimiter"] = " "
        options["and"] = ""
        options["delimiter-precedes-last"] = "never"
        for key, target in (
            ("names-min", "et-al-min"),
            ("names-use-first", "et-al-use-first"),
            ("names-use-last", "et-al-use-last"),
        ):
            if key in ctx.sort_name_options:
                options[target] = ctx.sort_name_options[key]
    return options


def initialize(given: str, initialize_with: str, initialize_all: bool, hyphen: bool) -> str:
    """'John Ronald' -> 'J. R.'; 'Jean-Paul' -> 'J.-P.'; with initialize=false only tidies initials."""
    tokens = _INITIAL_SPLIT_RE.split(_RUN_TOGETHER_RE.sub(". ", given.strip()))
    out = ""
    previous_whole = False  # a whole word needs a space after it; an initial brings its own
    for n, token in enumerate(tokens):
        if n % 2 == 1:
            if "-" in token or "\u2010" in token:
                following = tokens[n + 1] if n + 1 < len(tokens) else ""
                if initialize_all and following[:1].islower():
                    # "Ik-kyu" -> "I.": a lower-case second syllable is no separate given name
                    tokens[n + 1] = ""
                    continue
                out = out.rstrip()
                if hyphen or previous_whole:
                    out += "-"
            elif previous_whole:
                out += " "
            continue
        if not token:
            continue
        letters = token.replace(".", "")
        if token.endswith(".") and len(letters) > 1 and letters[0].isupper():
            # an abbreviation kept whole: "Ts." for Tserendorj, "Ph." for Philipp, "ME." as written
            out += letters + initialize_with
            previous_whole = False
        elif len(letters) == 1 and letters.isupper():
            out += letters + initialize_with
            previous_whole = False
        elif initialize_all and token[0].isalpha() and not token[0].islower():
            out += _initial_of(token) + initialize_with
            previous_whole = False
        else:
            # a whole word, or a lower-case particle inside the given names ("J. B. de C. M."),
            # stands apart from the initials before it
            if out and not out.endswith((" ", "-", "\u2010")) and token[0].islower():
                out += " "
            out += token
            previous_whole = True
    return out.strip()


def _initial_of(word: str) -> str:
    """'John' -> 'J'; a transliterated digraph written in capitals keeps it: 'TSerendorjiin' -> 'Ts'
    (a word all in capitals, 'ME', is an initial and the rest)."""
    capitals = len(word[1:]) - len(word[1:].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if 0 < capitals < len(word) - 1:
        return word[0] + word[1 : 1 + capitals].lower()
    return word[0]


def _part(node: Node | None, text: str, english: bool, *extra: str) -> str:
    """A name part (with its particles in `extra`), formatted as its cs:name-part says: case and
    formatting go on each piece, the affixes around them all."""
    if node is None:
        return _glue(text, *extra)
    pieces = []
    for piece in (text, *extra):
        if not piece:
            continue
        if node.text_case:
            piece = apply_text_case(piece, node.text_case, english)
        for marker in reversed(node.markers):
            piece = wrap(marker, piece)
        pieces.append(piece)
    return affix(node.prefix, _glue(*pieces), node.suffix)


def _glue(*parts: str) -> str:
    """Join name pieces with spaces, except after a particle ending in an apostrophe, a hyphen or
    a kept space ("d’Aubignac", "al-One", "de’ Frinkle")."""
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not strip_markers(out).endswith(("'", "\u2019", "\u02bc", "-", "\u2010", " ")):
            out += " "
        out += part
    return out


def _decorated(node: Node | None, text: str, english: bool) -> str:
    """A name piece with its cs:name-part's case and formatting (affixes go round the whole)."""
    if node is None or not text:
        return text
    if node.text_case:
        text = apply_text_case(text, node.text_case, english)
    for marker in reversed(node.markers):
        text = wrap(marker, text)
    return text


def _affixed(node: Node | None, text: str) -> str:
    return affix(node.prefix, text, node.suffix) if node is not None else text


def format_name(
    renderer: Renderer,
    name: Name,
    options: dict[str, str],
    inverted: bool,
    name_node: Node | None,
    ctx: Context,
    expand: int = 0,
) -> str:
    """One name as the style wants it; `expand` is the givenname disambiguation level."""
    english = renderer.is_english(ctx.item)
    given_node = family_node = None
    if name_node is not None:
        for child in name_node.children:
            if child.tag == "name-part":
                if child.attrs.get("name") == "given":
                    given_node = child
                elif child.attrs.get("name") == "family":
                    family_node = child
    if name.literal:
        return _part(family_node, name.literal, english)
    form = options.get("form", "long")
    initialize_with = options.get("initialize-with")
    initialize_all = options.get("initialize", "true") != "false"
    if expand >= 1 and form == "short":
        form = "long"
        if expand == 1 and initialize_with is None:
            initialize_with = ". "  # CSL: initials for name disambiguation when none are set
            initialize_all = True
            if options.get("initialize-with") is None:
                initialize_with = None
    if expand >= 2:
        initialize_with = None
    if name.script != "latin" or name.static_ordering:
        family = _part(family_node, name.family, english)
        if form == "short":
            return family
        given = _part(given_node, name.given, english)
        if not given:
            return family
        separator = "" if name.script == "cjk" else " "
        return f"{family}{separator}{given}"
    given_text = name.given
    if not name.family:
        return _part(given_node, given_text, english)  # "Banksy": a given name alone stays whole
    if initialize_with is not None and given_text:
        given_text = initialize(
            given_text, initialize_with, initialize_all, renderer.initialize_with_hyphen
        )
    if form == "short":
        return _part(family_node, name.non_dropping_particle, english, name.family)
    demote = renderer.demote_particle
    if ctx.sort_mode and demote == "sort-only":
        demote = "display-and-sort"
    # As citeproc-js: the dropping particle takes the given name's formatting, the non-dropping
    # one the family name's; the affixes of a name-part go round the pieces kept with it.
    given = _decorated(given_node, given_text, english)
    dropping = _decorated(given_node, name.dropping_particle, english) if given_text else ""
    non_dropping = _decorated(family_node, name.non_dropping_particle, english)
    family = _decorated(family_node, name.family, english)
    suffix = name.suffix if given_text else ""
    if not inverted:
        if (
            dropping
            and not non_dropping
            and name.dropping_particle.endswith(("'", "\u02bc", "\u2019", "-"))
            and name.dropping_particle[:-1] != "de"
        ):
            family, dropping = dropping + family, ""  # "François Hédelin d’Aubignac"
        second = " ".join(p for p in (dropping, _glue(non_dropping, family)) if p)
        if suffix:
            second += (", " if name.comma_suffix else " ") + suffix
        first = _affixed(given_node, given)
        if first and strip_markers(first)[-1:].isspace():
            return first + _affixed(family_node, second)  # the given part's suffix spaces them
        return " ".join(p for p in (first, _affixed(family_node, second)) if p)
    sort_separator = options.get("sort-separator", ", ")
    if demote == "display-and-sort":
        family_part = _affixed(family_node, family)
        given_part = _affixed(given_node, " ".join(p for p in (given, dropping, non_dropping) if p))
    else:
        family_part = _affixed(family_node, _glue(non_dropping, family))
        given_part = _affixed(given_node, " ".join(p for p in (given, dropping) if p))
    text = family_part
    if given_part:
        text += sort_separator + given_part
    if suffix:
        text += sort_separator + suffix
    return text


def _int(options: dict[str, str], key: str, default: int) -> int:
    try:
        return int(options.get(key, default))
    except ValueError:
        return default


def format_name_list(
    renderer: Renderer,
    names: list[Name],
    options: dict[str, str],
    name_node: Node | None,
    et_al_node: Node | None,
    ctx: Context,
) -> tuple[str, int]:
    """The names of one variable joined as the style says; also returns how many were shown."""
    count = len(names)
    et_al_min = _int(options, "et-al-min", 0)
    use_first = _int(options, "et-al-use-first", 0)
    cite = ctx.cite
    if cite is not None and cite.position != "first" and ctx.mode == "citation":
        et_al_min = _int(options, "et-al-subsequent-min", et_al_min)
        use_first = _int(options, "et-al-subsequent-use-first", use_first)
    # et-al-min without et-al-use-first cuts nothing (citeproc-js)
    truncate = (
        bool(et_al_min)
        and ("et-al-use-first" in options or use_first > 0)
        and count >= et_al_min
        and use_first < count
    )
    shown_count = count
    if truncate:
        shown_count = min(count, use_first + ctx.dis.extra_names)
        if shown_count >= count:
            truncate = False
            shown_count = count
    if options.get("form") == "count":
        return str(shown_count), shown_count
    if shown_count == 0:
        return "", 0
    order = options.get("name-as-sort-order", "")
    delimiter = options.get("delimiter", ", ")
    expand_level = ctx.dis.givenname_level
    expand_which = ctx.dis.givenname_names
    texts: list[str] = []
    inverted_flags: list[bool] = []
    for index, name in enumerate(names[:shown_count]):
        inverted = order == "all" or (order == "first" and index == 0)
        expand = expand_level if expand_which is None or index in expand_which else 0
        expand = max(expand, ctx.dis.name_levels.get(index, 0))
        if ctx.dis.person_levels and (index == 0 or not ctx.dis.primary_only):
            person = ((name.non_dropping_particle + " " + name.family).strip(), name.given)
            expand = max(expand, ctx.dis.person_levels.get(person, 0))
        texts.append(format_name(renderer, name, options, inverted, name_node, ctx, expand))
        inverted_flags.append(inverted and name.script == "latin" and not name.literal)
    if truncate:
        use_last = options.get("et-al-use-last") == "true"
        if use_last and count > shown_count + 1:
            last = format_name(renderer, names[-1], options, order == "all", name_node, ctx)
            return join(texts, delimiter) + delimiter + "\u2026 " + last, shown_count
        if ctx.sort_mode:
            return join(texts, delimiter), shown_count  # sort keys leave out "et al."
        term = "et-al"
        if et_al_node is not None:
            term = et_al_node.attrs.get("term", "et-al")
        et_al = renderer.locale.term(term) or ""
        if et_al_node is not None and et_al:
            et_al = _part(et_al_node, et_al, True)
        body = join(texts, delimiter)
        if not et_al:
            return body, shown_count
        rule = options.get("delimiter-precedes-et-al", "contextual")
        use_delimiter = (
            rule == "always"
            or (rule == "contextual" and shown_count >= 2)
            or (rule == "after-inverted-name" and inverted_flags[-1])
        )
        # a Chinese or Japanese "et al." (等) follows the last name with no space (a Korean
        # one, 외, keeps its space)
        first = strip_markers(et_al)[:1]
        space = "" if "\u3040" <= first <= "\u30ff" or "\u3400" <= first <= "\u9fff" else " "
        return body + (delimiter if use_delimiter else space) + et_al, shown_count
    if len(texts) == 1:
        return texts[0], 1
    and_option = options.get("and", "")
    and_term = ""
    if and_option == "text":
        and_term = renderer.locale.term("and") or "and"
    elif and_option == "symbol":
        and_term = "&"
    if not and_term:
        return join(texts, delimiter), shown_count
    rule = options.get("delimiter-precedes-last", "contextual")
    use_delimiter = (
        rule == "always"
        or (rule == "contextual" and len(texts) >= 3)
        or (rule == "after-inverted-name" and inverted_flags[-2])
    )
    glue = delimiter if use_delimiter else " "
    return f"{delimiter.join(texts[:-1])}{glue}{and_term} {texts[-1]}", shown_count


def _label(renderer: Renderer, label_node: Node, term: str, plural: bool, ctx: Context) -> str:
    form = label_node.attrs.get("form", "long")
    setting = label_node.attrs.get("plural", "contextual")
    if setting == "always":
        plural = True
    elif setting == "never":
        plural = False
    text = renderer.locale.term(term, form, plural) or ""
    return renderer.decorate(label_node, text, ctx, english=True)


def render_names(renderer: Renderer, node: Node, ctx: Context) -> Result:
    inherited = ctx.inherited_names
    name_node = node.name
    et_al_node = node.et_al
    label_node = node.label
    label_before = node.label_before_name
    if inherited is not None and name_node is None and not node.children:
        name_node = inherited.name
        et_al_node = inherited.et_al
        label_node = inherited.label
        label_before = inherited.label_before_name
    variables = [v for v in node.variables if v not in ctx.suppressed]
    if not variables and node.variables:
        return "", False, False
    names_of = ctx.item.names
    present = [(v, names_of[v]) for v in variables if names_of.get(v)]
    if not present and node.substitute is None:
        return "", True, False  # most cs:names of a big style name no one in a given item
    outputs: list[str] = []
    if present:
        options = _options(renderer, name_node, ctx)
        # An editor who is also the translator is named once, with a combined label.
        names_by_var = dict(present)
        if (
            "editor" in names_by_var
            and "translator" in names_by_var
            and names_by_var["editor"] == names_by_var["translator"]
            and renderer.locale.term("editortranslator")
        ):
            present = [(v, n) for v, n in present if v != "translator"]
            combined = {"editor"}
        else:
            combined = set()
        total = 0
        for variable, names in present:
            renderer.note_used(ctx, variable)
            text, shown = format_name_list(renderer, names, options, name_node, et_al_node, ctx)
            if options.get("form") == "count":
                total += shown
                continue
            if not text:
                continue
            if name_node is not None:
                text = affix(name_node.prefix, _formatted(name_node, text), name_node.suffix)
            if label_node is not None and not ctx.sort_mode:
                term = "editortranslator" if variable in combined else variable
                label = _label(renderer, label_node, term, len(names) > 1, ctx)
                if label and ctx.mark_names:
                    label = LABEL_START + label + LABEL_END
                text = f"{label}{text}" if label_before else f"{text}{label}"
            outputs.append(text)
        if options.get("form") == "count":
            if total == 0:
                return "", True, False
            return str(total), True, True
        delimiter = node.attrs.get("delimiter") or renderer.style.name_options(ctx.mode).get(
            "names-delimiter", ""
        )
        text = join(outputs, delimiter)
        if text:
            return renderer.decorate(node, text, ctx), True, True
    if node.substitute is not None:
        for child in node.substitute.children:
            handler = renderer.handlers.get(child.tag)
            if handler is None:
                continue
            saved_used = ctx.used_variables
            saved_inherited = ctx.inherited_names
            saved_suppressed = set(ctx.suppressed)
            saved_substituting = ctx.substituting
            ctx.used_variables = []
            ctx.inherited_names = node
            # a variable a substitute renders is used up at once, even later in the same
            # substitute (an editor macro naming the editors twice shows them once)
            ctx.substituting = True
            try:
                text, _, _ = handler(child, ctx)
            finally:
                used = ctx.used_variables
                ctx.used_variables = saved_used
                ctx.inherited_names = saved_inherited
                ctx.substituting = saved_substituting
            if not text:
                ctx.suppressed = saved_suppressed
            if text:
                ctx.suppressed.update(used)
                if saved_used is not None:
                    saved_used.extend(used)
                return renderer.decorate(node, text, ctx), True, True
    return "", True, False


def _formatted(node: Node, text: str) -> str:
    for marker in reversed(node.markers):
        text = wrap(marker, text)
    return text
