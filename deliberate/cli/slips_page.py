"""The printed slips (one code each, to cut and hand out from a hat) and paper ballots, as one A4 HTML page.

Self-contained: the QR codes are inline SVG (segno), no font or file is fetched. Both
languages on every slip; texts typed by the host are escaped.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from deliberate.i18n import t

STYLE = """
@page { size: A4; margin: 10mm; }
body { font-family: sans-serif; margin: 0; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
.slip { border: 1px dashed #888; padding: 4mm; height: 52mm; box-sizing: border-box; display: flex; gap: 3mm;
        page-break-inside: avoid; break-inside: avoid; }
.slip svg { width: 34mm; height: 34mm; flex: none; }
.code { font-family: monospace; font-size: 13pt; font-weight: bold; letter-spacing: 0.5px; margin: 1mm 0; }
.small { font-size: 7.5pt; line-height: 1.25; margin: 0.5mm 0; }
.warn { font-size: 7.5pt; font-weight: bold; margin: 0.5mm 0; }
.paper { border: 1px solid #000; padding: 8mm; margin-bottom: 6mm; page-break-after: always; }
.paper .code { font-size: 16pt; }
.box { display: inline-block; width: 6mm; height: 6mm; border: 1.5px solid #000; margin-right: 3mm;
       vertical-align: middle; }
.row { font-size: 12pt; margin: 3mm 0; }
"""


def _both(key: str, **params) -> str:
    return f"{escape(t(key, 'zh', **params))} / {escape(t(key, 'en', **params))}"


def _qr(url: str) -> str:
    import segno

    return segno.make_qr(url, error="m").svg_inline(scale=1, border=2, omitsize=False)


def phone_url(base: str, code: str) -> str:
    return f"{base.rstrip('/')}/?code={quote(code)}"


def _question(state, poll) -> str:
    if poll.kind == "motion":
        motion = state.motions.items.get(poll.question) if state.motions is not None else None
        return f"{escape(poll.question or '')} {escape(motion.text if motion else '')}"
    return _both("page.projects")


def render(state, poll, codes, base_url: str, lang: str, paper: bool = False) -> str:
    title = f"{escape(state.community or '')} · {poll.id}"
    parts = [f"<!doctype html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head><meta charset='utf-8'>",
             f"<title>{title}</title><style>{STYLE}</style></head><body>"]
    if paper:
        parts += [_paper(state, poll, code) for code in codes]
    else:
        parts.append("<div class='sheet'>")
        for code in codes:
            url = phone_url(base_url, code)
            parts.append(
                f"<div class='slip'>{_qr(url)}<div><div class='small'>{title} · {_both('slip.title')}</div>"
                f"<div class='code'>{escape(code)}</div><div class='small'>{escape(url)}</div>"
                f"<div class='small'>{_both('slip.how')}</div><div class='small'>{_both('slip.once')}</div>"
                f"<div class='warn'>{escape(t('slip.warning', 'zh'))}<br>{escape(t('slip.warning', 'en'))}</div>"
                f"</div></div>")
        parts.append("</div>")
    parts.append("</body></html>")
    return "".join(parts)


def _paper(state, poll, code: str) -> str:
    rows = []
    if poll.kind == "motion":
        rows.append(f"<p>{_both('paper.tick_motion')}</p>")
        for choice in ("yes", "no", "abstain"):
            rows.append(f"<div class='row'><span class='box'></span>{_both('poll.choice.' + choice)}</div>")
    else:
        rows.append(f"<p>{_both('paper.tick_projects')} · {_both('page.budget', budget=poll.budget)}"
                    + (f" · {_both('page.max', max=poll.max)}" if poll.max else "")
                    + (f" · {_both('page.min_spend', min=poll.min_spend)}" if poll.min_spend else "") + "</p>")
        for pid in poll.projects:
            p = state.ballots.projects[pid]
            rows.append(f"<div class='row'><span class='box'></span>{escape(pid)} {escape(p.name)}"
                        f"{' / ' + escape(p.name_en) if p.name_en else ''} — {p.cost} {_both('page.yuan')}</div>")
    return (f"<div class='paper'><h2>{escape(state.community or '')} · {poll.id} · {_both('paper.title')}</h2>"
            f"<p>{_question(state, poll)}</p>{''.join(rows)}<div class='code'>{escape(code)}</div>"
            f"<div class='warn'>{escape(t('slip.warning', 'zh'))}<br>{escape(t('slip.warning', 'en'))}</div></div>")
