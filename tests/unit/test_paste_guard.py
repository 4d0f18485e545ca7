"""A paste is text: ESC inside a bracketed paste is removed before Textual's parser reads it, however
the terminal's input is cut into reads; nothing outside a paste is changed or held back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.ui.paste_guard import END, ESC, START, PasteGuard

_TEXT = st.text(st.sampled_from(["a", " ", "\t", ESC, "[", "2", "0", "1", "~", "m", "é"]), max_size=30)


def _fed(pieces: list[str]) -> str:
    guard = PasteGuard()
    return "".join(guard.clean(piece) for piece in pieces)


def _cut(text: str, cuts: list[int]) -> list[str]:
    points = sorted({min(cut, len(text)) for cut in cuts})
    return [text[i:j] for i, j in zip([0, *points], [*points, len(text)], strict=True) if j > i]


@given(
    _TEXT.filter(lambda t: START not in t),
    _TEXT.filter(lambda t: START not in t and END not in t),
    _TEXT.filter(lambda t: START not in t),
    st.lists(st.integers(0, 120), max_size=8),
)
def test_oracle_only_the_pastes_escapes_go_however_the_input_is_cut(
    before: str, pasted: str, after: str, cuts: list[int]
) -> None:
    typed = before + START + pasted + END + after
    expected = before + START + pasted.replace(ESC, "") + END + after
    assert _fed(_cut(typed, cuts)) == expected


@given(_TEXT.filter(lambda t: START not in t), st.lists(st.integers(0, 40), max_size=5))
def test_keys_outside_a_paste_pass_unchanged_and_at_once(typed: str, cuts: list[int]) -> None:
    guard = PasteGuard()
    for piece in _cut(typed, cuts):
        assert guard.clean(piece) == piece  # (a lone ESC is the escape key: never held back)


def test_the_trials_paste() -> None:
    # before: 'one ESC[31mred ESC[0m two' became the note '^[31mred^[0m twoone '
    pasted = f"{START}one {ESC}[31mred{ESC}[0m two\tthree{END}"
    assert _fed([pasted[:9], pasted[9:12], pasted[12:]]) == f"{START}one [31mred[0m two\tthree{END}"
