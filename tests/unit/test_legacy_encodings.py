"""Files in a legacy encoding, Windows-1252 or Mac Roman, read as they were written, or the guess said
with the other reading named; and files that mix UTF-8 lines with legacy ones read line by line."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from junquito_tui.core.interop.legacy_text import differing_word, measure, one_alphabet
from junquito_tui.core.interop.sheet_read import detect_encoding
from junquito_tui.core.loader import Loaded, load_with_report

WORDS = {
    "es": "año Fundación León Cádiz Córdoba según más región también está aquí último útil después niño señor "
    "canción jóvenes día país Perú policía reunión huelga sindicato",
    "fr": "été élèves préfecture Besançon député réélu très après Orléans fête Nîmes défilé Genève trêve dégâts "
    "cœur œuvre sœur garçon français où là déjà Noël naïf maïs grève",
    "de": "Köln München Straße Bürger gründeten Öffnung Über Ärger Gebühren Düsseldorf Schäden Häuser Brücken "
    "größer schön für müssen Mädchen Wahl",
    "pt": "São Paulo ação não coração irmã mãe põe Amazônia Brasília você três avô avó órgão ônibus pão "
    "informação Conceição",
    "plain": "the de la el en und der die das protesta general Madrid Lima Paris 1950 2018",
}
VOCABULARY = sorted({word for words in WORDS.values() for word in words.split()})
LABELS = {"cp1252": "Windows-1252", "mac_roman": "Mac Roman"}


def warned(loaded: Loaded, *fragments: str) -> bool:
    return any(all(fragment in warning for fragment in fragments) for warning in loaded.warnings)


def load_bytes(data: bytes) -> Loaded:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "legacy.csv"
        path.write_bytes(data)
        return load_with_report(path)


_titles = st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join), min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(
    _titles,
    st.sampled_from(["cp1252", "mac_roman"]),
    st.booleans(),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
@example(["jóvenes où último"], "cp1252", True, "\n")  # read as HP Roman-8, the detector's pick: said as a guess
@example(["Nîmes réélu"], "mac_roman", True, "\n")  # read as DOS 850 ('NÙMES'), Mac Roman named as plausible
def test_western_text_is_read_back_exactly_or_the_guess_names_the_encoding_it_was_written_in(
    titles: list[str], encoding: str, upper: bool, end: str
) -> None:
    """What is guaranteed: no letter is lost (a title keeps its length), and a reading that is not the
    text as written says it is a guess and names the encoding the file was written in, with a word as it
    reads there. (Most files read back exactly: a lone 'œuvre' or 'país' reads as letters either way.)"""
    titles = [title.upper() if upper else title for title in titles]
    text = end.join(["date,title", *(f"{1900 + i},{title}" for i, title in enumerate(titles))]) + end
    data = text.encode(encoding)
    loaded = load_bytes(data)
    read = [event.title for event in loaded.dataset.events]
    assert [len(title) for title in read] == [len(title) for title in titles]
    if read != titles and not data.isascii():
        assert warned(loaded, "a guess", LABELS[encoding]), (read, loaded.warnings)


@pytest.mark.parametrize(
    ("text", "implausible", "rare"),
    [
        ("Fundación", 0, 0),
        ("Fundaci—n", 1, 0),  # Mac Roman's 'ó' read as Windows-1252
        ("C‡diz", 1, 0),
        ("ƒvŽnement numŽro", 2, 1),  # 'Ž' inside a lower-case word; 'ƒ', outside Latin-1, is rare
        ("schˆn", 1, 0),  # a spacing accent next to a letter
        ("DESCRIPCIîN", 1, 0),
        ("Kšln", 0, 1),  # a letter outside Latin-1: rare in Western words, plausible in Czech
        ("Paris–Berlin, raid—which", 0, 0),
        ("l’école, it’s", 0, 0),
        ("r――lu", 2, 0),  # symbols side by side inside a word (Mac Roman's 'réélu' as DOS code page 869)
        ("Октябрьская", 0, 0),
        ("Cafй", 1, 0),  # two scripts in one word
    ],
)
def test_what_makes_a_reading_implausible(text: str, implausible: int, rare: int) -> None:
    assert measure(text) == (implausible, rare)


@pytest.mark.parametrize(
    ("text", "one"),
    [
        ("přeletěl vrtulníkem nad Nejvyšším", True),  # Czech
        ("pøeletìl vrtulníkem nad Nejvyšším", False),  # the same bytes read as Windows-1252: 'ø', 'ì' and 'š'
        ("Köln, Straße", True),
        ("Zażółć gęślą jaźń", True),
        ("Ñandú, père", False),  # Spanish and French words: no one alphabet (the rank falls back to the rest)
        ("Октябрьская", True),  # one script
        ("Paris 1950, raid—which", True),  # no letter beyond ASCII
    ],
)
def test_a_reading_in_one_alphabet(text: str, one: bool) -> None:
    assert one_alphabet(text) is one


CENTRAL = {
    "cs": "přeletěl vrtulníkem nad Nejvyšším soudem hodil granáty zásah policie obklíčila dům kde se skrýval "
    "skupina přepadla základnu Národní gardy ukradla zbraně Řízení čeština žluťoučký kůň úpěl ďábelské ódy Plzeň",
    "pl": "Zażółć gęślą jaźń Łódź Kraków wojsko żołnierze zginęło Gdańsk Wrocław Poznań wybory rząd pożar śledztwo",
    "sk": "Košice Bratislava Žilina ľudia štát vláda polícia voľby ústava Trenčín",
}


@pytest.mark.parametrize(("words", "encoding", "before", "least"), [
    (CENTRAL["cs"], "cp1250", 0.35, 0.8),
    (CENTRAL["pl"], "cp1250", 0.955, 0.9),
    (CENTRAL["sk"], "cp1250", 0.85, 0.85),
    (" ".join(VOCABULARY), "cp1252", 0.99, 0.97),
    (" ".join(VOCABULARY), "mac_roman", 0.99, 0.97),
])  # fmt: skip
def test_files_of_one_language_read_back_exactly(
    tmp_path: Path, words: str, encoding: str, before: float, least: float
) -> None:
    """An oracle: 100 files of 1 to 4 titles of 1 to 8 words (seeded), written in ``encoding``, read
    back exactly in at least ``least`` of them. ``before``: the share read so before the alphabet test
    (Czech files were read as Windows-1252: 'pøeletìl' for 'přeletěl')."""
    rng, exact, files = random.Random(1), 0, 0
    vocabulary = words.split()
    for _ in range(100):
        titles = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 4))]
        text = "\n".join(["date,title", *(f"{1900 + i},{title}" for i, title in enumerate(titles))]) + "\n"
        data = text.encode(encoding)
        if data.isascii():
            continue
        path = tmp_path / "legacy.csv"
        path.write_bytes(data)
        files += 1
        exact += [event.title for event in load_with_report(path).dataset.events] == titles
    assert exact >= least * files, (exact, files, before)


def test_control_characters_rule_a_reading_out() -> None:
    assert measure("caf\x85") is None
    assert measure("caf\x8f", lost=frozenset("\x8f")) == (1, 0)  # Windows-1252's undefined byte: counted


def test_differing_word_names_the_word_in_each_reading() -> None:
    assert differing_word("la Fundación del", "la Fundaci—n del") == ("Fundación", "Fundaci—n")
    assert differing_word("same", "same") is None


def test_mixed_lines_are_read_line_by_line_past_the_first_part_read_for_the_guess(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    rows = [
        f"2018-01-{i % 28 + 1:02d},{'Café' if i % 3 else 'Ehrenämter'} {i}\n".encode("cp1252" if i % 2 else "utf-8")
        for i in range(12_000)
    ]
    path.write_bytes(b"date,title\n" + b"".join(rows))
    loaded = load_with_report(path)
    read = sorted(event.title for event in loaded.dataset.events)
    assert read == sorted(f"{'Café' if i % 3 else 'Ehrenämter'} {i}" for i in range(12_000))
    assert warned(loaded, "not UTF-8 throughout: lines 2, 4, 6 and ", "more in the first 256 KB are UTF-8")
    encoding, _ = detect_encoding(path)
    assert encoding == "junquito_lines_cp1252"


@pytest.mark.parametrize("rows", [3, 3000])  # (read whole, and past the part read for the guess)
def test_a_utf8_line_with_a_stray_byte_keeps_its_utf8(tmp_path: Path, rows: int) -> None:
    # (a re-trial: one 0xFF on a line made its 'Ramón' 'RamÃ³n', then said to be UTF-8 decoded twice)
    path = tmp_path / "stray-byte.csv"
    lines = [f"2018-01-{i % 28 + 1:02d},José Núñez {i}\n".encode() for i in range(rows)]
    lines[-1] = "2018-01-15,Ramón Peña ".encode() + b"\xff" + b" x\n"
    path.write_bytes(b"date,title\n" + b"".join(lines))
    loaded = load_with_report(path)
    titles = {event.title for event in loaded.dataset.events}
    assert "José Núñez 0" in titles and any(title.startswith("Ramón Peña ") for title in titles)
    assert not any("decoded twice" in warning for warning in loaded.warnings)
    assert warned(loaded, "not UTF-8 throughout", "a line of UTF-8 with a stray byte: that byte alone")


@pytest.mark.parametrize("rows", [0, 3000])  # (the only line that is not ASCII; and far past the first part)
def test_a_utf8_line_with_a_stray_byte_keeps_its_utf8_with_no_clean_line_of_utf8_to_show_it(
    tmp_path: Path, rows: int
) -> None:
    # (a trial: read whole as ISO-8859-10 or Windows-1252, 'señal' was 'seÃ±al', then said to be decoded twice)
    path = tmp_path / "stray-alone.csv"
    lines = [f"2018-01-{i % 28 + 1:02d},Row {i},plain\n".encode() for i in range(rows)]
    lines.append(b"2018-01-15,Polic\xeda Nacional,se\xc3\xb1al en Pet\xc3\xa1re\n")
    path.write_bytes(b"date,title,summary\n" + b"".join(lines))
    loaded = load_with_report(path)
    (event,) = [event for event in loaded.dataset.events if event.title.startswith("Polic")]
    assert event.summary == "señal en Petáre" and event.title == "Policía Nacional"
    assert not any("decoded twice" in warning for warning in loaded.warnings)
    assert warned(loaded, "in a line otherwise UTF-8", "and its stray byte as", "('í' for 0xED), a guess")


def test_lines_of_a_central_european_encoding_among_utf8_ones(tmp_path: Path) -> None:
    # The detector, given the UTF-8 lines too, recognised no encoding and the file was "not text".
    path = tmp_path / "mixed-pl.csv"
    rows = [
        (f"{1950 + i},Zażółć gęślą {i}\n", "cp1250") if i % 2 else (f"{1950 + i},Łódź {i}\n", "utf-8")
        for i in range(20)
    ]
    path.write_bytes(b"date,title\n" + b"".join(text.encode(encoding) for text, encoding in rows))
    loaded = load_with_report(path)
    assert sorted(event.title for event in loaded.dataset.events) == sorted(text[5:-1] for text, _ in rows)
    assert warned(loaded, "lines 2, 4, 6 and 7 more are UTF-8", "the others read as Windows-1250")


def test_a_legacy_line_that_happens_to_be_utf8_but_reads_worse_so_stays_legacy(tmp_path: Path) -> None:
    # Mac Roman '“É' is bytes D2 83, which UTF-8 reads as a Cyrillic combining mark: not UTF-8 text.
    path = tmp_path / "mac.csv"
    path.write_bytes("date,title\n1950,“Élection” à Orléans\n1951,Fête\n".encode("mac_roman"))
    loaded = load_with_report(path)
    assert [event.title for event in loaded.dataset.events] == ["“Élection” à Orléans", "Fête"]
    assert warned(loaded, "read as Mac Roman") and not warned(loaded, "throughout")


def test_a_letter_read_as_a_no_break_space_at_a_cell_s_end_is_no_plausible_reading() -> None:
    # 'VOCÊ' in Windows-1252 with CR line ends: Mac Roman reads its last byte as a no-break space, which
    # the cell's trimming then dropped ('VOC'); a hypothesis seed found it
    loaded = load_bytes("date,title\r1900,VOCÊ\r".encode("cp1252"))
    assert [event.title for event in loaded.dataset.events] == ["VOCÊ"]
