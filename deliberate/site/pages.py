"""The minutes model -> the pages of the site, in zh and en (pure: text in, text out).

`community_pages(record, ...)` returns every page of one community as {relative path: text}:
its index of meetings, each meeting's minutes, a page per motion, a notice (公告) per
decision, the project ballot (when there are projects), the receipts (when ballots have
receipts) and the verification page. Each page exists as ``NAME.html`` (zh) and
``NAME.en.html`` (en) side by side, so the language switch is a sibling link and every link is
relative. Text typed by people is escaped (jinja2 autoescape) and motion and project texts
go through markdown-it-py with raw HTML and images disabled.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
from functools import lru_cache

from deliberate.i18n import catalog
from deliberate.i18n import t as translate
from deliberate.minutes import words
from deliberate.narrate import mmss

LANGS = ("zh", "en")
TEMPLATES = "deliberate._site_templates"
STATIC = ("style.css", "site.js")


def page_name(base: str, lang: str) -> str:
    return f"{base}.en.html" if lang == "en" else f"{base}.html"


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    folder = importlib.resources.files(TEMPLATES)
    return {entry.name: entry.read_text(encoding="utf-8") for entry in folder.iterdir()
            if entry.name.endswith((".html", ".css", ".js"))}


def templates_digest(code: bytes = b"") -> str:
    """What the pages depend on besides the record: the templates, and `code` (the bytes of the
    modules that lay pages out, which the writer reads: this module does no file I/O)."""
    digest = hashlib.sha256()
    for name, text in sorted(_sources().items()):
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    digest.update(code)
    digest.update(json.dumps(catalog(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _code_modules() -> tuple:
    from deliberate import narrate
    from deliberate.minutes import model

    return (__file__, words.__file__, model.__file__, narrate.__file__)


CODE_MODULES = _code_modules()   # with the writer's own: their bytes (and the catalog) are an input of every page


def static_files() -> dict[str, str]:
    return {name: _sources()[name] for name in STATIC}


_bytecode_cache = []   # set by the writer (it owns the disk): compiled templates kept between builds


def use_bytecode_cache(cache) -> None:
    """Compile each template once, not in every build: an incremental build renders a handful of
    pages, and parsing the templates would be most of its time. `cache`: a jinja2 BytecodeCache
    (keyed by the template's source, so an edited template is compiled afresh)."""
    _bytecode_cache[:] = [cache]
    environment.cache_clear()


@lru_cache(maxsize=1)
def environment():
    import jinja2

    sources = _sources()
    env = jinja2.Environment(loader=jinja2.DictLoader(sources), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True,
                             bytecode_cache=_bytecode_cache[0] if _bytecode_cache else None)
    return env


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(["image", "html_inline", "html_block"])


@lru_cache(maxsize=4096)
def _markdown_html(text: str) -> str:
    return _markdown().render(text)


def markdown(text: str):
    """Motion and project text as HTML (safe mode). The same text recurs on the meeting, motion
    and notice pages in both languages: it is rendered once."""
    from markupsafe import Markup

    return Markup(_markdown_html(str(text or "")))


def money(value) -> str:
    return f"{int(value or 0):,}"


class Context:
    """The helpers every template of one page sees, in its language."""

    def __init__(self, lang: str, root: str, base: str, common: dict):
        self.lang = lang
        self.values = dict(common)
        self.values.update(
            lang=lang, root=root, switch_href=page_name(base, "zh" if lang == "en" else "en"),
            t=self.t, r=self.r, say=self.say, when=words.when, md=markdown, mmss=mmss, money=money,
            page=lambda name: page_name(name, lang), names=lambda items: words.names(items, lang),
            status=lambda code: words.status_word(code, lang),
            vote=lambda v: words.vote_sentence(common.get("m"), v, lang),
            ruling=lambda ru: words.ruling_text(ru, lang),
        )

    def t(self, key: str, **params) -> str:
        return translate(key, self.lang, **params)

    def r(self, value) -> str:
        return words.rendered(value, self.lang)

    def say(self, line) -> str:
        return words.say(line, self.lang)


def render(template: str, lang: str, root: str, base: str, **values) -> str:
    context = Context(lang, root, base, values)
    return environment().get_template(template).render(**context.values)


@lru_cache(maxsize=256)
def qr_svg(text: str) -> str:
    """The QR code of `text` as inline SVG. Every notice of a community points to the same
    address, and choosing the best mask is most of a build's time: each is made once."""
    import segno
    from markupsafe import Markup

    svg = segno.make(text, error="m").svg_inline(scale=4, border=2, title=None)
    return Markup(svg)


def bars_svg(rows: list[tuple[str, int, bool]], lang: str) -> str:
    """A horizontal bar chart (inline SVG): one bar per (label, value, selected)."""
    from markupsafe import Markup, escape

    width, label_w, bar_h, gap = 640, 220, 22, 8
    top = max([value for _, value, _ in rows] + [1])
    height = len(rows) * (bar_h + gap) + gap
    title = translate("site.projects.chart", lang)
    out = [f'<svg class="bars" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
           f'width="100%" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value, selected) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = (width - label_w - 90) * value // top
        colour = "#1d6b2a" if selected else "#7a8a99"
        out.append(f'<text x="0" y="{y + 16}">{escape(label[:18])}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{colour}"></rect>'
                   f'<text x="{label_w + w + 6}" y="{y + 16}">{money(value)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _project_rows(record, poll, lang: str) -> list[dict]:
    selected = set(poll["selected"]) if poll else set()
    rows = []
    for project in record.projects:
        name = project.name_en if lang == "en" and project.name_en else project.name
        if project.withdrawn:
            mark = translate("site.projects.withdrawn", lang)
        elif poll:
            mark = translate("site.projects.yes" if project.id in selected else "site.projects.no", lang)
        else:
            mark = "-"
        rows.append({"id": project.id, "name": name, "category": project.category, "cost": project.cost,
                     "votes": (poll["votes"].get(project.id, 0) if poll else 0), "selected": mark,
                     "chosen": project.id in selected, "withdrawn": project.withdrawn})
    return rows


def rule_sentence(rule: str, lang: str) -> str:
    key = "site.projects.rule.greedy" if "greedy" in rule else "site.projects.rule.mes" if (
        "mes" in rule or "equal" in rule) else "site.projects.rule.other"
    return translate(key, lang)


def community_pages(record, *, root: str = "", district: bool = False, base_url: str = "", prefix: str = "",
                    receipts: dict | None = None, previous: dict | None = None,
                    keys: dict | None = None) -> dict[str, str]:
    """Every page of one community: {path relative to the community's folder: text}.

    `root` leads from the community's folder to the site's (where style.css is); `prefix` is
    the community's folder in the site (for the QR code's address, with `base_url`);
    `receipts` maps each receipt to its inclusion proof (from the writer, which reads the tree).

    A new meeting should not make a community's 100 older pages be laid out again: each
    meeting, motion and notice page gets a key, the SHA-256 of everything it shows (`keys`
    receives them); a page whose key is the one in `previous` is left out of the result (the
    writer keeps the file it wrote from the same key). The key is the `repr` of the minutes
    model the page shows (its meeting with every event, the motions it names, the community's
    name, key fingerprint and links), so a page is skipped only when its data is the same.
    """
    pages: dict[str, str] = {}
    previous = previous or {}
    shown: dict[int, str] = {}     # id(meeting) -> its repr, made once for all its pages

    def meeting_repr(m) -> str:
        if id(m) not in shown:
            amendments = [repr(record.motions.get(aid)) for mo in m.motions for aid in mo.amendments]
            shown[id(m)] = repr((m, amendments))
        return shown[id(m)]
    checkpoint = record.latest_checkpoint
    verify_address = (base_url.rstrip("/") + "/" + prefix + "verify.html") if base_url else ""
    qr_text = verify_address or f"deliberate verify --key \"{record.fingerprint}\""
    has_projects = bool(record.projects) or record.budget is not None
    for lang in LANGS:
        nav = [(page_name("index", lang), translate("site.minutes", lang))]
        if has_projects:
            nav.append((page_name("projects", lang), translate("site.projects.title", lang)))
        if record.receipts:
            nav.append((page_name("receipts", lang), translate("site.receipts.title", lang)))
        nav.append((page_name("verify", lang), translate("site.verify.title", lang)))
        common = dict(record=record, site_title=record.name, fingerprint=record.fingerprint, nav=nav,
                      home_href=page_name("index", lang),
                      district_href=(root + page_name("index", lang)) if district else "")

        shared = repr((record.name, record.fingerprint, nav, common["home_href"], common["district_href"], root,
                       qr_text))

        def add(base: str, template: str, kind: str, title: str, deps=None, **values):
            path = page_name(base, lang)
            if deps is not None:
                key = hashlib.sha256(repr((template, lang, kind, title, shared, deps)).encode("utf-8")).hexdigest()
                if keys is not None:
                    keys[path] = key
                if previous.get(path) == key:
                    return
            pages[path] = render(template, lang, root, base, kind=kind, title=title, **common, **values)

        add("index", "index.html", "index", translate("site.minutes", lang),
            meetings=list(reversed(record.meetings)))
        for m in record.meetings:
            add(f"meeting-{m.number}", "meeting.html", "meeting",
                translate("site.meeting_heading", lang, number=m.number, title=m.title), meeting_repr(m), m=m,
                quorum_lost=words.quorum_lost(m), closing=words.closing_text(m, lang),
                verification=words.verification_lines(record, m, lang))
            for mo in m.motions:
                notices = [v for v in mo.votes if v.decision]
                add(f"motion-{mo.id}", "motion.html", "motion",
                    translate("minutes.motion", lang, id=mo.id, kind=words.rendered(mo.kind_words, lang)),
                    (meeting_repr(m), repr(mo)), mo=mo, m=m, notices=notices)
            for v in m.decisions:
                mo = record.motions.get(v.question)
                from deliberate.narrate import _word

                add(f"notice-{v.question}", "notice.html", "notice", translate("site.notice.heading", lang),
                    (meeting_repr(m), repr(mo), repr(v)), m=m, v=v, text=(mo.final_text if mo else v.text), qr=qr_svg(qr_text), qr_text=qr_text,
                    req=words.rendered(_word("motions.req", v.requirement), lang),
                    base_word=words.rendered(_word("motions.base", v.base), lang))
        if has_projects:
            poll = record.polls[-1] if record.polls else None
            rows = _project_rows(record, poll, lang)
            chart = bars_svg([(row["name"], row["votes"] if poll else row["cost"], row["chosen"])
                              for row in rows if not row["withdrawn"]], lang)
            add("projects", "projects.html", "projects", translate("site.projects.title", lang), rows=rows,
                poll=poll, chart=chart, rule_sentence=rule_sentence(poll["rule"], lang) if poll else "")
        if record.receipts:
            items = [{"receipt": item["receipt"], "seq": item["seq"], "text": words.say(item["line"], lang)}
                     for item in record.receipts]
            # the root the box checks against is the one the page shows (#checkpoint-root), not a copy
            data = {"size": checkpoint["size"] if checkpoint else 0, "items": receipts or {}}
            box_words = {k: translate(f"site.receipts.{k}", lang, event="{event}", size="{size}")
                         for k in ("found", "broken", "missing")}
            add("receipts", "receipts.html", "receipts", translate("site.receipts.title", lang), receipts=items,
                checkpoint=checkpoint, data=_script_json(data), words=_script_json(box_words))
        add("verify", "verify.html", "verify", translate("site.verify.title", lang), checkpoint=checkpoint)
    return pages


def _script_json(value) -> str:
    """JSON safe inside a <script> element (no '<', '>' or '&' as such)."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def district_pages(summaries: list[dict]) -> dict[str, str]:
    """The district's index: its communities, meetings per month, projects funded and money spent."""
    pages = {}
    months: dict[str, int] = {}
    for summary in summaries:
        for month, count in summary["months"].items():
            months[month] = months.get(month, 0) + count
    for lang in LANGS:
        communities = [{**s, "href": s["folder"] + page_name("index", lang)} for s in summaries]
        title = translate("site.district.title", lang)
        pages[page_name("index", lang)] = render(
            "district.html", lang, "", "index", kind="district", title=title, site_title=title, fingerprint="",
            nav=[], home_href="", district_href="", communities=communities,
            total_meetings=sum(s["meetings"] for s in summaries), total_funded=sum(s["funded"] for s in summaries),
            total_spent=sum(s["spent"] for s in summaries), months=sorted(months.items(), reverse=True))
    return pages


def summary(record, folder: str) -> dict:
    """What the district index shows of one community (kept in the build manifest)."""
    months: dict[str, int] = {}
    for m in record.meetings:
        months[m.opened_at[:7]] = months.get(m.opened_at[:7], 0) + 1
    poll = record.polls[-1] if record.polls else None
    return {"name": record.name, "folder": folder, "meetings": len(record.meetings),
            "latest": record.meetings[-1].opened_at[:10] if record.meetings else "",
            "months": months, "funded": len(poll["selected"]) if poll else 0, "spent": poll["spent"] if poll else 0,
            "fingerprint": record.fingerprint}
