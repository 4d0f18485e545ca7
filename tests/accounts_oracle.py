"""The accounts page's oracle: attributions written out independently of the core, and a messy fixture."""

from __future__ import annotations

from conftest import REPO
from junquito_tui.core.records import Claim, Dataset

MESSY = REPO / "tests" / "data" / "accounts" / "many-and-long.json"


def said_by(dataset: Dataset, claim: Claim) -> str:
    """The attribution, written out independently of the core: 'A, B and C, as reported by P'."""
    names = [next(a.name for a in dataset.actors if a.id == actor) for actor in claim.by]
    cited = [next(s.title for s in dataset.sources if s.id == work) for work in claim.cited]
    if not names and cited:  # no one named, the works the source attributes it to are (an ACLED export's)
        names = [f"\u201c{t}\u201d" if "," in t or " and " in t else t for t in cited]
    who = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0] if names else "no one named"
    who += " (as cited; no person named)" if not claim.by and cited else ""
    if claim.source is None:
        return who
    source = next(s for s in dataset.sources if s.id == claim.source)
    return f"{who}, as reported by {source.publisher or source.title}"
