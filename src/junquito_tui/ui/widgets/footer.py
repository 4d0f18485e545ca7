"""Textual's Footer, recomposed only when the keys it shows change, and never wider than the screen."""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Kept when not every key fits: help says what the others are, quitting is never hidden, and nor is that the
# file opened has warnings (shown only while it has: a UI trial saw nothing say so once its toast had gone).
ALWAYS = ("help", "warnings", "quit", "app.quit")
PALETTE_WIDTH = 12  # '▏^p palette ': the border, the key, a space, the word, a space


class KeyFooter(Footer):
    """Textual's Footer recomposes (a widget per key, ~12 ms) at every focus change or jump,
    even when it would show the same keys: this one compares first. And where Textual's lets
    the keys run under the palette key (a character leaking past it), this one shows the keys
    that fit, help and quit always among them."""

    _shown: Hashable = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    def on_resize(self) -> None:
        self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:  # its screen closed (a jump from a page) before this ran
            return
        shown = (self.screen.size.width, tuple(self._keys()))
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys(self) -> Iterator[tuple[Binding, bool, str]]:
        """Each action's first key in force, as Textual's Footer shows them (palette key apart)."""
        actions: set[str] = set()
        palette = self.app.COMMAND_PALETTE_BINDING
        for key, (_, binding, enabled, tooltip) in sorted(self.screen.active_bindings.items(), key=_rank):
            if binding.show and key != palette and binding.action not in actions:
                actions.add(binding.action)
                yield binding, enabled, tooltip

    def _width(self, binding: Binding) -> int:
        """Cells of a compact key: the key, a space, its description, a space after."""
        return cell_len(self.app.get_key_display(binding)) + 1 + cell_len(binding.description) + 1

    def fitting(self, width: int) -> list[tuple[Binding, bool, str]]:
        """The keys that fit in ``width`` cells beside the palette key: help and quit first, then
        the others in Textual's order (the focused pane's before the screen's), shown in that order."""
        keys = list(self._keys())
        room = width - PALETTE_WIDTH
        must = [k for k in keys if k[0].action in ALWAYS]
        used = sum(self._width(k[0]) for k in must)
        kept = {id(k) for k in must}
        for key in keys:
            if id(key) not in kept and used + self._width(key[0]) <= room:
                kept.add(id(key))
                used += self._width(key[0])
        return [key for key in keys if id(key) in kept]

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        for binding, enabled, tooltip in self.fitting(self.screen.size.width):
            key = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            )
            yield key.data_bind(compact=Footer.compact)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            _, binding, enabled, _ = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )


def _rank(item: tuple[str, ActiveBinding]) -> int:
    """Textual's order (nearest the focus first), except that a container marked ``FOOTER_LATE``
    (the notebook's keys, round the panes) shows after the screen's keys and the app's come last:
    where the footer is narrow, the screen's Search and Back matter more than Star."""
    namespace = item[1].node
    if isinstance(namespace, App):
        return 2
    return 1 if getattr(namespace, "FOOTER_LATE", False) else 0
