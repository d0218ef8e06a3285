"""The test table of romanization.md §11, parsed from the committed copy in data/."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "romanization_table.md"

# The table's row types, as the `kind` a cataloguer would pass.
KIND_OF_TYPE = {
    "title": "title",
    "word": "title",
    "title/name": "name",
    "person": "name",
    "title/place": "place",
    "place": "place",
    "studio": "place",
    "event": "place",
    "org": "place",
}


@dataclass(frozen=True)
class Row:
    number: int
    hangul: str
    kind: str
    expected: dict[str, tuple[str, ...]]  # scheme → accepted values


def _dprk_values(cell: str) -> tuple[str, ...]:
    match = re.fullmatch(r"(.+?) \(conventional: (.+)\)", cell)
    return (match.group(1), match.group(2)) if match else (cell,)


def load_rows() -> list[Row]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not re.match(r"\| \d+ \|", line):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        number, hangul, mr, mr_ascii, rr, alalc, dprk, _english, row_type = cells[:9]
        dprk_forms = _dprk_values(dprk)
        expected = {
            "mr": (mr,),
            "mr_ascii": (mr_ascii,),
            "rr": (rr,),
            "alalc": (mr if alalc == "=" else alalc,),
            # The table gives the DPRK system in its breve-less form.
            "dprk": dprk_forms,
            "dprk_ascii": dprk_forms,
        }
        rows.append(Row(int(number), hangul, KIND_OF_TYPE[row_type], expected))
    return rows


def same(produced: str, expected: str) -> bool:
    """Equal but for letter case and the apostrophe's code point."""

    def norm(text: str) -> str:
        text = unicodedata.normalize("NFC", text).lower()
        return text.replace("’", "'").replace("ʼ", "'")

    return norm(produced) == norm(expected)
