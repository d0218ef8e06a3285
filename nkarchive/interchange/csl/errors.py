"""The one exception the CSL processor raises for bad styles, locales and items."""

from __future__ import annotations


class CslError(Exception):
    """A style, locale or item the processor cannot use.

    The message names the file and element (for a style or locale) or the item id and field
    (for an item), so it can be shown to a user as it is.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        element: str | None = None,
        item_id: str | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = message
        self.source = source
        self.element = element
        self.item_id = item_id
        self.field = field
        where: list[str] = []
        if source:
            where.append(source)
        if element:
            where.append(f"element <{element}>")
        if item_id is not None:
            where.append(f"item {item_id!r}")
        if field:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
