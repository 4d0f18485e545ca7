"""Generate a large, valid chronology dataset for benchmarks (standard library only).

    python bench/make_dataset.py --events 100000 --out /tmp/big.json [--seed 1] [--actors A] [--quotes Q]
    python bench/make_dataset.py --events 100000 --format acled --out /tmp/big-acled.csv
    python bench/make_dataset.py --events 100000 --format timelinejs-sheet --out /tmp/big-sheet.csv

``--format acled`` writes the same events as an ACLED export (today's 31 columns, one row per event:
actors, places, sources, notes, fatalities, a time precision from each date's); ``timelinejs-sheet``
as TimelineJS's Google Sheets template saved as CSV (a title row, then Year, Month, Day, Time, ...).

Deterministic: the same arguments give byte-identical output (one ``random.Random(seed)``).
The shape imitates a real chronology: events in bursts separated by quiet stretches, mostly
minute-precise times, a few actors in most events, quotes of very different lengths, and a
vocabulary mixing the story's own words (raid, Pérez, BTR-80A, "National Guard") with filler.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
import unicodedata
from array import array
from collections.abc import Mapping, Sequence
from itertools import accumulate
from typing import Any


def _split(text: str) -> list[str]:
    return text.split()


# Story words, with a frequency per 10,000 words of running text (the filler takes the rest).
DOMAIN = {
    "police": 30, "raid": 25, "protest": 25, "army": 20, "video": 20, "guard": 12, "National Guard": 10,
    "Caracas": 15, "Pérez": 12, "colectivo": 8, "soldiers": 8, "officers": 8, "detained": 8, "helicopter": 6,
    "tear gas": 6, "wounded": 6, "weapons": 6, "rebels": 6, "barricade": 5, "El Junquito": 4, "SEBIN": 4,
    "CICPC": 4, "Instagram": 4, "Operación": 3, "Supreme Tribunal": 3, "FAES": 3, "siege": 3, "Gedeón": 2,
    "Los Teques": 2, "Miraflores": 2, "grenade": 2, "funeral": 2, "livestream": 2, "morgue": 1, "BTR-80A": 1,
    "sniper": 1, "curfew": 1, "ambush": 1, "Operación Gedeón": 1, "Génesis": 1,
}  # fmt: skip
FILLER = _split("""the of and to in a on at by with from after before during near said was were had has
according statement group members forces government opposition city street night morning hours officials
witnesses local residents area building house road people told later early two three several new
national public state military security political press report reports reported spokesman minister
president mayor governor court judge lawyer family mother brother friends neighbours camera phone footage
message account posted showed appeared arrived left entered returned called asked denied confirmed claimed
announced released arrested killed injured fled surrounded blocked opened fire shots gunfire vehicles
trucks motorcycles checkpoint highway bridge square plaza church hospital school university prison base
barracks headquarters office embassy border state television radio newspaper website journalists""")
SYLLABLES = _split("ba be bi bo ca co cu da de do fa ga go la le li lo ma me mi mo na ne no pa pe po ra ri ro sa to")
FIRST = _split("""José María Luis Carlos Ana Óscar Andrés Jesús Ramón Inés Sofía Néstor Iván Héctor Raúl Dayana Yusmary
Wilmer Yorman Génesis Daniela Rubén Ángel Belén Nicolás Lilian Juan Gabriela Mónica Álvaro Ximena Efraín""")
SURNAMES = _split("""Pérez González Rodríguez Hernández Díaz Martínez López García Sánchez Ramírez Núñez Muñoz Peña
Briceño Guzmán Ortiz Gutiérrez Fernández Jiménez Márquez Vásquez Castillo Rojas Ibáñez Lozada Quintero
Zambrano Agüero Colmenares Aristimuño Lugo Medina""")
OTHER_NAMES = ["王伟", "李娜", "张敏", "佐藤 健", "鈴木 花子", "김민준", "陳靜", "Nguyễn Văn An"]
NICKNAMES = ["El Gato", "La Flaca", "Comandante Rayo", "El Tigre 🐯", "Chino", "El Catire", "🔥 Fuego", "Gocho"]
INSTITUTIONS = [
    ("Guardia Nacional Bolivariana", "armed-force", ["GNB", "National Guard"]),
    ("Ejército Bolivariano", "armed-force", ["army"]),
    ("Policía Nacional Bolivariana", "police-force", ["PNB"]),
    ("Fuerzas de Acciones Especiales", "police-force", ["FAES"]),
    ("Servicio Bolivariano de Inteligencia Nacional", "government-body", ["SEBIN"]),
    ("Cuerpo de Investigaciones Científicas, Penales y Criminalísticas", "police-force", ["CICPC"]),
    ("Colectivo La Piedrita ✊", "group", ["La Piedrita"]),
    ("Tribunal Supremo de Justicia", "government-body", ["Supreme Tribunal of Justice", "TSJ"]),
    ("Movimiento Equilibrio Nacional", "group", []),
    ("Venezuela 🇻🇪", "country", []),
    ("Efecto Cocuyo", "media-outlet", []),
    ("Organización de los Estados Americanos", "organisation", ["OEA", "OAS"]),
]
SOURCES = [
    ("Wikipedia", "encyclopedia-article", 10), ("Bellingcat", "investigation", 3),
    ("Forensic Architecture", "investigation", 2), ("El Pitazo", "news-outlet", 5), ("Efecto Cocuyo", "news-outlet", 4),
    ("Reuters", "news-outlet", 4), ("Ministerio del Poder Popular para Relaciones Interiores", "official-statement", 2),
    ("Instagram account of Óscar Pérez", "social-media", 2), ("YouTube livestream", "video", 1),
]  # fmt: skip
TAGS = {"raid": 8, "protest": 10, "arrest": 6, "statement": 6, "video": 4, "helicopter": 2, "siege": 2,
        "weapons-theft": 1, "funeral": 1, "sanctions": 2, "human-rights": 3, "investigation": 2}  # fmt: skip
PLACES = ["Caracas", "El Junquito", "Los Teques", "Mérida", "San Cristóbal", "Petare", "Catia", "Maracay",
          "Fuerte Tiuna", "Plaza Altamira", "Barquisimeto", "Valencia", "Macuto", "Chuao"]  # fmt: skip
ROLES = ["participant", "leader", "target", "witness", "spokesperson", "commander", "victim", "negotiator", "reporter"]
SIDES = ["government", "opposition", "rebels (Pérez's group)", "civilians", "international", None]
ZONES = ["VET", "VST", "hora legal de Venezuela"]
# Quiet years with a few busy periods (start, days): the 2014 and 2017 protests, the raid, 2019, Gedeón.
PERIODS = [("2014-02-01", 120), ("2016-05-01", 60), ("2017-04-01", 150), ("2017-12-01", 60),
           ("2019-01-10", 130), ("2020-04-20", 40)]  # fmt: skip


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _cum(weights: Mapping[str, float]) -> tuple[list[str], list[float]]:
    return list(weights), list(accumulate(weights.values()))


def _vocabulary() -> tuple[list[str], list[float]]:
    """Story words at their stated rates; filler, then made-up words, on a Zipf curve for the rest."""
    made_up = random.Random(0)
    invented = sorted({"".join(made_up.choices(SYLLABLES, k=made_up.randint(2, 4))) for _ in range(20000)})
    made_up.shuffle(invented)
    filler = [*FILLER, *invented]
    zipf = [1 / (rank + 1) for rank in range(len(filler))]
    scale = (10_000 - sum(DOMAIN.values())) / sum(zipf)
    weights = {**{w: scale * z for w, z in zip(filler, zipf, strict=True)}, **DOMAIN}
    return _cum(weights)


WORDS, WORD_CUM = _vocabulary()
WORD_SLUG = {w: _slug(w) for w in WORDS}


TABLE_BITS = 18


def _table(bits: int = TABLE_BITS) -> list[str]:
    """2**bits slots, each word in proportion to its weight: one random number picks a word."""
    table: list[str] = []
    for word, cum in zip(WORDS, WORD_CUM, strict=True):
        table += [word] * (round(cum / WORD_CUM[-1] * 2**bits) - len(table))
    return table


TABLE = _table()


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, n: int) -> list[str]:
        picks = array("I", self.rng.randbytes(4 * n))  # 32-bit numbers; much faster than rng.choices
        if sys.byteorder == "big":
            picks.byteswap()  # same bytes, same words, on every machine
        return [TABLE[i >> (32 - TABLE_BITS)] for i in picks]

    def sentences(self, n: int) -> str:
        picked, out, i = self.words(n), [], 0
        while i < n:
            k = self.rng.randint(6, 18)
            text = " ".join(picked[i : i + k])
            out.append(text[0].upper() + text[1:] + ("." if self.rng.random() < 0.9 else "!"))
            i += k
        return " ".join(out)


def _actors(rng: random.Random, writer: _Writer, count: int) -> list[dict[str, Any]]:
    actors = []
    for i in range(count):
        if i < len(INSTITUTIONS):
            name, kind, aliases = INSTITUTIONS[i]
        else:
            kind, aliases = "person", []
            if rng.random() < 0.04:
                name = rng.choice(OTHER_NAMES)
            else:
                surnames = rng.sample(SURNAMES, rng.choice((1, 2)))
                name = " ".join([rng.choice(FIRST), *surnames])
                if rng.random() < 0.3:
                    aliases = [surnames[0]]
            if rng.random() < 0.05:
                aliases.append(rng.choice(NICKNAMES))
        actor: dict[str, Any] = {"id": f"{_slug(name) or 'actor'}-{i}", "name": name}
        if aliases:
            actor["aliases"] = list(aliases)
        actor["kind"] = kind
        if side := rng.choice(SIDES):
            actor["side"] = side
        actor["profile"] = writer.sentences(rng.randint(8, 40))
        if rng.random() < 0.1:
            actor["fate"] = writer.sentences(rng.randint(5, 15))
        actors.append(actor)
    groups = [a["id"] for a in actors[: len(INSTITUTIONS)]]
    for actor in actors[len(INSTITUTIONS) :]:
        if rng.random() < 0.1:
            actor["relations"] = [{"type": rng.choice(("member-of", "employee-of")), "target": rng.choice(groups)}]
    return actors


def _moments(rng: random.Random, count: int) -> list[tuple[int, int]]:
    """(day ordinal, minute of day) of every event, sorted: bursts inside the busy periods."""
    starts = [(dt.date.fromisoformat(start).toordinal(), days) for start, days in PERIODS]
    bursts = [rng.choice(starts) for _ in range(max(5, count // 250))]
    centers = [start + rng.randrange(days) for start, days in bursts]
    spreads = [rng.choice((0, 0, 0.7, 2, 6)) for _ in centers]
    cum = list(accumulate(min(50.0, rng.paretovariate(1.5)) for _ in centers))
    moments = []
    for b in rng.choices(range(len(centers)), cum_weights=cum, k=count):
        day = centers[b] + (round(rng.gauss(0, spreads[b])) if spreads[b] else 0)
        moments.append((day, min(1439, int(rng.triangular(0, 1440, 900)))))
    return sorted(moments)


def _when(rng: random.Random, day: int, minute: int) -> dict[str, Any]:
    date, r = dt.date.fromordinal(day).isoformat(), rng.random()
    if r < 0.72:
        when: dict[str, Any] = {"date": f"{date}T{minute // 60:02d}:{minute % 60:02d}", "precision": "minute"}
    elif r < 0.89:
        when = {"date": date, "precision": "day"}
    elif r < 0.97:
        when = {"date": date[:7], "precision": "month"}
    else:
        when = {"date": date[:4], "precision": "year"}
    if rng.random() < 0.08:
        when["approximate"] = True
    if when["precision"] == "minute":
        when["utc_offset"] = "-04:00"
        if rng.random() < 0.2:
            when["zone_label"] = rng.choice(ZONES)
    return when


def _end(rng: random.Random, when: dict[str, Any], day: int, minute: int) -> dict[str, Any] | None:
    if when["precision"] == "minute":
        stop = day * 1440 + minute + rng.randint(10, 3000)
        clock = f"{stop % 1440 // 60:02d}:{stop % 60:02d}"
        return {"date": f"{dt.date.fromordinal(stop // 1440)}T{clock}", "precision": "minute", "utc_offset": "-04:00"}
    if when["precision"] == "day":
        return {"date": dt.date.fromordinal(day + rng.randint(1, 20)).isoformat(), "precision": "day"}
    return None


def make_dataset(events: int, seed: int = 1, actors: int | None = None, quotes: int | None = None) -> dict[str, Any]:
    actors = max(10, events // 20) if actors is None else actors
    quotes = events // 2 if quotes is None else quotes
    rng = random.Random(seed)
    writer = _Writer(rng)
    sources = [{"id": _slug(t), "title": t, "kind": k, "publisher": t} for t, k, _ in SOURCES]
    source_ids, source_cum = [s["id"] for s in sources], list(accumulate(w for *_, w in SOURCES))
    people = _actors(rng, writer, actors)
    ranks = list(range(actors))
    rng.shuffle(ranks)  # Zipf participation: weight 1/rank^1.1, ranks shuffled over the actors
    actor_ids, actor_cum = [a["id"] for a in people], list(accumulate(1 / (r + 1) ** 1.1 for r in ranks))
    tag_names, tag_cum = _cum(TAGS)

    out_events: list[dict[str, Any]] = []
    last_dated = None
    for index, (day, minute) in enumerate(_moments(rng, events)):
        picked = rng.choices(actor_ids, cum_weights=actor_cum, k=min(actors, 1 + int(rng.expovariate(0.7))))
        cast = list(dict.fromkeys(picked))
        title_words = writer.words(rng.randint(3, 9))
        slug = "-".join(s for s in (WORD_SLUG[w] for w in title_words[:3]) if s)
        event: dict[str, Any] = {"id": f"{slug}-{index}" if slug else f"event-{index}"}
        event["title"] = title_words[0][0].upper() + title_words[0][1:] + " " + " ".join(title_words[1:])
        event["summary"] = writer.sentences(rng.randint(10, 60))
        if last_dated is not None and rng.random() < 0.03:
            event["after"] = last_dated
        else:
            event["when"] = when = _when(rng, day, minute)
            if rng.random() < 0.02 and (end := _end(rng, when, day, minute)):
                event["end"] = end
            last_dated = event["id"]
        if rng.random() < 0.75:
            event["place"] = rng.choice(PLACES)
        event["actors"] = [{"actor": a, "role": rng.choice(ROLES)} for a in cast]
        event["sources"] = sorted(set(rng.choices(source_ids, cum_weights=source_cum, k=rng.randint(1, 2))))
        if tags := sorted(set(rng.choices(tag_names, cum_weights=tag_cum, k=rng.randint(0, 3)))):
            event["tags"] = tags
        r = rng.random()
        if r >= 0.85:
            event["certainty"] = "reported" if r < 0.92 else "alleged" if r < 0.97 else "disputed"
            event["claims"] = [
                {
                    "by": sorted(set(rng.choices(cast or actor_ids, k=rng.randint(0, 2)))),
                    "statement": writer.sentences(rng.randint(6, 25)),
                    "source": rng.choice(source_ids),
                }
                for _ in range(2 if event["certainty"] == "disputed" else 1)
            ]
        out_events.append(event)

    out_quotes = []
    for index, number in enumerate(rng.choices(range(events), k=quotes) if events else []):
        event = out_events[number]
        cast = [p["actor"] for p in event["actors"]]
        r = rng.random()
        speaker = rng.choice(cast) if cast and r < 0.85 else None if r > 0.95 else rng.choice(actor_ids)
        length = min(300, max(5, int(rng.lognormvariate(3.2, 0.8))))
        text = writer.sentences(length) + (" 🇻🇪" if rng.random() < 0.01 else "")
        quote = {"id": f"quote-{index}", "text": text, "speaker": speaker, "event": event["id"]}
        quote["source"] = rng.choice(source_ids)
        quote["context"] = writer.sentences(rng.randint(5, 15)) if rng.random() < 0.6 else ""
        out_quotes.append(quote)

    return {
        "schema_version": 1,
        "title": f"Synthetic chronology: {events:,} events (seed {seed})",
        "description": "Generated by bench/make_dataset.py for benchmarks; the text is random words.",
        "timezone": "America/Caracas",
        "sources": sources,
        "actors": people,
        "events": out_events,
        "quotes": out_quotes,
    }


ACLED_HEADER = [
    *("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type"),
    *("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting"),
    *("iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision"),
    *("source", "source_scale", "notes", "fatalities", "tags", "timestamp"),
]
ACLED_TYPES = [
    ("Political violence", "Battles", "Armed clash"),
    ("Demonstrations", "Protests", "Peaceful protest"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Demonstrations", "Riots", "Violent demonstration"),
    ("Strategic developments", "Strategic developments", "Arrests"),
]
INTERS = ["State forces", "Rebel groups", "Political militias", "Protesters", "Civilians"]
TIMELINEJS_HEADER = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
                     "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
                     "Background"]  # fmt: skip


def write_acled(document: dict[str, Any], out: Any, seed: int) -> None:
    """The dataset's events as rows of an ACLED export (ISO dates, as ACLED's API writes them)."""
    rng = random.Random(seed)
    names = {a["id"]: a["name"] for a in document["actors"]}
    sources = {s["id"]: s["title"] for s in document["sources"]}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_HEADER)
    last = "2018-01-01"
    for index, event in enumerate(document["events"]):
        when = event.get("when")
        date, precision = (when["date"][:10], when["precision"]) if when else (last, "month")
        last = date
        date = date if len(date) == 10 else (date + "-15" if len(date) == 7 else date + "-07-01")
        time_precision = {"minute": 1, "day": 1, "month": 3, "year": 3}[precision] + (1 if rng.random() < 0.1 else 0)
        disorder, kind, sub = rng.choice(ACLED_TYPES)
        cast = [names[p["actor"]] for p in event["actors"]]
        place = event.get("place", "Caracas")
        writer.writerow([
            f"VEN{index + 1}", date, date[:4], min(3, time_precision), disorder, kind, sub,
            cast[0] if cast else "", "; ".join(cast[2:4]), rng.choice(INTERS), cast[1] if len(cast) > 1 else "",
            "", rng.choice(INTERS) if len(cast) > 1 else "", rng.randint(10, 80), "", 862,
            "South America", "Venezuela", "Distrito Capital", "Libertador", "", place,
            f"{10 + rng.random():.4f}", f"{-67 + rng.random():.4f}", rng.randint(1, 3),
            "; ".join(sources[s] for s in event["sources"]), "National", event["summary"],
            rng.choice((0, 0, 0, 1, 2, 5)),
            "crowd size=no report" if kind == "Protests" else "", 1700000000 + index,
        ])  # fmt: skip


def write_timelinejs_sheet(document: dict[str, Any], out: Any) -> None:
    """The dataset's events as TimelineJS's spreadsheet template, saved as CSV."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TIMELINEJS_HEADER)
    writer.writerow(["", "", "", "", "", "", "", "", "", document["title"], document["description"], *[""] * 4,
                     "title", "", ""])  # fmt: skip
    for event in document["events"]:
        when = event.get("when") or {"date": "2018", "precision": "year"}
        date, _, clock = when["date"].partition("T")
        parts = [*date.split("-"), "", ""][:3]
        tag = (event.get("tags") or [""])[0]
        writer.writerow([*parts, clock, "", "", "", "", "", event["title"], f"<p>{event['summary']}</p>",
                         "", "", "", "", "", tag, ""])  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, required=True, metavar="N")
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument("--actors", type=int, metavar="A", help="default: max(10, N // 20)")
    parser.add_argument("--quotes", type=int, metavar="Q", help="default: N // 2")
    parser.add_argument("--format", choices=FORMATS, default="json", help="default: json (our own format)")
    args = parser.parse_args(argv)
    write(args.format, args.events, args.out, args.seed, args.actors, args.quotes)
    return 0


FORMATS = ("json", "acled", "timelinejs-sheet")


def write(fmt: str, events: int, out: str, seed: int = 1, actors: int | None = None, quotes: int | None = None) -> None:
    """Write ``events`` generated events to ``out`` in ``fmt`` (see FORMATS)."""
    document = make_dataset(events, seed, actors, quotes if fmt == "json" else 0)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        if fmt == "acled":
            write_acled(document, handle, seed)
        elif fmt == "timelinejs-sheet":
            write_timelinejs_sheet(document, handle)
        else:
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")  # dumps: json.dump never uses the C encoder


if __name__ == "__main__":
    raise SystemExit(main())
