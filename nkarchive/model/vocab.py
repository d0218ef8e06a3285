"""Controlled vocabularies: each defined once, here, as code → English label.

Records store the codes. A vocabulary can be extended at run time with `Vocabulary.add`
(for a local practice such as a new event type) without a schema change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Vocabulary:
    """A named list of codes with labels, in display order."""

    name: str
    terms: dict[str, str] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.terms

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def label(self, code: str | None) -> str:
        if code is None:
            return ""
        return self.terms.get(code, code)

    def add(self, code: str, label: str) -> None:
        if not code or code != code.strip() or " " in code:
            raise ValueError(f"vocabulary code must be one word without spaces, not {code!r}")
        self.terms[code] = label

    def codes(self) -> list[str]:
        return list(self.terms)


def _vocab(name: str, *pairs: tuple[str, str]) -> Vocabulary:
    return Vocabulary(name, dict(pairs))


WORK_FORMS = _vocab(
    "work form",
    ("feature", "Feature film"), ("documentary", "Documentary"), ("animation", "Animation"),
    ("newsreel", "Newsreel"), ("short", "Short film"), ("series", "Series"),
    ("television", "Television film"), ("other", "Other"),
)
RECORD_STATUSES = _vocab(
    "record status",
    ("draft", "Draft"), ("provisional", "Provisional"), ("complete", "Complete"),
    ("reviewed", "Reviewed"),
)
COLOURS = _vocab("colour", ("colour", "Colour"), ("bw", "Black and white"), ("mixed", "Mixed"))
SOUNDS = _vocab("sound", ("sound", "Sound"), ("silent", "Silent"), ("mixed", "Mixed"))
TITLE_TYPES = _vocab(
    "title type",
    ("original", "Original title"), ("title_proper", "Title proper"),
    ("transliterated", "Transliterated title"), ("translated", "Translated title"),
    ("working", "Working title"), ("alternative", "Alternative title"), ("series", "Series title"),
)
SCRIPTS = _vocab(
    "script",
    ("Hang", "Hangul"), ("Kore", "Korean (Hangul and Hanja)"), ("Latn", "Latin"),
    ("Hani", "Han (Hanja, Chinese characters)"), ("Cyrl", "Cyrillic"), ("Jpan", "Japanese"),
    ("Zyyy", "Other"),
)
ROMANIZATION_SCHEMES = _vocab(
    "romanization scheme",
    ("mr", "McCune–Reischauer"), ("mr_ascii", "McCune–Reischauer without diacritics"),
    ("rr", "Revised Romanization"), ("dprk", "DPRK official"),
    ("dprk_ascii", "DPRK official without diacritics"), ("alalc", "ALA-LC"),
    ("other", "Other or unsystematic"),
)
LANGUAGES = _vocab(
    "language",
    ("ko", "Korean"), ("en", "English"), ("ru", "Russian"), ("zh", "Chinese"), ("ja", "Japanese"),
    ("fr", "French"), ("de", "German"), ("cs", "Czech"), ("pl", "Polish"), ("it", "Italian"),
    ("es", "Spanish"), ("und", "Undetermined"),
)
AGENT_TYPES = _vocab(
    "agent type",
    ("person", "Person"), ("studio", "Studio"), ("festival", "Festival"),
    ("broadcaster", "Broadcaster"), ("archive", "Archive"), ("venue", "Venue"),
    ("distributor", "Distributor"), ("organisation", "Other organisation"),
)
NAME_TYPES = _vocab(
    "name type",
    ("preferred", "Preferred name"), ("variant", "Variant"), ("birth", "Birth name"),
    ("alias", "Alias or pseudonym"), ("former", "Former name"),
    ("transliterated", "Transliteration"), ("translated", "Translation"),
)
IDENTIFIER_AUTHORITIES = _vocab(
    "identifier authority",
    ("viaf", "VIAF"), ("wikidata", "Wikidata"), ("kmdb", "KMDb"), ("isni", "ISNI"),
    ("lccn", "Library of Congress"), ("imdb", "IMDb"), ("other", "Other"),
)
ROLES = _vocab(
    "role",
    ("director", "Director"), ("co_director", "Co-director"), ("screenwriter", "Screenwriter"),
    ("original_author", "Author of the original work"), ("cinematographer", "Cinematographer"),
    ("composer", "Composer"), ("editor", "Editor"), ("art_director", "Art director"),
    ("producer", "Producer"), ("cast", "Cast"), ("narrator", "Narrator"),
    ("production_company", "Production company"), ("co_production_company", "Co-production company"),
    ("creative_group", "Creative group"), ("special_effects", "Special effects"),
    ("distributor", "Distributor"), ("other", "Other"),
)
MANIFESTATION_TYPES = _vocab(
    "manifestation type",
    ("release", "Release version"), ("tv", "Television version"), ("restored", "Restored version"),
    ("dubbed", "Dubbed version"), ("subtitled", "Subtitled version"),
    ("home_video", "Home-video edition"), ("other", "Other"),
)
EVENT_TYPES = _vocab(
    "event type",
    ("release", "Release"), ("premiere", "Premiere"), ("screening", "Screening"),
    ("festival_showing", "Festival showing"), ("festival", "Festival edition"),
    ("broadcast", "Broadcast"), ("award", "Award"), ("nomination", "Nomination"),
    ("censorship", "Censorship"), ("production", "Production"), ("home_video", "Home-video release"),
    ("acquisition", "Acquisition"), ("other", "Other"),
)
SOURCE_TYPES = _vocab(
    "source type",
    ("article-newspaper", "Newspaper article"), ("article-magazine", "Magazine article"),
    ("article-journal", "Journal article"), ("book", "Book"), ("chapter", "Book chapter"),
    ("broadcast", "Broadcast"), ("webpage", "Web page"), ("post-weblog", "Blog post"),
    ("report", "Report"), ("interview", "Interview"), ("manuscript", "Manuscript"),
    ("motion_picture", "Film"), ("festival-catalogue", "Festival catalogue"),
    ("dataset", "Dataset"), ("personal_communication", "Personal communication"),
    ("entry-encyclopedia", "Encyclopedia entry"), ("thesis", "Thesis"),
    ("paper-conference", "Conference paper"), ("document", "Document"),
)
SOURCE_CLASSES = _vocab(
    "source class",
    ("dprk_state_media", "DPRK state media"), ("dprk_publication", "DPRK publication"),
    ("foreign_press", "Foreign press"), ("scholarship", "Scholarship"),
    ("festival_material", "Festival material"), ("testimony", "Testimony"),
    ("archival_document", "Archival document"), ("reference_work", "Reference work"),
    ("fan_site", "Fan or hobby site"),
)
CONTRIBUTOR_ROLES = _vocab(
    "contributor role",
    ("author", "Author"), ("editor", "Editor"), ("translator", "Translator"),
    ("director", "Director"), ("performer", "Performer"), ("narrator", "Narrator"),
    ("interviewer", "Interviewer"), ("recipient", "Recipient"), ("composer", "Composer"),
    ("illustrator", "Illustrator"), ("container-author", "Author of the container"),
    ("collection-editor", "Series editor"), ("producer", "Producer"),
)
CONFIDENCES = _vocab(
    "confidence",
    ("certain", "Certain"), ("probable", "Probable"), ("uncertain", "Uncertain"),
    ("disputed", "Disputed"),
)
LOCATOR_TYPES = _vocab(
    "locator type",
    ("page", "Page"), ("column", "Column"), ("timecode", "Timecode"), ("section", "Section"),
    ("paragraph", "Paragraph"), ("folio", "Folio"), ("line", "Line"), ("item", "Item"),
    ("other", "Other"),
)
CARRIERS = _vocab(
    "carrier",
    ("35mm", "35 mm film"), ("16mm", "16 mm film"), ("vhs", "VHS"), ("dvd", "DVD"),
    ("bluray", "Blu-ray"), ("vcd", "Video CD"), ("digital_file", "Digital file"),
    ("betacam", "Betacam"), ("other", "Other"),
)

ALL: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        WORK_FORMS, RECORD_STATUSES, COLOURS, SOUNDS, TITLE_TYPES, SCRIPTS, ROMANIZATION_SCHEMES,
        LANGUAGES, AGENT_TYPES, NAME_TYPES, IDENTIFIER_AUTHORITIES, ROLES, MANIFESTATION_TYPES,
        EVENT_TYPES, SOURCE_TYPES, SOURCE_CLASSES, CONTRIBUTOR_ROLES, CONFIDENCES, LOCATOR_TYPES,
        CARRIERS,
    )
}
