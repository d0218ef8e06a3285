"""English names of the country codes events carry, historical states included (SU, CS, DD, YU)."""

from __future__ import annotations

COUNTRY_NAMES: dict[str, str] = {
    "AR": "Argentina", "AT": "Austria", "AU": "Australia", "BE": "Belgium", "BG": "Bulgaria",
    "BR": "Brazil", "CA": "Canada", "CH": "Switzerland", "CN": "China", "CS": "Czechoslovakia",
    "CU": "Cuba", "CZ": "Czech Republic", "DD": "East Germany", "DE": "Germany", "DK": "Denmark",
    "EG": "Egypt", "ES": "Spain", "FI": "Finland", "FR": "France", "GB": "United Kingdom",
    "GR": "Greece", "HK": "Hong Kong", "HU": "Hungary", "ID": "Indonesia", "IN": "India",
    "IR": "Iran", "IT": "Italy", "JP": "Japan", "KH": "Cambodia", "KP": "North Korea",
    "KR": "South Korea", "LA": "Laos", "LT": "Lithuania", "MN": "Mongolia", "MX": "Mexico",
    "MY": "Malaysia", "NL": "Netherlands", "NO": "Norway", "NZ": "New Zealand", "PH": "Philippines",
    "PL": "Poland", "PT": "Portugal", "RO": "Romania", "RU": "Russia", "SE": "Sweden",
    "SG": "Singapore", "SU": "Soviet Union", "SY": "Syria", "TH": "Thailand", "TR": "Turkey",
    "TW": "Taiwan", "UA": "Ukraine", "US": "United States", "VN": "Vietnam", "YU": "Yugoslavia",
    "ZA": "South Africa",
}  # fmt: skip


def country_name(code: str | None) -> str:
    """The country's English name, or the code itself when it is not in the list."""
    if not code:
        return "No country recorded"
    return COUNTRY_NAMES.get(code.upper(), code)
