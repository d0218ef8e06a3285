"""The EDTF grammar (levels 0-2 as the catalogue needs them), by recursive descent."""

from __future__ import annotations

from nkarchive.model.dates.reading import (
    Reader,
    build_point,
    check_day,
    check_month,
    merge,
    read_qualifier,
    read_two_digits,
    read_year,
)
from nkarchive.model.dates.types import (
    EARLIEST,
    EARLIEST_ISO,
    LATEST,
    LATEST_ISO,
    PRECISION_ORDER,
    DatePoint,
    EdtfDate,
    Precision,
    Qualifier,
    SetMember,
)

_SET_CLOSE = {"[": "]", "{": "}"}


def parse_point(reader: Reader) -> DatePoint:
    """``[q]YYYY[q][-[q]MM[q][-[q]DD[q]]]`` with EDTF 2019's qualifier placement.

    A qualifier left of a component qualifies that component only; one on its right
    qualifies it and every component to its left (so ``1985-07~`` qualifies year and month).
    """
    year_left = read_qualifier(reader)
    year_at = reader.pos
    year = read_year(reader)
    year_right = read_qualifier(reader)
    month = day = None
    month_left: Qualifier = ""
    month_right: Qualifier = ""
    day_left: Qualifier = ""
    day_right: Qualifier = ""
    month_at = day_at = reader.pos
    if reader.peek() == "-":
        reader.pos += 1
        month_left = read_qualifier(reader)
        month_at = reader.pos
        month = read_two_digits(reader, "month", "1985-07")
        check_month(reader, month, month_at)
        month_right = read_qualifier(reader)
        if reader.peek() == "-":
            if month != "XX" and int(month) > 12:
                raise reader.error("a season has no day", reader.pos)
            reader.pos += 1
            day_left = read_qualifier(reader)
            day_at = reader.pos
            day = read_two_digits(reader, "day", "1985-07-02")
            check_day(reader, day, day_at)
            day_right = read_qualifier(reader)
    qualifiers = (
        merge(year_left, year_right, month_right, day_right),
        merge(month_left, month_right, day_right),
        merge(day_left, day_right),
    )
    return build_point(reader, year, month, day, qualifiers, (year_at, month_at, day_at))


def parse_edtf(reader: Reader) -> EdtfDate:
    """A single date, an interval or a set, filling every field but ``original``."""
    if reader.peek() in _SET_CLOSE:
        return _parse_set(reader)
    start: DatePoint | None = None
    open_start = unknown_start = False
    if reader.startswith(".."):
        reader.pos += 2
        open_start = True
        if reader.peek() != "/":
            raise reader.error(
                "'..' marks an open end and needs an interval or a set",
                reader.pos - 2,
                "write ../1972 for an interval or [..1972] for 'on or before 1972'",
            )
    elif reader.peek() == "/":
        unknown_start = True
    else:
        start = parse_point(reader)
    if reader.at_end():
        assert start is not None
        return single(start)
    if reader.peek() != "/":
        raise reader.unexpected()
    reader.pos += 1
    end_at = reader.pos
    end: DatePoint | None = None
    open_end = unknown_end = False
    if reader.startswith(".."):
        reader.pos += 2
        open_end = True
    elif reader.at_end():
        unknown_end = True
    else:
        end = parse_point(reader)
    if not reader.at_end():
        if reader.peek() == "/":
            raise reader.error("an interval has only one '/'", hint="as in 1985/1987")
        raise reader.unexpected()
    if start is None and end is None:
        raise reader.error(
            "an interval needs at least one known end", 0, "as in 1985/1987, ../1972 or 1985/"
        )
    if start is not None and end is not None and start.lower > end.upper:
        raise reader.error(
            f"the interval ends before it starts: {end.text} is earlier than {start.text}",
            end_at,
        )
    return interval(start, end, open_start, open_end, unknown_start, unknown_end)


def _parse_set(reader: Reader) -> EdtfDate:
    opening = reader.peek()
    closing = _SET_CLOSE[opening]
    reader.pos += 1
    members: list[SetMember] = []
    while True:
        if reader.startswith(".."):
            if members:
                raise reader.error("'..' with no date before it can only open a set")
            reader.pos += 2
            if reader.at_end() or reader.peek() in f",{closing}":
                raise reader.error("expected a date after '..'", hint="as in [..1972]")
            members.append(SetMember(None, parse_point(reader), True))
        else:
            if reader.at_end() or reader.peek() in f",{closing}":
                raise reader.error("expected a date in the set", hint="as in [1985,1987]")
            first = parse_point(reader)
            if reader.startswith(".."):
                reader.pos += 2
                if reader.at_end() or reader.peek() in f",{closing}":
                    if reader.peek() == ",":
                        raise reader.error("'..' with no date after it can only close a set")
                    members.append(SetMember(first, None, True))
                else:
                    last_at = reader.pos
                    last = parse_point(reader)
                    if first.lower > last.upper:
                        raise reader.error(
                            f"the range ends before it starts: {last.text} is earlier than "
                            f"{first.text}",
                            last_at,
                        )
                    members.append(SetMember(first, last, True))
            else:
                members.append(SetMember(first, first, False))
        if reader.peek() == ",":
            reader.pos += 1
            continue
        if reader.peek() == closing:
            reader.pos += 1
            break
        if reader.at_end():
            raise reader.error(f"expected ',' or '{closing}' to close the set")
        if reader.peek() in "]}":
            raise reader.error(f"expected '{closing}' to close the set, found {reader.peek()!r}")
        raise reader.unexpected("a date in the set")
    if not reader.at_end():
        raise reader.unexpected("the set")
    return set_of(opening, tuple(members))


def _coarsest(points: list[DatePoint]) -> Precision:
    return max((p.precision for p in points), key=PRECISION_ORDER.index)


def single(point: DatePoint) -> EdtfDate:
    return EdtfDate(
        text=point.text,
        original=point.text,
        kind="single",
        lower=point.lower.isoformat(),
        upper=point.upper.isoformat(),
        fuzzy_lower=point.fuzzy_lower.isoformat(),
        fuzzy_upper=point.fuzzy_upper.isoformat(),
        precision=point.precision,
        approximate=point.approximate,
        uncertain=point.uncertain,
        unspecified=point.unspecified,
        start_approximate=point.approximate,
        start_uncertain=point.uncertain,
        end_approximate=point.approximate,
        end_uncertain=point.uncertain,
        start=point,
    )


def interval(
    start: DatePoint | None,
    end: DatePoint | None,
    open_start: bool,
    open_end: bool,
    unknown_start: bool,
    unknown_end: bool,
) -> EdtfDate:
    left = start.text if start is not None else (".." if open_start else "")
    right = end.text if end is not None else (".." if open_end else "")
    points = [p for p in (start, end) if p is not None]
    return EdtfDate(
        text=f"{left}/{right}",
        original=f"{left}/{right}",
        kind="interval",
        lower=start.lower.isoformat() if start is not None else EARLIEST_ISO,
        upper=end.upper.isoformat() if end is not None else LATEST_ISO,
        fuzzy_lower=start.fuzzy_lower.isoformat() if start is not None else EARLIEST_ISO,
        fuzzy_upper=end.fuzzy_upper.isoformat() if end is not None else LATEST_ISO,
        precision=_coarsest(points),
        approximate=any(p.approximate for p in points),
        uncertain=any(p.uncertain for p in points),
        unspecified=any(p.unspecified for p in points),
        start_approximate=start is not None and start.approximate,
        start_uncertain=start is not None and start.uncertain,
        end_approximate=end is not None and end.approximate,
        end_uncertain=end is not None and end.uncertain,
        open_start=open_start,
        open_end=open_end,
        unknown_start=unknown_start,
        unknown_end=unknown_end,
        start=start,
        end=end,
    )


def set_of(opening: str, members: tuple[SetMember, ...]) -> EdtfDate:
    text = opening + ",".join(m.text for m in members) + _SET_CLOSE[opening]
    points = [p for m in members for p in m.points]
    open_start = members[0].is_range and members[0].first is None
    open_end = members[-1].is_range and members[-1].last is None
    lowest = EARLIEST if open_start else min(p.lower for p in points)
    highest = LATEST if open_end else max(p.upper for p in points)
    fuzzy_lowest = EARLIEST if open_start else min(p.fuzzy_lower for p in points)
    fuzzy_highest = LATEST if open_end else max(p.fuzzy_upper for p in points)
    approximate = any(p.approximate for p in points)
    uncertain = any(p.uncertain for p in points)
    return EdtfDate(
        text=text,
        original=text,
        kind="set",
        lower=lowest.isoformat(),
        upper=highest.isoformat(),
        fuzzy_lower=fuzzy_lowest.isoformat(),
        fuzzy_upper=fuzzy_highest.isoformat(),
        precision=_coarsest(points),
        approximate=approximate,
        uncertain=uncertain,
        unspecified=any(p.unspecified for p in points),
        start_approximate=approximate,
        start_uncertain=uncertain,
        end_approximate=approximate,
        end_uncertain=uncertain,
        open_start=open_start,
        open_end=open_end,
        set_kind="one_of" if opening == "[" else "all_of",
        members=members,
    )
