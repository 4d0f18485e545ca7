"""Ids handed out for a file's rows: every id unique, and an id a row gives is that row's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.interop.ids import IdAllocator, own_id

# Rows: the id each gives ('' for none) and the stem an id would be made from; few names, many clashes.
NAMES = st.sampled_from(["a", "a-2", "a-3", "b", "b-2", "A", "B-2", "x--", " b ", ""])
ROWS = st.lists(st.tuples(NAMES, st.sampled_from(["a", "b", "a-2"])), max_size=12)


@given(ROWS)
def test_a_rows_own_id_is_never_taken_by_one_made_for_another_row(rows: list[tuple[str, str]]) -> None:
    ids = IdAllocator()
    ids.reserve(given for given, _ in rows)
    taken = [
        ids.take(own, own=True) if (own := own_id(given)) is not None else ids.take(given or stem)
        for given, stem in rows
    ]
    assert len(set(taken)) == len(taken)
    # each id given, in any case, is its first giver's, whatever was made before it
    firsts = {own_id(g): i for i, (g, _) in reversed(list(enumerate(rows))) if own_id(g) is not None}
    assert all(taken[index] == own for own, index in firsts.items())
    assert ids.reserved == set(firsts)  # ('x--', '': no ids)
