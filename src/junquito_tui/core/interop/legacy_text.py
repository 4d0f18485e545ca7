"""Which legacy encoding a file that is not UTF-8 was written in: a guess, and how good a one; and
files that mix UTF-8 lines with legacy ones, read a line at a time.

Single-byte encodings decode about any bytes, so a detector can only say which reading looks more
like text. charset-normalizer (the maintained detector) picks a reading and measures its "chaos";
on short spreadsheet files it often sees no language, and it counts a symbol inside a word
('Fundaci—n', Mac Roman's 'ó' read as Windows-1252) as no chaos at all. So the readings of the usual
encodings (Windows-1252, Mac Roman, Windows-1250, Windows-1251) and of the detector's pick are also
judged here by what their non-ASCII characters do in their words, with Unicode's own character
categories (``unicodedata``), no table of languages:

- *implausible*: a symbol inside a word ('C‡diz', 'Fundaci—n', 'r――lu'), a spacing accent or a
  digit of another script next to a letter ('schˆn', 'GAR０N'), an upper-case letter inside a
  lower-case word ('numŽro', 'MŠdchen'), a lower-case one inside an upper-case word ('DESCRIPCIîN'),
  letters of two scripts in one word, and a byte the encoding leaves undefined (Windows-1252's 0x81,
  0x8D, 0x8F, 0x90, 0x9D: lost as a control character);
- *rare*: a Latin letter outside Latin-1 inside a word ('Kšln', 'œtil'): Polish or Czech have them,
  Western European words mostly not.

- *one alphabet*: its non-ASCII letters are all in one European language's alphabet (``ALPHABETS``),
  or all of one other script. Czech written in Windows-1250 reads in Windows-1252 as letters too
  ('pøeletìl' for 'přeletěl'), none rare, but no language writes 'ø', 'ì' and 'š' together.

The reading with fewest implausible characters wins, then one in one alphabet, then fewest rare ones,
then one the detector
finds no more chaotic than its own limit (Cyrillic read as Windows-1252, 'Ìîñêâà', is all letters),
then the usual encoding (Windows-1252, then Mac Roman, or Mac Roman first when lines end in CR alone,
as classic Mac OS wrote them), then the detector's pick.

Measured on generated Spanish, French, German and Portuguese text (1 to 4 rows of 1 to 8 words from
a hundred accented and plain ones, a fifth in capitals, LF, CRLF or CR line ends; four seeds, 7,935
files), written as Windows-1252 or Mac Roman: 99.8 % read back exactly, none lost a letter. The
other 19 are files whose only accented letters read as letters either way (a lone 'œuvre' is
'úuvre' in Mac Roman; a lone 'aquí' is 'aqu’' in Windows-1252): the warning then says the reading
is a guess and names the other, with the word as it reads there. The same measure on Czech, Polish,
Hungarian and Slovak text written as Windows-1250 (150 files each, three seeds) read back 35 %, 95.5 %,
7 % and 85 % of the files exactly before the alphabet test and 88 %, 96.2 %, 59 % and 92 % with it, and
Western text (the four languages above and Italian, Dutch, Danish, Swedish and Catalan, alone or
mixed) exactly as before. Hungarian's 'ő' and 'ű' read as Windows-1252's 'õ' and 'û' (Portuguese's
and French's): both readings are one alphabet's, and the Western one is chosen, said as a guess.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

# Windows-1252 leaves these bytes undefined; read as Latin-1 reads them they are C1 controls.
CP1252_UNDEFINED = frozenset("\x81\x8d\x8f\x90\x9d")
USUAL = ("cp1252", "mac_roman", "cp1250", "cp1251", "cp850")  # in the order a tie goes to them (850: DOS exports)
CHAOS_LIMIT = 0.2  # charset-normalizer's own default: a reading messier than this is not text
SCORED_BYTES = 64 * 1024  # lines with non-ASCII bytes scored, at most: enough to tell, fast to measure
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_LINE = re.compile(rb"[^\r\n]*[\x80-\xff][^\r\n]*")
_WORD_END = ' \t\r\n,;|"'
_APOSTROPHE = "\u2019"  # between letters: it's, l’école


@dataclass(frozen=True)
class Reading:
    """One encoding's reading of the bytes, and how plausible it is."""

    encoding: str
    text: str
    implausible: float
    rare: int
    chaos: float
    characters: int  # non-ASCII ones
    alphabet: bool  # its non-ASCII letters are one language's alphabet's (``one_alphabet``)


def scored_part(sample: bytes, without_utf8: bool = False) -> bytes:
    """The sample's lines that hold a non-ASCII byte (the only ones readings differ in), up to
    ``SCORED_BYTES``; ``without_utf8``: only those that are not UTF-8."""
    lines, size = [], 0
    for match in _NON_ASCII_LINE.finditer(sample):
        if without_utf8 and _utf8(match.group()) is not None:
            continue
        lines.append(match.group())
        size += len(match.group()) + 1
        if size >= SCORED_BYTES:
            break
    return b"\n".join(lines)


def read_as(data: bytes, encoding: str) -> Reading | None:
    """The reading of ``data`` in ``encoding``; None when the encoding cannot decode it, or decodes
    it to control characters (except Windows-1252's undefined bytes, counted as implausible)."""
    from charset_normalizer.md import mess_ratio

    try:
        # Windows-1252's undefined bytes as Latin-1 reads them (C1 controls), as the file will be read
        text = data.decode("latin-1").translate(_CP1252_TABLE) if encoding == "cp1252" else data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    measured = measure(text, lost=CP1252_UNDEFINED if encoding == "cp1252" else frozenset())
    if measured is None:
        return None
    implausible, rare = measured
    characters = len(_NON_ASCII.findall(text))
    return Reading(encoding, text, implausible, rare, mess_ratio(text, 1.0), characters, one_alphabet(text))


# The letters beyond ASCII of the languages the usual encodings write (lower case): Spanish,
# Portuguese, French, German, Italian, Catalan, Dutch, Danish and Norwegian, Swedish, Finnish,
# Icelandic, Irish, Welsh, Albanian; Czech, Slovak, Polish, Hungarian, Slovene, Croatian (and
# Bosnian, Serbian in Latin letters), Romanian (both its commas and its cedillas), Lithuanian,
# Latvian, Estonian.
ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "áéíóúüñ", "áâãàçéêíóôõúü", "àâæçéèêëîïôœùûüÿ", "äöüß", "àèéìíîòóùú", "àçèéíïòóúü", "áéèëíïóöúü",
        "æøåé", "åäöé", "åäöšž", "áðéíóúýþæö", "áéíóú", "âêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ", "çë",
        "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "ąćęłńóśźż", "áéíóöőúüű", "čšž", "čćđšž", "ăâîșțşţ",
        "ąčęėįšųūž", "āčēģīķļņšūž", "õäöüšž",
    )
)  # fmt: skip


def one_alphabet(text: str) -> bool:
    """Whether the non-ASCII letters of ``text`` all belong to one of ``ALPHABETS``, or to one script
    other than Latin (Cyrillic, Greek...); True when it has none."""
    letters = {char for char in _NON_ASCII.findall(text.casefold()) if unicodedata.category(char)[0] == "L"}
    if not letters:
        return True
    scripts = {unicodedata.name(char, "").split(" ", 1)[0] for char in letters}
    if "LATIN" not in scripts:
        return len(scripts) == 1
    return any(letters <= alphabet for alphabet in ALPHABETS)


def rank(readings: list[Reading], mac_line_ends: bool, detected: frozenset[str] = frozenset()) -> list[Reading]:
    """The readings, most plausible first, one for each text (named as the usual encoding of those that
    read so); of those as plausible, the usual encoding's, then that of the ``detected`` encodings
    (charset-normalizer's pick: Shift-JIS over a Korean reading as plausible)."""
    usual = ("mac_roman", "cp1252", *USUAL[2:]) if mac_line_ends else USUAL

    def prior(reading: Reading) -> int:
        return usual.index(reading.encoding) if reading.encoding in usual else len(usual)

    agreed = {reading.text for reading in readings if reading.encoding in detected}
    one_each: dict[str, Reading] = {}
    for reading in sorted(readings, key=prior):
        one_each.setdefault(reading.text, reading)
    return sorted(
        one_each.values(),
        key=lambda r: (r.implausible, not r.alphabet, r.rare, r.chaos > CHAOS_LIMIT, prior(r), r.text not in agreed),
    )


def measure(text: str, lost: frozenset[str] = frozenset()) -> tuple[float, int] | None:
    """(implausible, rare) non-ASCII characters of ``text`` (see the module's doc); None when it
    holds a control character or an unassigned one (other than those in ``lost``, counted as
    implausible)."""
    implausible, rare = 0.0, 0
    end = len(text)
    for found in _NON_ASCII.finditer(text):
        at = found.start()
        char = text[at]
        kind = unicodedata.category(char)
        if char in lost:
            implausible += 1
            continue
        if kind in ("Cc", "Cn", "Co", "Cs") or (kind == "Cf" and char != "\u00ad"):
            return None
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < end else " "
        before_kind, after_kind = unicodedata.category(before), unicodedata.category(after)
        letter_before, letter_after = _letter(before_kind), _letter(after_kind)
        if _letter(kind):
            if (
                (kind == "Lu" and (before_kind == "Ll" or (letter_before and after_kind == "Ll")))
                or (kind == "Ll" and not letter_before and after_kind == "Lu")
                or (kind == "Ll" and before_kind == "Lu" and (after_kind == "Lu" or _upper_before(text, at)))
                or (letter_before and not _same_script(before, char))
                or (letter_after and not _same_script(after, char))
            ):
                implausible += 1
            elif (letter_before or letter_after) and _latin(char) and not "\u00c0" <= char <= "\u00ff":
                rare += 1
        elif kind == "Zs":  # a no-break space ending a word at a cell's end: Mac Roman's 'VOC\xa0' for 'VOCÊ'
            implausible += letter_before and (after.isspace() or after in ',;\t|"')
        elif kind in ("Lm", "Sk", "Mn", "Nd", "Nl"):  # a spacing accent; a digit of another script ('GAR０N')
            implausible += letter_before or letter_after
        elif kind[0] in "SP" or kind == "No":
            if _inside_word(text, at):  # symbols side by side between letters: 'r――lu' (Mac Roman's 'réélu')
                implausible += 1
            elif letter_before and letter_after:
                if kind == "Pd":  # 'Paris–Berlin', 'raid—which'; not 'a–o', 'Fundaci—n'
                    implausible += _single_letter_before(text, at) or _single_letter_after(text, at)
                else:
                    implausible += char != _APOSTROPHE
            elif letter_after:
                implausible += kind not in ("Ps", "Pi", "Pd") and char not in "¿¡"
            elif letter_before:  # a full stop or a closing quote, not a dagger or a section sign
                implausible += (kind not in ("Pe", "Pf", "Pd", "Po") and char not in "™®©°²³¹") or char in "†‡•‰§¶¿¡·"
    return implausible, rare


def _letter(kind: str) -> bool:
    return kind in ("Ll", "Lu", "Lt", "Lo")


def _latin(char: str) -> bool:
    return char.isascii() or "LATIN" in unicodedata.name(char, "")


def _same_script(one: str, other: str) -> bool:
    """Letters of one script, or of none named (an ordinal 'ª' goes with any)."""
    first, second = _script(one), _script(other)
    return first is None or second is None or first == second


def _script(char: str) -> str | None:
    if char.isascii():
        return "LATIN"
    name = unicodedata.name(char, "")
    if "LATIN" in name:
        return "LATIN"
    word = name.partition(" ")[0]
    return _SCRIPTS.get(word)


# Scripts whose letters seldom share a word with another's; Chinese characters, kana and Hangul do.
_SCRIPTS = {
    **{name: name for name in ("CYRILLIC", "GREEK", "ARMENIAN", "HEBREW", "ARABIC", "THAI", "GEORGIAN")},
    **{name: "CJK" for name in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH", "FULLWIDTH")},
}


def _upper_before(text: str, at: int) -> bool:
    """Two upper-case letters before ``at``: 'PERò' (Mac Roman's 'Ú' read as Windows-1252)."""
    return at >= 2 and unicodedata.category(text[at - 2]) == "Lu"


def _inside_word(text: str, at: int) -> bool:
    """A run of two or more non-ASCII symbols with a letter on each side, ``at`` among them."""
    start = at
    while start > 0 and _symbol(text[start - 1]):
        start -= 1
    end = at + 1
    while end < len(text) and _symbol(text[end]):
        end += 1
    return (
        end - start > 1
        and start > 0
        and end < len(text)
        and _letter(unicodedata.category(text[start - 1]))
        and _letter(unicodedata.category(text[end]))
    )


def _symbol(char: str) -> bool:
    kind = unicodedata.category(char)
    return not char.isascii() and (kind[0] in "SP" or kind == "No")


def _single_letter_before(text: str, at: int) -> bool:
    return at < 2 or not _letter(unicodedata.category(text[at - 2]))


def _single_letter_after(text: str, at: int) -> bool:
    return at + 2 >= len(text) or not _letter(unicodedata.category(text[at + 2]))


# -- files that mix UTF-8 lines and legacy ones -------------------------------------------------------


@dataclass
class Mixed:
    """The lines of a file's first part that hold non-ASCII bytes: those that are UTF-8 (and read no
    worse so than in the legacy encoding), and those that are not."""

    utf8: list[int]
    legacy: list[int]


def mixed_lines(head: bytes, legacy: str | None = None) -> Mixed:
    """Which lines of ``head`` (the file's first bytes, numbered as the CSV reader numbers them) are
    UTF-8 and which are not; with ``legacy``, a UTF-8 line counts only if it reads no worse as UTF-8
    (Mac Roman's '“É' is valid UTF-8, a Cyrillic combining mark: not UTF-8 text)."""
    utf8, other = [], []
    for number, line in enumerate(_LINE.findall(head), start=1):
        if line.isascii():
            continue
        if utf8_line(line, legacy) is not None:
            utf8.append(number)
        else:
            other.append(number)
    return Mixed(utf8, other)


def utf8_line(line: bytes, legacy: str | None) -> str | None:
    """The line read as UTF-8, if it is UTF-8 (and, given ``legacy``, reads no worse so than in it)."""
    text = _utf8(line)
    if text is None or legacy is None:
        return text
    as_utf8, as_legacy = measure(text), read_as(line, legacy)
    if as_utf8 is None or (as_legacy is not None and as_utf8[0] > as_legacy.implausible):
        return None
    return text


def mostly_utf8(line: bytes, legacy: str) -> str | None:
    """A UTF-8 line with a stray byte or a few ('Ramón' and one 0xFF): its UTF-8 read as UTF-8, only the bytes
    that are not in ``legacy``, where that reads no worse than the whole line in it; None for a line with no
    character of UTF-8's beyond ASCII. Read whole in the legacy encoding, its 'Ramón' was 'RamÃ³n' (a re-trial)."""
    if line.decode("utf-8", "ignore").isascii():
        return None
    try:
        text = line.decode("utf-8", _bytes_as(legacy))
    except UnicodeDecodeError:
        return None
    as_utf8, as_legacy = measure(text), read_as(line, legacy)
    if as_utf8 is None or (as_legacy is not None and as_utf8[0] > as_legacy.implausible):
        return None
    return text


def _bytes_as(legacy: str) -> str:
    """The name of an error handler reading the bytes UTF-8 refuses in ``legacy`` (registered once)."""
    name = f"junquito-bytes-as-{legacy}"
    if name not in _HANDLERS:

        def handler(error: UnicodeError) -> tuple[str, int]:
            if not isinstance(error, UnicodeDecodeError):
                raise error
            return error.object[error.start : error.end].decode(legacy, errors_of(legacy)), error.end

        codecs.register_error(name, handler)
        _HANDLERS.add(name)
    return name


_HANDLERS: set[str] = set()


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
LINES_PREFIX = "junquito_lines_"  # the codec that reads each line as UTF-8 or as the legacy encoding
LONGEST_PENDING = 1024 * 1024  # a line longer than this is decoded in pieces


class _LinesDecoder(codecs.IncrementalDecoder):
    """Decodes a line at a time: as UTF-8 where the line is UTF-8 (and reads no worse so), else as the
    legacy encoding. The line ends are those the CSV reader counts (LF, CR, CRLF)."""

    legacy = "cp1252"

    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self.pending = b""

    def decode(self, data: bytes, final: bool = False) -> str:  # type: ignore[override]
        data = self.pending + bytes(data)
        cut = len(data) if final else max(data.rfind(b"\n"), data.rfind(b"\r")) + 1
        if not cut and len(data) > LONGEST_PENDING:  # no line end yet: decode up to an ASCII byte
            cut = max(data.rfind(b" "), data.rfind(b","), data.rfind(b";"), data.rfind(b"\t")) + 1
        self.pending = data[cut:]
        parts, at = [], 0
        for line in _LINE.findall(data[:cut]):
            text = line.decode("ascii") if line.isascii() else utf8_line(line, self.legacy)
            if text is None:
                text = mostly_utf8(line, self.legacy)
            if text is None:
                try:
                    text = line.decode(self.legacy, errors_of(self.legacy))
                except UnicodeDecodeError as error:
                    raise UnicodeDecodeError(
                        error.encoding, data, at + error.start, at + error.end, error.reason
                    ) from None
            parts.append(text)
            at += len(line)
        return "".join(parts)

    def reset(self) -> None:
        self.pending = b""

    def getstate(self) -> tuple[bytes, int]:
        return self.pending, 0

    def setstate(self, state: tuple[bytes, int]) -> None:
        self.pending = state[0]


def errors_of(encoding: str) -> str:
    """The error handler a file in ``encoding`` is read with."""
    return "junquito-latin-1" if encoding == "cp1252" else "strict"


def _latin_1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), read as Latin-1 (and the
    WHATWG's windows-1252, which browsers use) reads them: control characters, which cleaning removes."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(b) for b in bad), error.end


codecs.register_error("junquito-latin-1", _latin_1_for_undefined)


def _lines_codec(name: str) -> codecs.CodecInfo | None:
    if not name.startswith(LINES_PREFIX):
        return None
    legacy = name.removeprefix(LINES_PREFIX)
    try:
        codecs.lookup(legacy)
    except LookupError:
        return None
    decoder = type(f"LinesDecoder_{legacy}", (_LinesDecoder,), {"legacy": legacy})

    def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
        return decoder(errors).decode(data, final=True), len(data)

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        raise UnicodeError(f"{name} only decodes")

    return codecs.CodecInfo(encode, decode, incrementaldecoder=decoder, name=name)  # type: ignore[arg-type]


codecs.register(_lines_codec)


def differing_word(ours: str, theirs: str) -> tuple[str, str] | None:
    """The first word two readings of the same text differ in, as each reads it: ('Fundación',
    'Fundaci—n'); ('Peña', 'Pe鎙') where one reads two bytes as one character. None if they are the same."""
    if ours == theirs:
        return None
    at = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs)))
    start = at
    while start > 0 and ours[start - 1] not in _WORD_END:
        start -= 1
    start = max(start, at - 18)
    return ours[start : _word_end(ours, at)], theirs[start : _word_end(theirs, at)]


def _word_end(text: str, at: int) -> int:
    end = at
    while end < len(text) and text[end] not in _WORD_END and end < at + 18:
        end += 1
    return end


_CP1252_TABLE = {i: bytes([i]).decode("cp1252") for i in range(0x80, 0xA0) if chr(i) not in CP1252_UNDEFINED}
