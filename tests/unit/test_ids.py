"""Ids handed out for a file's rows: every id unique, and an id a row gives is that row's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.interop.ids import IdAllocator

# Rows: the id each gives ('' for none) and the stem an id would be made from; few names, many clashes.
NAMES = st.sampled_from(["a", "a-2", "a-3", "b", "b-2", "A", "x--", ""])
ROWS = st.lists(st.tuples(NAMES, st.sampled_from(["a", "b", "a-2"])), max_size=12)


@given(ROWS)
def test_a_rows_own_id_is_never_taken_by_one_made_for_another_row(rows: list[tuple[str, str]]) -> None:
    ids = IdAllocator()
    ids.reserve(given for given, _ in rows)
    taken = [ids.take(given, own=True) if given in ids.reserved else ids.take(given or stem) for given, stem in rows]
    assert len(set(taken)) == len(taken)
    firsts = {given: index for index, (given, _) in reversed(list(enumerate(rows))) if given in ids.reserved}
    # each id given as an id is its first giver's, whatever was made before it
    assert all(taken[index] == given for given, index in firsts.items())
    assert ids.reserved == {g for g, _ in rows if g in {"a", "a-2", "a-3", "b", "b-2"}}  # 'A', 'x--': no ids
