"""Encodings a review found misread or misdescribed: a DOS code page, and the other reading a warning names."""

from __future__ import annotations

from pathlib import Path

from junquito_tui.core.loader import Loaded, load_with_report

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"


def load(name: str) -> Loaded:
    return load_with_report(SHEETS / name)


def test_a_dos_code_page_850_file_is_read_as_it() -> None:
    # before: 'Ñuñoa' in DOS code page 850 (old Spanish-language exports) was read as Big5, '只寸a', not as a guess
    loaded = load("encoding-dos-850-spanish.csv")
    assert sorted(e.title for e in loaded.dataset.events) == ["Reunión en Peñalolén", "Ñuñoa"]
    assert any("read as DOS code page 850" in w and "a guess" in w for w in loaded.warnings)


def test_the_other_reading_named_is_the_one_it_gives() -> None:
    # before: 'charset-normalizer's pick, Big5, reads them the same' (Big5 reads 'Pe鎙': two bytes, one character)
    loaded = load("encoding-windows-1252-one-word.csv")
    assert [e.title for e in loaded.dataset.events] == ["Peña"]
    said = next(w for w in loaded.warnings if "not UTF-8" in w)
    assert "reads them the same" not in said and "'Pe鎙' where Windows-1252 reads 'Peña'" in said
