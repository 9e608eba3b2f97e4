"""The text of an HTML page as a reader sees it (for golden files and content checks),
read with the standard library's parser: one line per block element, table cells
separated by " | ", nothing of <head>, <style> or <svg> but the chart's description."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = {"h1", "h2", "h3", "p", "tr", "li", "figcaption", "footer", "caption", "figure"}
_CELLS = {"td", "th"}
_SKIP = {"head", "style", "script", "svg", "title"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skip = 0

    def _end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag == "svg":
                label = dict(attrs).get("aria-label")
                if label and dict(attrs).get("role") == "img":
                    self._end_line()
                    self.lines.append(f"[chart: {label}]")
            self.skip += 1
        elif tag in _BLOCKS:
            self._end_line()
        elif tag in _CELLS and self.line:
            self.line.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip -= 1
        elif tag in _BLOCKS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.line.append(data)


def html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    parser.close()
    parser._end_line()
    return "\n".join(parser.lines) + "\n"
