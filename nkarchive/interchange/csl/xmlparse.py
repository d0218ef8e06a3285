"""Safe XML reading for styles and locales (defusedxml), with errors that name the file and line."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from nkarchive.interchange.csl.errors import CslError

CSL_NS = "{http://purl.org/net/xbiblio/csl}"


def local_name(tag: object) -> str:
    """The tag without its namespace; comments and processing instructions give ''."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def parse_xml_text(text: str, source: str) -> Element:
    try:
        root = safe_et.fromstring(text)
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise CslError(
            f"not well-formed XML at line {line}, column {column}: {exc}", source=source
        ) from None
    except DefusedXmlException as exc:
        raise CslError(f"refused unsafe XML: {exc}", source=source) from None
    if not isinstance(root, Element):
        raise CslError("no root element", source=source)
    return root


def parse_xml_file(path: Path) -> Element:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CslError("file not found", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise CslError(f"not UTF-8 text ({exc.reason})", source=str(path)) from None
    except OSError as exc:
        raise CslError(f"cannot be read: {exc.strerror}", source=str(path)) from None
    return parse_xml_text(text, str(path))
