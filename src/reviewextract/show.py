"""The evidence view: a `Review` as one self-contained HTML page with every span highlighted.

The page has no scripts and no external assets; a Content-Security-Policy forbids both, so even
a hostile review (all of whose text is escaped anyway) cannot load or run anything. Spans may
overlap or nest: the text is cut at every span boundary and the marks are re-opened around each
piece, so a span crossing another becomes several elements sharing one `data-mark` id (the first
carries the anchor `id`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from . import DEFAULT_LANGUAGE
from .model import Review

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_MAX_DEPTH_CLASS = 3  # deeper marks share the last padding class

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;
 background:#f6f8fa}
header{padding:14px 28px;background:#24292f;color:#fff}
header h1{margin:0;font-size:20px;font-weight:600}
header p{margin:2px 0 0;font-size:13px;color:#c9d1d9}
header a{color:#9ecbff}
.wrap{display:grid;grid-template-columns:minmax(0,1fr) 420px;gap:24px;padding:24px 28px;
 max-width:1480px;align-items:start}
.text,.panel section{background:#fff;border:1px solid #d0d7de;border-radius:8px}
.text{padding:20px 26px;white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1}
.panel section{padding:12px 16px;margin-bottom:16px}
.panel h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#57606a;
 margin:0 0 8px}
.panel ul+h2,.panel p+h2{margin-top:12px}
.legend span{display:inline-block;margin:0 10px 4px 0;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:14px;table-layout:fixed}
th{width:136px;font-size:13px}
td,th{padding:3px 4px;vertical-align:top;text-align:left;border-top:1px solid #eaeef2}
th{font-weight:600;white-space:nowrap;color:#57606a}
.null{color:#8c959f;font-style:italic}
.links{font-size:12px;line-height:1.45;margin-top:2px}
.links div{overflow-wrap:anywhere}
.links a{white-space:nowrap}
.rule{color:#8c959f;margin-left:6px;white-space:nowrap;display:inline-block}
ul{margin:0;padding-left:18px;font-size:14px}
pre{margin:0;font-size:12px;line-height:1.4;white-space:pre-wrap;overflow-wrap:anywhere;
 max-height:420px;overflow:auto;background:#f6f8fa;padding:8px;border-radius:6px}
.note{font-size:13px;color:#57606a}
mark{color:inherit;background:none;border-radius:3px}
mark.pro{background:#c8f0d0}
mark.con{background:#ffcec7}
mark.verdict{background:#fff1b8;box-shadow:inset 0 0 0 2px #d4a72c;font-weight:600}
mark.fact{border-bottom:2px solid #0969da}
mark.fact.d0{padding-bottom:7px}
mark.fact.d1{padding-bottom:4px;border-bottom-color:#8250df}
mark.fact.d2,mark.fact.d3{padding-bottom:1px;border-bottom-color:#bf3989}
mark.fact.last::after{content:attr(data-label);font-size:10px;line-height:1;font-weight:600;
 color:#fff;background:#0969da;border-radius:3px;padding:1px 4px;margin-left:2px;
 vertical-align:super}
mark:target{outline:3px solid #fb8500;outline-offset:1px}
.key{display:inline-block;width:12px;height:12px;border-radius:3px;vertical-align:-1px;
 margin-right:4px}
.warn li{color:#9a6700}
.index td{padding:6px}
.failed{color:#cf222e}
"""


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: `kind` is pro, con, verdict or fact; `label` names the field."""

    id: str
    kind: str
    label: str
    start: int
    end: int
    note: str


def marks_of(review: Review) -> list[Mark]:
    """Every span of the record, in text order, each with a unique anchor id."""
    raw: list[tuple[str, str, int, int, str]] = []
    for kind, ops in (("pro", review.pros), ("con", review.cons)):
        for op in ops:
            raw.append((kind, op.aspect or kind, op.start, op.end,
                        f"{op.rule or kind} · {op.score:+.2f}"))
    if review.verdict is not None:
        v = review.verdict
        raw.append(("verdict", "verdict", v.start, v.end,
                    f"{v.rule or 'verdict'} · {v.score:+.2f}"))
    for name, evs in review.evidence.items():
        for ev in evs:
            raw.append(("fact", name, ev.start, ev.end, f"{ev.rule} · {ev.confidence:.2f}"))
    raw.sort(key=lambda r: (r[2], -r[3]))
    return [Mark(f"m{i}", *r) for i, r in enumerate(raw)]


def _open_tag(m: Mark, depth: int, first: bool, last: bool) -> str:
    classes = [m.kind, f"d{min(depth, _MAX_DEPTH_CLASS)}"] + (["last"] if last else [])
    anchor = f' id="{m.id}"' if first else ""
    return (f'<mark{anchor} class="{" ".join(classes)}" data-mark="{m.id}" data-kind="{m.kind}"'
            f' data-label="{_e(m.label)}" data-start="{m.start}" data-end="{m.end}"'
            f' title="{_e(m.label)}: {_e(m.note)}">')


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """The escaped text with every mark wrapped in `<mark>` elements, properly nested.

    Between two consecutive boundaries the set of covering marks is constant; the open stack is
    reconciled with it (outer marks first: earlier start, then longer), closing and re-opening
    only what changed, so nested spans stay whole and crossing spans are split.
    """
    live = [m for m in marks if m.end > m.start]
    cuts = sorted({0, len(text), *(m.start for m in live), *(m.end for m in live)})
    order = {m.id: (m.start, -m.end, i) for i, m in enumerate(live)}
    stack: list[Mark] = []
    events: list[tuple[Mark, int] | str] = []  # an opening (mark, depth) or ready markup
    for a, b in pairwise(cuts):
        want = sorted((m for m in live if m.start <= a and b <= m.end), key=lambda m: order[m.id])
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        events.extend("</mark>" for _ in stack[keep:])
        stack = stack[:keep]
        for m in want[keep:]:
            # only facts count for depth: it sets how far below the text a fact is underlined
            events.append((m, sum(o.kind == "fact" for o in stack)))
            stack.append(m)
        events.append(_e(text[a:b]))
    events.extend("</mark>" for _ in stack)
    # the first piece of a mark carries its anchor, the last one its label
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for i, ev in enumerate(events):
        if isinstance(ev, tuple):
            first.setdefault(ev[0].id, i)
            last[ev[0].id] = i
    out = []
    for i, ev in enumerate(events):
        if isinstance(ev, tuple):
            m, depth = ev
            out.append(_open_tag(m, depth, first[m.id] == i, last[m.id] == i))
        else:
            out.append(ev)
    return "".join(out)


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def _value(v: object) -> str:
    if v is None or v == []:
        return '<span class="null">null</span>'
    if isinstance(v, list):
        return _e(", ".join(str(x) for x in v))
    if hasattr(v, "model_dump"):
        return _e(json.dumps(v.model_dump(mode="json"), ensure_ascii=False))
    return _e(getattr(v, "value", v))


def _quote(text: str, limit: int = 34) -> str:
    text = " ".join(text.split())
    return "„" + (text if len(text) <= limit else text[:limit - 1] + "…") + "“"


def _links(marks: Iterable[Mark], source: str) -> str:
    """One line per span: the quoted text (a link to the span) and the rule that read it."""
    return "".join(f'<div><a href="#{m.id}">{_e(_quote(source[m.start:m.end]))}</a>'
                   f'<span class="rule">{_e(m.note)}</span></div>' for m in marks)


def _fields_panel(review: Review, marks: Sequence[Mark]) -> str:
    from .model import FACT_FIELDS

    rows = []
    for name in (*FACT_FIELDS, "sentiment", "language"):
        linked = [m for m in marks if m.kind == "fact" and m.label == name]
        rows.append(f'<tr><th>{name}</th><td>{_value(getattr(review, name))}'
                    f'<div class="links">{_links(linked, review.source_text)}</div></td></tr>')
    return f'<section><h2>Fields</h2><table>{"".join(rows)}</table></section>'


def _opinions_panel(marks: Sequence[Mark], source: str) -> str:
    items = []
    for kind, heading in (("pro", "Pros"), ("con", "Cons"), ("verdict", "Verdict")):
        mine = [m for m in marks if m.kind == kind]
        lis = "".join(f'<li><a href="#{m.id}">{_e(source[m.start:m.end])}</a></li>' for m in mine)
        items.append(f"<h2>{heading}</h2>" + (f"<ul>{lis}</ul>" if lis else
                                              '<p class="note">none found</p>'))
    return f'<section>{"".join(items)}</section>'


def jsonld_text(review: Review) -> str | None:
    """The JSON-LD `reviewextract.jsonld.to_jsonld` emits, or None when it is not available."""
    try:
        from .jsonld import to_jsonld
    except ImportError:
        return None
    data = to_jsonld(review)
    if isinstance(data, str):
        return data
    return json.dumps(data, ensure_ascii=False, indent=2)


def _jsonld_panel(review: Review) -> str:
    try:
        text = jsonld_text(review)
    except ValueError as exc:  # the page shows the evidence even when the export refuses
        body = f'<p class="note">JSON-LD export failed: {_e(exc)}</p>'
    else:
        body = (f"<pre>{_e(text)}</pre>" if text is not None else
                '<p class="note">JSON-LD export is not available in this installation.</p>')
    return f'<section id="jsonld"><h2>JSON-LD</h2>{body}</section>'


def _warnings_panel(review: Review) -> str:
    if not review.warnings:
        return '<section><h2>Warnings</h2><p class="note">none</p></section>'
    lis = "".join(f"<li><code>{_e(w.code)}</code>{' (' + _e(w.field) + ')' if w.field else ''}: "
                  f"{_e(w.message)}</li>" for w in review.warnings)
    return f'<section class="warn"><h2>Warnings</h2><ul>{lis}</ul></section>'


_LEGEND = ('<section class="legend"><h2>Legend</h2>'
           '<span><i class="key" style="background:#c8f0d0"></i>pro</span>'
           '<span><i class="key" style="background:#ffcec7"></i>con</span>'
           '<span><i class="key" style="background:#fff1b8;border:2px solid #d4a72c"></i>'
           'verdict</span><span><i class="key" style="border-bottom:3px solid #0969da"></i>'
           'fact (labelled)</span></section>')


def _page(title: str, subtitle: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{DEFAULT_LANGUAGE}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
            f"<header><h1>{_e(title)}</h1><p>{subtitle}</p></header>{body}</body></html>\n")


def render_review(review: Review, *, name: str = "review", back: str | None = None) -> str:
    """One review's evidence page. `back` is the address of an index page to link to."""
    marks = marks_of(review)
    source = review.source_text
    counts = {k: sum(m.kind == k for m in marks) for k in ("pro", "con", "verdict", "fact")}
    sub = (f"{_e(name)} · {len(source)} characters · {review.meta.source_format} input · "
           f"{counts['fact']} fact spans, {counts['pro']} pros, {counts['con']} cons, "
           f"{counts['verdict']} verdict")
    if back is not None:
        sub += f' · <a href="{_e(back)}">index</a>'
    panel = (_LEGEND + _fields_panel(review, marks) + _opinions_panel(marks, source)
             + _warnings_panel(review) + _jsonld_panel(review))
    body = (f'<div class="wrap"><main class="text" id="text">{highlight(source, marks)}</main>'
            f'<aside class="panel">{panel}</aside></div>')
    title = f"Evidence: {review.title}" if review.title else f"Evidence: {name}"
    return _page(title, sub, body)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One line of a batch: its id, the page written for it (None if it failed), and a summary."""

    id: str
    href: str | None
    review: Review | None = None
    error: str | None = None


def render_index(entries: Sequence[IndexEntry], *, source: str) -> str:
    """The index page of a batch, one row per review linking to its page."""
    rows = []
    for e in entries:
        if e.review is None or e.href is None:
            rows.append(f'<tr><td>{_e(e.id)}</td><td colspan="4" class="failed">failed: '
                        f"{_e(e.error)}</td></tr>")
            continue
        r = e.review
        rows.append(f'<tr><td><a href="{_e(e.href)}">{_e(e.id)}</a></td>'
                    f"<td>{_value(r.title)}</td><td>{_e(r.work_type.value)}</td>"
                    f"<td>{_value(r.year)}</td><td>{len(r.pros)} / {len(r.cons)} / "
                    f"{len(r.warnings)}</td></tr>")
    ok = sum(e.review is not None for e in entries)
    table = ('<table><tr><th>id</th><th>title</th><th>type</th><th>year</th>'
             f'<th>pros / cons / warnings</th></tr>{"".join(rows)}</table>')
    body = f'<div class="wrap index"><main class="text" style="white-space:normal">{table}</main>'
    return _page("Evidence index", f"{_e(source)} · {ok} of {len(entries)} reviews",
                 body + "</div>")


def slug(identifier: str) -> str:
    """A file-name-safe form of a review id."""
    s = re.sub(r"[^A-Za-z0-9_.-]+", "_", identifier).strip("._")
    return s[:60] or "review"
