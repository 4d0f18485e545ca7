"""Words that put a date near another, no more ('around Christmas 2017', 'vers Noël', 'um Weihnachten'),
in the languages the date reader knows: one list for the reader (which takes some of them off the front of
a cell), for a feast near which an event is (two weeks either side: ``feast_days``) and for the years a
feast in doubt may reach (``month_narrowing.new_year_reach``)."""

from __future__ import annotations

import re

NEAR_DAYS = 14  # days either side of a date an event 'around' it may be: as 'within days of' (``sheet_offsets``)
NEAR = frozenset(["~", "≈", "±", "c", "c.", "ca", "ca.", "cca", "cca.", "circa", "around", "about"])
NEAR |= frozenset(["approximately", "approx", "approx.", "roughly", "abt", "abt.", "near", "close to"])
NEAR |= frozenset(["more or less", "on or about", "on or around", "sometime", "some time", "sometime around"])
NEAR |= frozenset(["some time around", "just around", "somewhere around", "round about"])
NEAR |= frozenset(["aprox", "aprox.", "aproximadamente", "hacia", "hacia el", "hacia la", "alrededor de"])
NEAR |= frozenset(["alrededor del", "cerca de", "cerca del", "en torno a", "en torno al", "en torno a la"])
NEAR |= frozenset(["más o menos", "a eso de", "vers", "vers le", "environ", "autour de", "aux alentours de"])
NEAR |= frozenset(["aux environs de", "à peu près", "etwa", "ungefähr", "ungefahr", "gegen", "um", "rund um"])
NEAR |= frozenset(["so um", "zirka", "por volta de", "por volta da", "por volta do", "cerca da", "cerca do"])
NEAR |= frozenset(["perto de", "perto do", "perto da", "em torno de", "em torno do", "lá pelo", "verso"])
NEAR |= frozenset(["verso il", "intorno a", "intorno al", "intorno alla", "attorno a", "all'incirca a"])
# The same as a pattern's alternatives, the longest first ('on or about' before 'about')
NEAR_PATTERN = "|".join(re.escape(words) for words in sorted(NEAR, key=len, reverse=True))
