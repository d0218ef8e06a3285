"""The search language as the app's help and `nkarchive search --help` show it."""

from __future__ import annotations

from nkarchive.search.grammar import FACTS, ROLE_ALIASES, TEXT_FIELDS

_ROLES = (
    "director, co_director, screenwriter (writer), cast (actor), cinematographer, composer "
    "(music), editor, art_director, producer, narrator, production_company, …"
)

HELP_TEXT = (
    """\
Search finds works, people and organisations, events and sources at once.

  Pulgasari            a word: any field; Hangul and every romanization find each other
  kimjongil            romanized syllables run together or spaced apart (Kim Jong Il)
  불가사리 Shin         several words: records that have all of them (and is implicit)
  "flower girl"        a phrase: the words together, in this order
  pulga                while typing, the last word also finds longer words (Pulgasari)
  title:Pulgasari      a word in one field (see the fields below)
  director:"Shin Sang-ok"   a credit in one role
  year:1985  year:1980..1989  year:>1980  year:<=1990   a date within a range
  Pulgasari or Sogwang       either
  not Pulgasari  -Pulgasari  without it
  (title:Pulgasari or 불가사리) year:1985    parentheses group

Case, diacritics (ŏ ǒ ö), apostrophes and hyphens never matter. Hits rank higher when they
match more exactly (the same spelling above another romanization of it) and in a title or name
above credits, credits above notes.

Fields that take words:
"""
    + "".join(f"  {name + ':':<13}{what}\n" for name, what in TEXT_FIELDS.items())
    + f"""\
  role fields: {_ROLES}
               ({", ".join(f"{a}: = {r}:" for a, r in ROLE_ALIASES.items())})

Fields that take codes:
  year:        as above (production year, event date, source date)
  event:       an event type: festival, festival_showing, screening, broadcast, award, release, …
               (works: having such an event)
  country:     a two-letter code: KP, CS, SU, … (works: country of production; events: where)
  class:       a source class: dprk_state_media, foreign_press, testimony, … (others: cited by one)
  confidence:  certain, probable, uncertain, disputed (records with a citation of that confidence)
  has:X        records that have X; missing:X  records that lack it. X is one of:
"""
    + "".join(f"               {name:<11} {what}\n" for name, what in FACTS.items())
    + """\
A field that does not apply to a kind of record matches none of them (year: finds no people).
Quote a word that looks like a field or a keyword: "not", "re:union".
"""
)
