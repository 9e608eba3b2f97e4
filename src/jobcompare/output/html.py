"""The HTML writer: a document as a light, printable, self-contained page.

It writes the blocks of :mod:`jobcompare.output.blocks` as semantic HTML (real ``<table>``s
with header cells, headings, lists) and draws the charts as inline SVG. The page makes no
request of any kind (no fonts, scripts or images from elsewhere), reads without colour
(the highest figure is bold and, with three or four roles, marked ▲ as in the terminal),
prints on white without splitting a row across pages, and follows a dark screen through
``prefers-color-scheme``. Every string from the dataset is escaped. No Rich here.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from jobcompare import __version__
from jobcompare import text as fmt
from jobcompare.model import Amount
from jobcompare.output import blocks as b
from jobcompare.output.axis import labelled_ticks, tick_amount
from jobcompare.output.cells import HIGHEST_MARK, LOWEST_MARK
from jobcompare.output.options import Options
from jobcompare.registry.fields import NUMERIC
from jobcompare.text import safe

STYLE = """
:root { color-scheme: light dark; --ink: #1b1b1b; --paper: #ffffff; --muted: #555;
  --rule: #c8c8c8; --band: #f3f5f7; --accent: #1f6f8b; --high: #0b6b2f; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e6e6; --paper: #16181a; --muted: #a8a8a8; --rule: #444;
    --band: #202427; --accent: #6cc0dc; --high: #7fd89b; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--accent); }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
h4 { font-size: .95rem; font-weight: 600; font-style: italic; margin: .8rem 0 .2rem 1.2rem; }
p { margin: .4rem 0 .8rem; max-width: 48rem; }
.lead { font-size: 1.05rem; }
.muted, .note { color: var(--muted); }
.note { font-style: italic; }
.role-text { margin-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem;
  font-variant-numeric: tabular-nums; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem;
  border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: var(--band); }
td.num, th.num { white-space: nowrap; }
tr.group th { padding-top: .6rem; font-style: italic; font-weight: 600; }
th.sub { padding-left: 1.6rem; font-weight: normal; }
strong.high { color: var(--high); }
.bar { display: inline-block; margin-left: .5rem; vertical-align: middle; }
.bar rect.fill { fill: var(--accent); }
.bar rect.track { fill: var(--rule); opacity: .35; }
figure { margin: .75rem 0 1.25rem; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
svg.chart { width: 100%; max-width: 46rem; height: auto; }
svg.chart text { fill: var(--ink); font: 12px system-ui, sans-serif; }
svg.chart .axis { fill: var(--muted); }
svg.chart .rule { stroke: var(--muted); stroke-width: 1; }
svg.chart .range { stroke: var(--accent); stroke-width: 2; }
svg.chart .band { fill: var(--accent); }
svg.chart .median { stroke: var(--ink); stroke-width: 3; }
svg.chart .average { fill: var(--high); stroke: var(--paper); stroke-width: 1.5; }
ul.notes { padding-left: 1.2rem; color: var(--muted); }
ul.key { padding-left: 1.2rem; }
ul.key li { margin: .15rem 0; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; }
.prepared { color: var(--muted); margin: -.4rem 0 1rem; }
@media print {
  /* A handout: compact type and tables, every section close to the last, a small table
     kept on one page, notes and sources in two columns. The paper is the printer's. */
  @page { margin: 11mm 12mm; }
  :root { --ink: #000; --paper: #fff; --muted: #444; --rule: #aaa; --band: #f2f2f2;
    --accent: #1f5f7a; --high: #000; }
  body { font-size: 8pt; line-height: 1.25; background: #fff; color: #000; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 14pt; margin: 0 0 .1rem; }
  .prepared { margin: 0 0 .3rem; }
  h2 { font-size: 10pt; margin: .55rem 0 .15rem; padding-bottom: 0; border-bottom-width: 1px; }
  h3 { font-size: 8.5pt; margin: .35rem 0 .1rem; }
  h4 { font-size: 8pt; margin: .25rem 0 .05rem .8rem; }
  p { margin: .1rem 0 .25rem; max-width: none; }
  .lead { font-size: 8.5pt; }
  p.muted, p.note, ul.notes { font-size: 7pt; line-height: 1.2; }
  ul.key { font-size: 8.5pt; line-height: 1.3; margin: .1rem 0; }
  p.muted { margin: .05rem 0; }
  .role-text { margin-left: .8rem; font-size: 7.5pt; }
  table { margin: .15rem 0 .3rem; font-size: 7.5pt; line-height: 1.15; }
  th, td { padding: .05rem .3rem; }
  thead th { border-bottom-width: 1px; }
  tr.group th { padding-top: .15rem; }
  th.sub { padding-left: .8rem; }
  table.ranked { font-size: 7pt; }
  svg.bar { width: 2.6rem; height: .4rem; margin-left: .25rem; }
  figure { margin: .2rem 0 .35rem; }
  figcaption { margin-bottom: 0; }
  svg.chart { max-width: 28rem; }
  thead { display: table-header-group; }
  tr, figure, .role-text, li, table.keep { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4, figcaption { break-after: avoid; page-break-after: avoid; }
  section.notes h2 { margin-top: .4rem; }
  ul.notes { columns: 2; column-gap: 1.2rem; margin: .1rem 0; padding-left: .9rem; }
  footer { margin-top: .4rem; font-size: 6.5pt; }
  tbody tr:nth-child(even) { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def e(text: str) -> str:
    """Dataset text for HTML: control characters removed, markup escaped."""
    return html.escape(safe(text), quote=True)


def html_report(document: b.Document, options: Options | None = None) -> str:
    """The whole page: a page handed to a reader, so each block in its plain words (no
    option names, no database terms), under the title ``--title`` gives, and the line
    saying whom it is for and when it was made."""
    options = options or Options()
    body = []
    title = options.title or document.title
    for block in document.blocks:
        if isinstance(block, b.SectionBlock):
            inner = "\n".join(filter(None, (_block(part) for part in block.blocks)))
            body.append(f'<section id="{e(block.name)}">\n{inner}\n</section>')
        elif isinstance(block, b.Heading) and block.level == 1:
            title = options.title or block.plain or block.text
            line = fmt.prepared_line(options.prepared_for, options.date)
            heading = f"<h1>{e(title)}</h1>"
            body.append(f'<header>\n{heading}\n<p class="prepared">{e(line)}</p>\n</header>'
                        if line else heading)  # fmt: skip
        else:
            body.append(_block(block))
    body = [part for part in body if part]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        # Nothing may be fetched: no scripts, fonts or images from anywhere.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + f"\n<footer>Made with jobcompare {e(__version__)}.</footer>\n</main>\n</body>\n</html>\n"
    )


def render(document: b.Document, options: Options) -> str:
    return html_report(document, options)


def _block(block: b.Block) -> str:
    if isinstance(block, b.Heading):
        level = min(block.level, 4)
        return f"<h{level}>{e(_plain(block))}</h{level}>"
    if isinstance(block, b.Paragraph):
        text = _plain(block)
        if not text:
            return ""
        css = {"indented": "role-text", "plain": ""}.get(block.style, block.style)
        return f'<p class="{css}">{e(text)}</p>' if css else f"<p>{e(text)}</p>"
    if isinstance(block, b.FigureTable):
        return _figures(block)
    if isinstance(block, b.RankedTable):
        return _ranked(block)
    if isinstance(block, b.RangeChart):
        return _chart(block)
    if isinstance(block, b.TrendChart):
        return _trend(block)
    if isinstance(block, b.Listing):
        return _listing(block)
    if isinstance(block, b.Fields):
        return _fields(block)
    return _notes(block)


def _plain(block: b.Heading | b.Paragraph) -> str:
    """The block's words for the page: its plain variant where it has one."""
    return block.text if block.plain is None else block.plain


def _header(first: str, columns: Sequence[str], extra: Sequence[str] = ()) -> str:
    cells = [f'<th scope="col">{e(first)}</th>']
    cells += [f'<th scope="col">{e(c)}</th>' for c in columns]
    cells += [f'<th scope="col" class="num">{e(c)}</th>' for c in extra]
    return "<thead><tr>" + "".join(cells) + "</tr></thead>"


#: A table of at most this many rows is printed on one page, not split across two.
_SMALL = 10


def _keep(rows: Sequence[str]) -> str:
    """The class that keeps a small table on one page in print."""
    return ' class="keep"' if len(rows) <= _SMALL else ""


def _bar(fraction: float, width: int = 96) -> str:
    filled = max(0.0, min(fraction, 1.0)) * width
    return (
        f'<svg class="bar" width="{width}" height="8" viewBox="0 0 {width} 8" aria-hidden="true">'
        f'<rect class="track" width="{width}" height="8"/>'
        f'<rect class="fill" width="{filled:.1f}" height="8"/></svg>'
    )


def _figures(block: b.FigureTable) -> str:
    extra = ["Difference"] if block.differences else []
    rows = []
    group: str | None = None
    span = 1 + len(block.columns) + len(extra)
    for row in block.rows:
        if row.group != group:
            group = row.group
            if group:
                rows.append(f'<tr class="group"><th scope="rowgroup" colspan="{span}">'
                            f"{e(group)}</th></tr>")  # fmt: skip
        sub = ' class="sub"' if row.group else ""
        cells = [f'<th scope="row"{sub}>{e(row.label)}</th>']
        numeric = ' class="num"' if row.kind in NUMERIC else ""
        for figure in row.cells:
            text = e(figure.text)
            if figure.highest:
                mark = f" {HIGHEST_MARK}" if block.marks else ""
                text = f'<strong class="high">{text}{mark}</strong>'
            elif figure.lowest and block.marks:
                text += f" {LOWEST_MARK}"
            if figure.bar is not None:
                text += _bar(figure.bar)
            cells.append(f"<td{numeric}>{text}</td>")
        if block.differences:
            said = row.difference if row.plain_difference is None else row.plain_difference
            cells.append(f'<td class="num">{e(said)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = _header("", block.columns, extra)
    return f"<table{_keep(rows)}>{head}<tbody>{''.join(rows)}</tbody></table>"


def _ranked(block: b.RankedTable) -> str:
    rows = []
    for row in block.rows:
        cells = [f'<th scope="row">{e(row.label)}</th>']
        for item in row.items:
            text = e(item.text)
            if item.shared:
                text = f"<strong>{text}</strong>"
            if item.share and block.scale:
                text += _bar(item.share / block.scale)
            cells.append(f"<td>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    bars = any(item.share for row in block.rows for item in row.items) and block.scale
    note = f'<p class="muted">{e(block.scale_note)}</p>' if bars and block.scale_note else ""
    # Long items (duties) may run on to the next page; a short list is kept whole.
    keep = " keep" if _keep(rows) and not block.spaced else ""
    return (
        f'<table class="ranked{keep}">{_header(block.label, block.columns)}'
        f"<tbody>{''.join(rows)}</tbody></table>{note}"
    )


def _listing(block: b.Listing) -> str:
    block = block.without_empty_columns()
    rows = []
    for number, row in enumerate(block.rows):
        cells = []
        for index, text in enumerate(row):
            css = ' class="num"' if index in block.right else ""
            shown = e(fmt.MISSING if text is None else text)
            bar = block.bars[number] if index == block.bar_after and block.bars else None
            if bar is not None:
                shown += _bar(bar)
            cells.append(f"<td{css}>{shown}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    numeric = ' class="num"'
    head = "".join(
        f'<th scope="col"{numeric if i in block.right else ""}>{e(c)}</th>'
        for i, c in enumerate(block.columns)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _fields(block: b.Fields) -> str:
    items = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in block.items)
    return f"<h3>{e(block.title)}</h3>\n<dl>{items}</dl>"


def _notes(block: b.NoteList) -> str:
    items = "".join(f"<li>{e(item)}</li>" for item in (block.plain or block.items))
    title = e(block.title)
    tag = "ol" if block.numbered else "ul"
    kind = "key" if block.lead else "notes"  # the key differences: read first, full size
    listed = f'<{tag} class="{kind}">{items}</{tag}>'
    return f'<section class="{kind}">\n<h2>{title}</h2>\n{listed}\n</section>'


#: The chart's text: 12px, about this wide a character on average (a label's room).
_CHAR_PX = 7.0


def _chart(block: b.RangeChart) -> str:
    """Ranges on one axis as SVG: a line from the 10th to the 90th percentile (or the
    range), a band for the middle half, a tick at the median, a dot at the average. Each
    role's name on its own line above its range, whole, however long; the axis labels
    its two ends and the round figures between that fit, each with a tick."""
    show = fmt.money if block.per == "year" else fmt.rate
    amounts = [a.value for s in block.series for a in s.amounts()]
    low, high = min(amounts), max(amounts)
    pad, plot_w, label_h, row_h = 6, 640, 15, 20
    width = plot_w + 2 * pad

    def x(amount: Amount | float) -> float:
        value = amount.value if isinstance(amount, Amount) else amount
        return pad + (float(value) - low) / (high - low) * plot_w

    parts = []
    y = 0
    for s in block.series:
        # A name too long for the line goes on in a second one (never cut).
        for line in _lines(s.label, int(plot_w / _CHAR_PX)):
            y += label_h
            parts.append(f'<text x="{pad}" y="{y}">{e(line)}</text>')
        y += row_h // 2 + 2
        if not s.amounts():
            parts.append(f'<text class="axis" x="{pad}" y="{y + 4}">{e(fmt.MISSING)}</text>')
        if s.low and s.high:
            parts.append(f'<line class="range" x1="{x(s.low):.1f}" y1="{y}" x2="{x(s.high):.1f}" '
                         f'y2="{y}"/>')  # fmt: skip
            for end in (s.low, s.high):
                parts.append(f'<line class="range" x1="{x(end):.1f}" y1="{y - 6}" '
                             f'x2="{x(end):.1f}" y2="{y + 6}"/>')  # fmt: skip
        if s.p25 and s.p75:
            parts.append(f'<rect class="band" x="{x(s.p25):.1f}" y="{y - 5}" '
                         f'width="{x(s.p75) - x(s.p25):.1f}" height="10"/>')  # fmt: skip
        if s.median:
            parts.append(f'<line class="median" x1="{x(s.median):.1f}" y1="{y - 9}" '
                         f'x2="{x(s.median):.1f}" y2="{y + 9}"/>')  # fmt: skip
        if s.average:
            parts.append(f'<circle class="average" cx="{x(s.average):.1f}" cy="{y}" r="5"/>')
        y += row_h // 2
    axis_y = y + 8
    top_bound = any(a.at_least for s in block.series for a in s.amounts() if a.value == high)
    left, right = show(Amount(low)), show(Amount(high, at_least=top_bound))

    def said(tick: float) -> str:
        return show(tick_amount(tick))

    def label_at(tick: float) -> tuple[float, float]:
        size = len(said(tick)) * _CHAR_PX
        return x(tick) - pad - size / 2, size

    ticks = labelled_ticks(low, high, plot_w, (len(left) * _CHAR_PX, len(right) * _CHAR_PX),
                           label_at, gap=14, most=5)  # fmt: skip
    parts.append(f'<line class="rule" x1="{pad}" y1="{axis_y}" x2="{pad + plot_w}" '
                 f'y2="{axis_y}"/>')  # fmt: skip
    for at, text, anchor in [(low, left, "start"), *((t, said(t), "middle") for t in ticks),
                             (high, right, "end")]:  # fmt: skip
        parts.append(f'<line class="rule" x1="{x(at):.1f}" y1="{axis_y}" x2="{x(at):.1f}" '
                     f'y2="{axis_y + 4}"/>')  # fmt: skip
        parts.append(f'<text class="axis" x="{x(at):.1f}" y="{axis_y + 17}" '
                     f'text-anchor="{anchor}">{e(text)}</text>')  # fmt: skip
    used = [
        (f"├─┤ {block.span}", any(s.low and s.high for s in block.series)),
        ("▬ 25th–75th", any(s.p25 and s.p75 for s in block.series)),
        ("┃ median", any(s.median for s in block.series)),
        ("● average", any(s.average for s in block.series)),
    ]
    legend = "   ".join(words for words, shown in used if shown)
    parts.append(f'<text class="axis" x="{pad}" y="{axis_y + 38}">{e(legend)}</text>')
    height = axis_y + 46
    described = "; ".join(
        f"{s.label}: {show(s.low) if s.low else fmt.MISSING} to "
        f"{show(s.high) if s.high else fmt.MISSING}"
        for s in block.series
    )
    return (
        f"<figure>\n<figcaption>{e(block.title)}</figcaption>\n"
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{e(described)}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(parts)
        + "</svg>\n</figure>"
    )


def _trend(block: b.TrendChart) -> str:
    """A figure by year as SVG, as the terminal draws it: each series' name on its own
    line, then a line per year, the year at the left and a tick at its figure ("—" when
    none is published, "▶" after a top-coded lower bound); one axis for all."""
    show = fmt.money if block.per == "year" else fmt.rate
    amounts = [a.value for a in block.amounts()]
    low, high = min(amounts), max(amounts)
    if high <= low:
        low, high = low * 0.9 if low > 0 else low - 1, high * 1.1 if high > 0 else high + 1
    pad, gutter, plot_w, label_h, row_h = 6, 44, 596, 15, 18
    width = pad + gutter + plot_w + pad

    def x(value: float) -> float:
        return pad + gutter + (float(value) - low) / (high - low) * plot_w

    parts = []
    y = 0
    bound = False
    for number, series in enumerate(block.series):
        y += 6 if number else 0  # a little room between one series and the next
        for line in _lines(series.label, int((gutter + plot_w) / _CHAR_PX)):
            y += label_h
            parts.append(f'<text x="{pad}" y="{y}">{e(line)}</text>')
        for point in series.points:
            y += row_h
            parts.append(f'<text class="axis" x="{pad}" y="{y}">{e(point.label)}</text>')
            amount = point.amount
            if amount is None:
                parts.append(f'<text class="axis" x="{pad + gutter}" y="{y}">'
                             f"{e(fmt.MISSING)}</text>")  # fmt: skip
                continue
            at = x(amount.value)
            parts.append(f'<line class="median" x1="{at:.1f}" y1="{y - 11}" x2="{at:.1f}" '
                         f'y2="{y + 1}"/>')  # fmt: skip
            if amount.at_least:
                bound = True
                parts.append(f'<text class="axis" x="{at + 4:.1f}" y="{y}">▶</text>')
    axis_y = y + 10
    top_bound = any(a.at_least for a in block.amounts() if a.value == high)
    left, right = show(Amount(low)), show(Amount(high, at_least=top_bound))

    def said(tick: float) -> str:
        return show(tick_amount(tick))

    def label_at(tick: float) -> tuple[float, float]:
        size = len(said(tick)) * _CHAR_PX
        return x(tick) - pad - gutter - size / 2, size

    ticks = labelled_ticks(low, high, plot_w, (len(left) * _CHAR_PX, len(right) * _CHAR_PX),
                           label_at, gap=14, most=5)  # fmt: skip
    parts.append(f'<line class="rule" x1="{pad + gutter}" y1="{axis_y}" '
                 f'x2="{pad + gutter + plot_w}" y2="{axis_y}"/>')  # fmt: skip
    for at, text, anchor in [(low, left, "start"), *((t, said(t), "middle") for t in ticks),
                             (high, right, "end")]:  # fmt: skip
        parts.append(f'<line class="rule" x1="{x(at):.1f}" y1="{axis_y}" x2="{x(at):.1f}" '
                     f'y2="{axis_y + 4}"/>')  # fmt: skip
        parts.append(f'<text class="axis" x="{x(at):.1f}" y="{axis_y + 17}" '
                     f'text-anchor="{anchor}">{e(text)}</text>')  # fmt: skip
    legend = f"┃ {block.what}" + ("   ▶ or more (top-coded)" if bound else "")
    parts.append(f'<text class="axis" x="{pad + gutter}" y="{axis_y + 38}">{e(legend)}</text>')
    height = axis_y + 46
    described = "; ".join(
        f"{s.label}: " + ", ".join(
            f"{p.label} {show(p.amount) if p.amount else fmt.MISSING}" for p in s.points
        )
        for s in block.series
    )  # fmt: skip
    return (
        f"<figure>\n<figcaption>{e(block.title)}</figcaption>\n"
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{e(described)}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(parts)
        + "</svg>\n</figure>"
    )


def _lines(text: str, room: int) -> list[str]:
    """``text`` in lines of at most ``room`` characters, broken between words."""
    import textwrap

    return textwrap.wrap(text, room, break_long_words=True) or [text]
