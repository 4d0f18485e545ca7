"""Styles a widget had before, put back when it is in the same state again (focus comes and goes).

Textual restyles a widget from the whole stylesheet each time it gains or loses focus: the widget,
each of its component classes (four for a list) and its scrollbar, ~1 ms a time here, twice per
jump (the page left behind, the page shown). The result depends only on the stylesheet and on the
classes and pseudo-classes of the widget and its ancestors, so it is kept under those and put
back as it was computed (tests/ui/test_kept_styles.py compares with a fresh restyle).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from textual.cache import LRUCache
from textual.css.styles import RenderStyles, RulesMap
from textual.widget import Widget


@dataclass(frozen=True)
class Kept:
    rules: RulesMap
    components: dict[str, RenderStyles]
    scrollbar: RulesMap | None
    flags: tuple[bool, bool, bool, bool]


def state_key(widget: Widget) -> Hashable:
    """Everything a restyle of ``widget`` reads: the stylesheet as parsed, the theme, and the
    type, id, classes and pseudo-classes of the widget and every ancestor."""
    app = widget.app
    stylesheet = app.stylesheet
    path = tuple(
        (node._css_type_name, node.id, frozenset(node._classes), frozenset(node.get_pseudo_classes()))
        for node in widget.css_path_nodes
    )
    return id(stylesheet), id(stylesheet.rules), app.theme, path


class KeptStyles:
    """The styles one widget had in each state it has been in (the last few states)."""

    def __init__(self) -> None:
        self._kept: LRUCache[Hashable, Kept] = LRUCache(8)

    def restyle(self, widget: Widget) -> None:
        """Restyle as Textual does after a change of pseudo-class, from what was kept if anything."""
        key = state_key(widget)
        kept = self._kept.get(key)
        if kept is None:
            widget.update_node_styles()
            self._kept[key] = self._take(widget)
        else:
            self._put_back(widget, kept)

    def forget(self) -> None:
        self._kept.clear()

    @staticmethod
    def _take(widget: Widget) -> Kept:
        bar = widget._vertical_scrollbar
        return Kept(
            rules=dict(widget.styles.base._rules),  # type: ignore[arg-type]
            components=dict(widget._component_styles),
            scrollbar=None if bar is None else dict(bar.styles.base._rules),  # type: ignore[arg-type]
            flags=(widget._has_hover_style, widget._has_focus_within, widget._has_order_style, widget._has_odd_or_even),
        )

    @staticmethod
    def _put_back(widget: Widget, kept: Kept) -> None:
        stylesheet = widget.app.stylesheet
        stylesheet.replace_rules(widget, dict(kept.rules), animate=False)  # type: ignore[arg-type]
        (widget._has_hover_style, widget._has_focus_within, widget._has_order_style, widget._has_odd_or_even) = (
            kept.flags
        )
        if widget._component_styles != kept.components:
            widget._component_styles = dict(kept.components)
            widget.refresh()
        bar = widget._vertical_scrollbar
        if bar is not None and kept.scrollbar is not None:
            stylesheet.replace_rules(bar, dict(kept.scrollbar), animate=False)  # type: ignore[arg-type]
