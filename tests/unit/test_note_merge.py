"""Two versions of a note never lose a change silently (the review's finding 9).

The old rule kept the longer version whenever one held the other: one instance wrote "not
authentic" while the other, from the same "unknown", saved "authentic", and "not authentic" was
kept with no conflict; a deletion (" video") made on one side was undone by an addition on the
other. With the text both sides started from (``base``): a side that did not change it gives
way silently; two sides that changed it differently are a conflict keeping both.
"""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import known
from junquito_tui.core.notebook import Notebook
from junquito_tui.core.notebook.merging import conflict_line, merge_note

WORDS = st.text(alphabet="ab \n", max_size=6)  # few letters: one text often holds another


@st.composite
def edited(draw: st.DrawFn, base: str) -> str:
    """``base`` unchanged, cut, added to, retyped in part, or replaced."""
    how = draw(st.sampled_from(["same", "cut", "add", "retype", "other"]))
    start = draw(st.integers(0, len(base)))
    end = draw(st.integers(start, len(base)))
    if how == "same":
        return base
    if how == "cut":
        return base[:start] + base[end:]
    if how == "add":
        return base[:start] + draw(WORDS) + base[start:]
    if how == "retype":
        return base[:start] + draw(WORDS) + base[end:]
    return draw(WORDS)


@st.composite
def three_versions(draw: st.DrawFn) -> tuple[str, str, str]:
    base = draw(WORDS)
    return base, draw(edited(base)), draw(edited(base))


def check_merge(base: str, mine: str, theirs: str, kept: str, conflict: bool) -> None:
    """The rule: the only side that changed wins, equal changes are one, else a conflict keeping both."""
    if mine == theirs or theirs == base:  # the same change on both sides, or only ours
        assert (kept, conflict) == (mine, False)
    elif mine == base:
        assert (kept, conflict) == (theirs, False)
    else:
        assert conflict, (base, mine, theirs, kept)
        assert mine.strip() in kept and theirs.strip() in kept
        if mine.strip() and theirs.strip():
            assert kept.index(mine.strip()) < kept.index("[Conflict:") < kept.rindex(theirs.strip())


@settings(max_examples=1500, deadline=None)
@given(three_versions())
@example(("unknown", "authentic", "not authentic"))  # the review's case 3
@example(("authentic video", "authentic", "authentic video (seen 16 Jan)"))  # its interface case
@example(("Source: Reuters. Unverified.", "Source: Reuters.", "Source: Reuters. Unverified, per AP."))
def test_a_merge_never_drops_a_change_silently(versions: tuple[str, str, str]) -> None:
    base, mine, theirs = versions
    kept, conflict = merge_note(mine, theirs, "saved meanwhile", base=base)
    check_merge(base, mine, theirs, kept, conflict)


def test_the_reviews_cases_are_conflicts_keeping_both() -> None:
    kept, conflict = merge_note("authentic", "not authentic", "saved meanwhile", base="unknown")
    assert conflict and kept == f"authentic\n\n{conflict_line('saved meanwhile')}\n\nnot authentic"
    kept, conflict = merge_note("authentic", "authentic video (seen 16 Jan)", "x", base="authentic video")
    assert conflict and kept.startswith("authentic\n\n") and kept.endswith("\n\nauthentic video (seen 16 Jan)")


def test_an_import_still_keeps_the_version_that_holds_the_other_as_whole_lines() -> None:
    """No base (a notebook imported twice, an older export): the fuller version, no conflict."""
    assert merge_note("a\nb\nc", "b", "imported") == ("a\nb\nc", False)
    assert merge_note("b", "b\n\nseen again 16 Jan", "imported") == ("b\n\nseen again 16 Jan", False)
    kept, _ = merge_note("mine", "theirs", "imported")
    assert merge_note(kept, "theirs", "imported") == (kept, False)  # the same file imported again


_LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip)


@example("not", "authentic")
@example("Photo is not", "authentic")
@example("The photo was taken in", "2019")
@given(_LINE, _LINE)
def test_an_import_keeps_both_where_one_is_within_the_others_line(words: str, note: str) -> None:
    """Before (a notebook trial): 'authentic' imported over 'not authentic' was '1 unchanged', the other
    way round the note became 'not authentic', a verdict reversed with no conflict line."""
    longer = f"{words} {note}"  # the note within a line of the other's, words beside it
    for mine, theirs in ((longer, note), (note, longer)):
        kept, conflict = merge_note(mine, theirs, "imported")
        assert conflict and kept.startswith(mine.rstrip()) and kept.endswith(theirs.strip("\n"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(three_versions().filter(lambda v: all(text.strip() == text and text for text in v)))
@example(("unknown", "authentic", "not authentic"))
@example(("authentic video", "authentic", "authentic video (seen 16 Jan)"))
def test_two_instances_saving_from_one_base_never_lose_a_change(versions: tuple[str, str, str]) -> None:
    """The same, through two notebooks on one file: the second to save gets the merge and is told."""
    base, mine, theirs = versions
    with TemporaryDirectory() as folder:
        path = Path(folder) / "nb.sqlite3"
        first, second = Notebook(path), Notebook(path)
        first.set_note("event", "e", base)
        opened_with = known(second.item("event", "e")).note  # both editors open on what is stored
        assert opened_with == known(first.item("event", "e")).note == base
        first.set_note("event", "e", theirs, base=base)  # the other instance saves first
        saved = second.set_note("event", "e", mine, base=opened_with)
        stored = known(Notebook(path).item("event", "e")).note
        assert saved.item is not None and saved.item.note == stored
        check_merge(base, mine, theirs, stored, saved.conflict)
        first.close()
        second.close()
