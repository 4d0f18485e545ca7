"""Which layout a spreadsheet is, from its header row alone, and where each field's column is.

Header names are compared loosely: case, spaces, underscores and camelCase do not matter
(``startYear``, ``Start Year`` and ``START_YEAR`` are one name). ``--columns`` names the columns of
any other spreadsheet: ``date=Fecha,title=Evento``.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from ..problems import Problem
from ..text import INVISIBLE
from .sheet_read import SheetError, TwiceEncoded

COLUMN_FIELDS = ("date", "time", "zone", "end", "title", "summary", "place", "actors", "tags", "source", "id")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[_\-.:/()]+")


def normal(name: str) -> str:
    """'startYear' -> 'start year', 'EVENT_ID_CNTY' -> 'event id cnty', ' Media  URL ' -> 'media url'."""
    return " ".join(_SEPARATORS.sub(" ", _CAMEL.sub(" ", name.translate(INVISIBLE))).lower().split())


# TimelineJS's Google Sheets template (and its camelCase and older v2 spellings): field -> names.
TIMELINEJS_COLUMNS = {
    "year": ("year", "start year"),
    "month": ("month", "start month"),
    "day": ("day", "start day"),
    "time": ("time", "start time"),
    "end year": ("end year",),
    "end month": ("end month",),
    "end day": ("end day",),
    "end time": ("end time",),
    "start date": ("start date",),  # v2
    "end date": ("end date",),  # v2
    "display date": ("display date", "display"),
    "headline": ("headline",),
    "text": ("text",),
    "media": ("media", "media url", "media link"),
    "media credit": ("media credit",),
    "media caption": ("media caption",),
    "media thumbnail": ("media thumbnail", "thumbnail"),
    "media alt": ("media alt", "alt", "alt text", "media alt text"),
    "type": ("type",),
    "group": ("group", "tag"),  # v2's Tag is today's Group
    "background": ("background", "background color", "background image"),
    "unique id": ("unique id",),
}
ACLED_ONLY = frozenset(
    {"event id cnty", "event id no cnty", "time precision", "disorder type", "sub event type", "actor1", "actor2"}
    | {
        "assoc actor 1",
        "assoc actor 2",
        "ally actor 1",
        "ally actor 2",
        "inter1",
        "inter2",
        "geo precision",
        "geo precis",
    }
    | {"civilian targeting", "source scale", "gwno", "admin1", "fatalities"}
    # spelt with a space or an underscore before the digit ('Actor 1', 'actor_1'), or camelCase ('assocActor1')
    | {"actor 1", "actor 2", "inter 1", "inter 2", "admin 1", "assoc actor1", "assoc actor2", "ally actor1"}
    | {"ally actor2"}
)
# Columns a zone may be in, but not only a zone ('offset': a byte's, 'UTC': a time): not read as one, named
ZONE_LIKE = re.compile(r"\b(?:offset|utc|gmt|zone|tz)\b", re.IGNORECASE)
# Names a generic sheet's columns commonly have, per field, in order of preference.
GENERIC_NAMES = {
    "date": ("date", "start date", "start", "fecha", "fecha inicio", "when", "event date", "datum", "data", "year",
             "año", "ano", "start year", "day", "begin", "time", "datetime", "date time", "timestamp", "time stamp",
             "date de début", "année", "annee", "jahr", "quand"),
    # a time of day in a column of its own, read with the date ('date, time, event'): a user trial found it kept as
    # text and the rows said to have no time; and the zone it is in, read with it
    "time": ("time", "time of day", "local time", "hora", "hora local", "heure", "uhrzeit"),
    "zone": ("time zone", "timezone", "zone", "tz", "utc offset", "zona horaria", "huso horario", "fuseau horaire",
             "zeitzone",
             # (a trial: 'zona -4' kept in the summary while the times were said to carry no zone, read as UTC;
             # 'offset', 'UTC' may hold anything, a byte offset or a time: named in that warning, not read)
             "zona", "fuseau", "huso"),
    "end": ("end date", "end", "fecha fin", "fecha final", "until", "to", "finish", "end year", "date de fin", "fin",
            "enddatum", "ende",
            # (a user trial: 'Hasta' went to the summary, and 'Trial proceedings' to 2019 was the year 2018 alone)
            "hasta", "fecha de fin", "fecha de término", "fecha de termino", "fecha de finalización", "bis",
            "jusqu'à", "jusqu'au", "date fin", "data fim", "data de fim", "fim"),
    "title": ("title", "event", "headline", "titulo", "título", "evento", "name", "what", "subject", "hecho",
              "titre", "événement", "evenement", "titel", "ereignis"),
    "summary": ("description", "summary", "details", "detail", "descripción", "descripcion", "text", "notes",
                "note", "notas", "body", "content", "resumen", "résumé", "resume", "texte", "beschreibung"),
    "place": ("place", "location", "lugar", "city", "ciudad", "where", "site", "country", "país", "pais", "lieu",
              "ville", "pays", "ort", "stadt"),
    "actors": ("actors", "actor", "people", "persons", "who", "participants", "involved", "actores", "personas",
               "acteurs", "personnes", "akteure", "personen"),
    "tags": ("tags", "tag", "category", "categories", "type", "group", "keywords", "categoría", "categoria",
             "etiquetas", "tipo", "catégorie", "categorie", "mots-clés", "kategorie", "schlagworte"),
    "source": ("source", "sources", "fuente", "fuentes", "url", "link", "reference", "references", "citation",
               "referencia", "lien", "quelle", "quellen"),
    "id": ("id", "unique id", "event id", "identifier"),
}  # fmt: skip


# A generic sheet's year column, and the month and day columns that complete it; and the end's
YEAR_NAMES = frozenset({"year", "año", "ano", "start year", "année", "annee", "jahr"})
MONTH_NAMES = ("month", "mes", "start month", "mois", "monat")
DAY_NAMES = ("day", "día", "dia", "start day", "jour")
_PARTS_OF = {
    "date": (YEAR_NAMES, (("month", MONTH_NAMES), ("day", DAY_NAMES))),
    "end": (frozenset({"end year"}), (("end month", ("end month",)), ("end day", ("end day",)))),
}


@dataclass
class ColumnSpec:
    """What ``--columns date=COL,title=COL,...`` says: field -> the header name (or 1-based number) given."""

    fields: dict[str, str] = field(default_factory=dict)
    order: str | None = None  # 'dmy' or 'mdy': the day order, when the file cannot settle it

    def __str__(self) -> str:
        parts = [f"{key}={value}" for key, value in self.fields.items()]
        return ",".join(parts + ([f"order={self.order}"] if self.order else []))


def parse_columns(text: str) -> ColumnSpec:
    """``date=Fecha,title=Evento``; ValueError with a message for people when it cannot be read."""
    spec = ColumnSpec()
    for item in filter(None, (part.strip() for part in text.split(","))):
        key, equals, value = item.partition("=")
        key, value = key.strip().lower(), value.strip().strip("'\"").strip()
        if not equals or not value:
            raise ValueError(f"{item!r} is not FIELD=COLUMN (for example date=Fecha)")
        previous = spec.order if key == "order" else spec.fields.get(key)
        if previous is not None:  # the last would silently win
            raise ValueError(f"{key}= is given twice ({previous!r} and {value!r}): give each field once")
        if key == "order":
            if value.lower() not in {"dmy", "mdy"}:
                raise ValueError(f"order={value} should be order=dmy (day/month) or order=mdy (month/day)")
            spec.order = value.lower()
        elif key not in COLUMN_FIELDS:
            raise ValueError(f"unknown field {key!r}; the fields are {', '.join(COLUMN_FIELDS)} and order")
        else:
            spec.fields[key] = value
    if not spec.fields and spec.order is None:
        raise ValueError("no FIELD=COLUMN given (for example date=Fecha,title=Evento)")
    return spec


@dataclass
class Header:
    """A header row, searchable by loose name."""

    names: list[str]
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.index = {}
        for position, name in enumerate(self.names):
            self.index.setdefault(normal(name), position)

    def find(self, candidates: Iterable[str]) -> int | None:
        for candidate in candidates:
            if (position := self.index.get(candidate)) is not None:
                return position
        return None

    def has(self, *names: str) -> bool:
        return all(name in self.index for name in names)


def layout_of(header: Header) -> str | None:
    """'junquito', 'acled', 'timesketch', 'timelinejs' or 'timelinejs-v2'; None for any other sheet."""
    if header.names[:2] == ["id", "start"] and header.has("precision", "title"):
        return "junquito"
    if header.has("event date") and (header.has("event id cnty") or len(ACLED_ONLY & set(header.index)) >= 2):
        return "acled"
    if _few_acled_columns(header):
        return "acled"
    datetime = header.has("datetime") or header.has("date time")  # 'DateTime', 'Date Time'
    if datetime and header.has("message") and (header.has("timestamp desc") or header.has("timestamp")):
        return "timesketch"
    if header.has("timestamp", "timestamp desc", "message"):  # Timesketch's own three, without datetime (a trial)
        return "timesketch"
    if header.has("headline") and header.find(TIMELINEJS_COLUMNS["year"]) is not None:
        return "timelinejs"
    if header.has("headline", "start date"):
        return "timelinejs-v2"
    return None


def _few_acled_columns(header: Header) -> bool:
    """An ACLED export that kept few columns: 'event_date' and 'event_type' as ACLED spells them, one of its
    own, and no title or text column of a sheet of one's own ('Event date,Event type,Fatalities,Title' is not)."""
    written = set(header.names)
    own = {"title", "headline", "description", "summary", "text", "event", "name"} & set(header.index)
    return {"event_date", "event_type"} <= written and bool(ACLED_ONLY & set(header.index)) and not own


Guess = Callable[[set[int], Mapping[str, Callable[[str], object]], Callable[[str], object]], dict[str, int]]


def generic_columns(header: Header, spec: ColumnSpec | None, content: Guess | None = None) -> dict[str, int]:
    """field -> column for a sheet of no known layout: what ``spec`` names, else the obvious columns;
    ``content``: where none is obvious, the columns its first rows show (``column_guess``), for the
    ``--columns`` line the error suggests."""
    chosen: dict[str, int] = {}
    for key, wanted in (spec.fields if spec else {}).items():
        position = header.find([normal(wanted)])
        if position is None and wanted.isdigit() and 1 <= int(wanted) <= len(header.names):
            position = int(wanted) - 1
        if position is None:
            raise SheetError(Problem("", f"--columns {key}={wanted}: no such column; {headers_found(header)}"))
        if other := next((k for k, p in chosen.items() if p == position and {k, key} != {"title", "summary"}), None):
            # (a trial: 'date=fecha,title=fecha' titled every event with its date, unsaid; a title and a summary may
            # share one, as a sheet of dates and descriptions does)
            raise SheetError(
                Problem("", f"--columns {other}= and {key}= name one column, {wanted!r}: give each field its own")
            )
        chosen[key] = position
    taken = set(chosen.values())
    german = header.has("jahr", "monat")  # ('Jahr, Monat, Tag': its 'Tag' is the day, not tags)
    for key, names in GENERIC_NAMES.items():
        if key in chosen:
            continue
        position = header.find(n for n in names if not (german and n == "tag"))
        if position is not None and position not in taken:
            chosen[key] = position
            taken.add(position)
    for key in ("date", "end"):  # named by --columns or found: 'Year' or 'End Year' takes its month and day
        if key in chosen:
            _month_and_day(header, chosen, taken, key)
    if "title" not in chosen and "summary" in chosen:
        chosen["title"] = chosen["summary"]  # a sheet of dates and descriptions: titled from them
    if "date" not in chosen or "title" not in chosen:
        stated = {chosen[key] for key in (spec.fields if spec else {})}
        shown = content(stated, _HINTS, _OTHER_DATE) if content is not None else {}
        if (
            "summary" in chosen
            and chosen.get("title") == chosen["summary"]
            and "title" not in (spec.fields if spec else {})
        ):
            del chosen["title"]  # the summary as a title stands in for one: a column of titles, if the rows show one
        raise SheetError(Problem("", unrecognised(header, chosen, shown)))
    return chosen


def _month_and_day(header: Header, chosen: dict[str, int], taken: set[int], key: str) -> None:
    """A date column that is a year ('year', 'año', 'end year') with month and day columns beside it: they
    are the date's month and day, not text for the summary ('year, month, day, event'). Also where
    --columns names the year (before, the month and day were then kept as text: 3 May 1950 read as 1950)."""
    years, parts = _PARTS_OF[key]
    if normal(header.names[chosen[key]]) not in years:
        return
    if normal(header.names[chosen[key]]) == "jahr":
        parts = (("month", ("monat",)), ("day", ("tag",)))
    for part, names in parts:
        position = header.find(names)
        if position is None or position in taken:
            return  # (a day without a month column is no part of the date)
        chosen[part] = position
        taken.add(position)


HEADERS_SHOWN = 30  # a message names this many headers (a file may have a million), each cut to NAME_SHOWN
NAME_SHOWN = 40


def headers_found(header: Header) -> str:
    names = [name for name in header.names if name]
    shown = ", ".join(repr(_cut(name)) for name in names[:HEADERS_SHOWN]) or "none"
    more = len(names) - HEADERS_SHOWN
    return f"the headers found are {shown}" + (f" and {more:,} more" if more > 0 else "")


def _cut(name: str) -> str:
    return name if len(name) <= NAME_SHOWN else name[: NAME_SHOWN - 3] + "..."


# A column name that is a year or a date ('1950', '2018-01-15', '15/1/2018'): the line is data
_DATA_LIKE = re.compile(r"-?\d{1,4}(?:[-/.]\d{1,2}(?:[-/.]\d{1,4})?)?")


def data_like(header: Header) -> str | None:
    """The first column name that reads as a year or a date: the first line is then a row of data,
    and the file has no line of column names."""
    return next((name for name in header.names if _DATA_LIKE.fullmatch(name.strip())), None)


def unrecognised(header: Header, chosen: dict[str, int], shown: dict[str, int] | None = None) -> str:
    """Why the layout is not recognised, and the ``--columns`` line to write: the columns ``chosen`` by
    their names, then those the rows have ``shown`` to hold dates and titles, then a guess by names."""
    missing = " and ".join(key for key in ("date", "title") if key not in chosen)
    names = [name for name in header.names if name]
    if (found := data_like(header)) is not None:  # '--columns date=1950' would name a row of data
        return (
            f"the layout is not recognised: the line read as column names holds {found!r}, a year or a date, so "
            f"it looks like a row of data and the file has no line of column names ({headers_found(header)}). Add "
            "one as the first line, for example 'date,title', naming each column"
        )
    if len(names) == 1 and chosen and len(header.names) == 1:  # 'date' alone: the names, but too few of them
        return (
            f"the layout is not recognised: the file has one column ({headers_found(header)}); a date column "
            "and a title column are needed"
        )
    if len(names) < 2:  # a title or a note above the column names
        return (
            f"the layout is not recognised: the first line that holds anything has {len(names)} column name"
            f"{'' if len(names) == 1 else 's'} ({headers_found(header)}); if the column names are on a later "
            "line, remove the lines above them"
        )
    # field -> column: chosen by its name, but not a name other columns share ('Fecha,Fecha': the first, empty)
    shared = {p for p in chosen.values() if header.names.count(header.names[p]) > 1}
    # a year column chosen by its name, beside one the rows show days in: the days ('Jahr' over 'Geschehen am')
    years = {
        p for k, p in chosen.items() if k == "date" and normal(header.names[p]) in YEAR_NAMES and "month" not in chosen
    }
    shared |= years if "date" in (shown or {}) else set()
    guess: dict[str, int] = {k: chosen[k] for k in ("date", "title") if k in chosen and chosen[k] not in shared}
    for key, position in (shown or {}).items():  # (over a column chosen by its name for another field: 'Tag')
        if key == "date" or "date" in guess:  # a column of text is a title beside a column of dates, not alone
            guess.setdefault(key, position)
    for key in ("date", "title"):
        if key in chosen:
            guess.setdefault(key, chosen[key])
    if (
        guess.get("title") == guess.get("date") is not None
    ):  # ('title' holding dates: a re-trial's 'date=title,title=title')
        del guess["title"]
        if (text := (shown or {}).get("title")) is not None and text != guess["date"]:
            guess["title"] = text
    others = {position for key, position in chosen.items() if key not in ("date", "title")}
    for key in ("date", "title"):  # a name that says it first ('date_start', 'what'), then the first left
        free = [p for p, n in enumerate(header.names[:HEADERS_SHOWN]) if n and p not in guess.values()]
        left = [p for p in free if p not in others and (key == "date" or not _HINTS["date"](header.names[p]))]
        left = left or free
        if key == "date":  # an event's date before a birth's or a report's ('Report date,Incident date')
            # ('Suceso', 'Incident' with no date word: an event's title, not its date)
            left.sort(
                key=lambda p: (
                    not (hint := _HINTS["date"](header.names[p])),
                    not _EVENT_DATE(header.names[p]) if hint else bool(_EVENT_DATE(header.names[p])),
                    bool(_OTHER_DATE(header.names[p])),
                )
            )
        pick = next((p for p in left if _HINTS[key](header.names[p])), left[0] if left else None)
        if pick is not None:
            guess.setdefault(key, pick)
    shown_as = {key: _as_named(header.names, position) for key, position in guess.items()}
    caution = ""  # said before the line, which is pasted into a shell as it is (a re-trial: '(' after it broke it)
    if "date" not in chosen and "date" in guess and _OTHER_DATE(dated := header.names[guess["date"]]):
        caution = f" ({dated!r} may not be when the event happened: if another column is, name it)"
    line = shlex.quote(",".join(f"{key}={shown_as.get(key, 'COLUMN')}" for key in ("date", "title")))
    twice = TwiceEncoded(unit="column name")
    for number, name in enumerate(header.names, 1):  # ('TÃ­tulo': the file was decoded twice, a trial)
        twice.check(number, name)
    garbled = f". {twice.warning()}" if twice.first is not None else ""
    return (
        f"the layout is not recognised (not a TimelineJS sheet, an ACLED export or a Timesketch file) and no "
        f"{missing} column is obvious; {headers_found(header)}{garbled}. Say which columns to use{caution}, for "
        f"example: --columns {line}"
    )


# Words in a column's name that make it the likelier date or title column, for the suggested line
_HINTS = {
    "date": re.compile(
        r"date|when|year|time|day|fecha|datum|año|ano\b|jahr|data\b|année|annee|jour|\bd[ií]a\b", re.IGNORECASE
    ).search,
    "title": re.compile(
        r"event|title|what|name|headline|description|desc|text|summary|subject|titre|titel|ereignis", re.IGNORECASE
    ).search,
}


# Dates of something other than the event: a person's birth or death, a report's publication or a row's edit
_OTHER_DATE = re.compile(
    r"birth|born|death|died|naci|muerte|defunci|naissance|décès|deces|geburt|tod\b|publi|report|created|modified|"
    r"updated|edited|retrieved|access|upload|consult|entered|informe|rapport|melde|bericht|relat[oó]rio|logged|"
    r"registr|erfasst|gemeldet|saisie|reçu|recibid|received",
    re.IGNORECASE,
).search
_EVENT_DATE = re.compile(
    r"event|incident|hecho|suceso|événement|evenement|ereignis|occurr|faits|\btat|geschehen|fato|incidente|happen",
    re.IGNORECASE,
).search


def _as_named(names: list[str], position: int) -> str:
    """A column as --columns names it: by its name, or by its number where the name is long, cannot be
    written in the line, or is another column's too (a re-trial: 'Fecha,Fecha' named the first, empty one)."""
    name = names[position]
    return name if _nameable(name) and names.count(name) == 1 else str(position + 1)


def _nameable(name: str) -> bool:
    """Whether --columns can name the column by its name: not too long to show, no comma (which ends a
    field there), no quote at its ends (taken off), nothing invisible (a zero-width space)."""
    return len(name) <= NAME_SHOWN and "," not in name and not re.search(r"['\"]", name) and name.isprintable()
