"""HTML fragments from TimelineJS files become plain text, never markup; links are kept."""

from __future__ import annotations

import pytest

from junquito_tui.core.interop.html_text import Link, html_to_line, html_to_text
from junquito_tui.core.interop.ids import IdAllocator
from junquito_tui.core.text import slugify


def test_paragraphs_line_breaks_and_entities() -> None:
    converted = html_to_text("<p>Caf&eacute; &amp; <b>bar</b></p><p>one<br>two<br/>three</p>")
    assert converted.text == "Café & bar\n\none\ntwo\nthree"


def test_double_line_break_and_blank_lines_are_paragraph_breaks() -> None:
    assert html_to_text("one<br><br>two").text == "one\n\ntwo"
    assert html_to_text("plain text\n\nwritten with blank lines\nand wraps").text == (
        "plain text\n\nwritten with blank lines and wraps"
    )


def test_tags_removed_and_escaped_markup_stays_text() -> None:
    converted = html_to_text("&lt;b&gt;not bold&lt;/b&gt; [red]not rich[/red] <i>x</i> <unknown>y</unknown>")
    assert converted.text == "<b>not bold</b> [red]not rich[/red] x y"


def test_scripts_and_styles_are_dropped() -> None:
    assert html_to_text("<style>p{}</style><script>alert(1)</script>visible").text == "visible"


def test_lists_keep_one_item_per_line() -> None:
    assert html_to_text("<ul><li>one</li><li>two</li><li></li></ul>after").text == "- one\n- two\n\nafter"


def test_links_are_collected_with_their_words() -> None:
    converted = html_to_text('See <a href="https://example.org/a">the <i>first</i> story</a> and <a href=b>b</a>.')
    assert converted.text == "See the first story and b."
    assert converted.links == [Link("https://example.org/a", "the first story"), Link("b", "b")]


def test_media_sources_only_when_asked() -> None:
    embed = "<iframe src='https://player.example.org/1'></iframe><img src=x.png>"
    assert html_to_text(embed).links == []
    assert [link.url for link in html_to_text(embed, media_sources=True).links] == [
        "https://player.example.org/1",
        "x.png",
    ]


def test_headline_is_one_line() -> None:
    assert html_to_line("Whitney Houston<br/> 1963 - 2012").text == "Whitney Houston 1963 - 2012"


@pytest.mark.parametrize("broken", ["<p>unclosed <b>bold", "</p></div>stray closers", "<a href='x'>open link", "<"])
def test_broken_html_never_raises(broken: str) -> None:
    html_to_text(broken)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Euclid's <Optica>", "euclids-optica"),
        ("Óscar Pérez", "oscar-perez"),
        ("  --Hello,   World!--  ", "hello-world"),
        ("東京", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_cuts_at_a_word() -> None:
    assert slugify("word " * 30, limit=12) == "word-word"


def test_ids_are_made_unique_with_suffixes() -> None:
    ids = IdAllocator()
    assert [ids.take("a"), ids.take("a"), ids.take("a"), ids.take("a-2")] == ["a", "a-2", "a-3", "a-2-2"]
    assert len(ids.take("x" * 200)) == 120
    assert ids.take("x" * 200).endswith("-2") and len(ids.take("x" * 200)) == 120
