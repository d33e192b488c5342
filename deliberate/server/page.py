"""The phone page: zh and en, large touch targets, plain form posts, no external asset (pure text).

Every text typed by the host (the question, project names) is escaped here; the JSON API
returns them as typed. A few lines of inline script add the running total against the
budget; without JavaScript the page works the same, by form posts.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from deliberate.i18n import t

STYLE = """
body{font-family:sans-serif;margin:0;padding:12px;font-size:20px;line-height:1.4;max-width:640px;margin:auto}
h1{font-size:24px} .q{font-size:22px;font-weight:bold;margin:12px 0}
input[type=text]{font-size:22px;padding:12px;width:100%;box-sizing:border-box;font-family:monospace;
 text-transform:uppercase}
label.opt{display:block;border:2px solid #555;border-radius:8px;padding:16px;margin:10px 0;min-height:48px}
label.opt input{transform:scale(1.8);margin-right:16px}
button,.button{display:block;width:100%;font-size:22px;padding:16px;margin:12px 0;border-radius:8px;
 border:2px solid #333;background:#1a5fb4;color:#fff;text-align:center;text-decoration:none;box-sizing:border-box}
.button.plain{background:#eee;color:#000}
.total{position:sticky;bottom:0;background:#ffd;padding:10px;border:2px solid #aa0;font-weight:bold}
.total.over{background:#fdd;border-color:#a00}
.receipt{font-family:monospace;font-size:30px;font-weight:bold;letter-spacing:2px;margin:16px 0}
.warn{background:#fee;border:2px solid #c00;padding:10px;font-weight:bold}
.err{background:#fee;border:2px solid #c00;padding:12px}
.lang{float:right;font-size:18px}
"""

SCRIPT = """
(function(){var f=document.getElementById('ballot');if(!f)return;var b=+f.getAttribute('data-budget');
var out=document.getElementById('total');var box=document.getElementById('totalbox');
function upd(){var s=0,n=0;var c=f.querySelectorAll('input[name=projects]');for(var i=0;i<c.length;i++){
if(c[i].checked){s+=+c[i].getAttribute('data-cost');n++;}}out.textContent=s+' / '+b;
box.className=(b&&s>b&&f.getAttribute('data-knapsack')==='1')?'total over':'total';}
f.addEventListener('change',upd);upd();})();
"""


def lang_of(query_lang: str | None, accept: str | None) -> str:
    if query_lang in ("zh", "en"):
        return query_lang
    for part in (accept or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "zh"


def _doc(lang: str, body: str, switch: dict | None = None) -> str:
    other = "en" if lang == "zh" else "zh"
    link = f"/?{urlencode({**(switch or {}), 'lang': other})}"
    return (f"<!doctype html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"<title>{escape(t('page.title', lang))}</title><style>{STYLE}</style></head><body>"
            f"<a class='lang' id='lang' href='{escape(link)}'>{escape(t('page.other_lang', lang))}</a>"
            f"<h1>{escape(t('page.title', lang))}</h1>{body}</body></html>")


def _name(project: dict, lang: str) -> str:
    return (project["name_en"] or project["name"]) if lang == "en" else project["name"]


def ballot_page(poll: dict | None, lang: str, code: str = "", chosen=(), choice: str | None = None) -> str:
    if poll is None or not poll["open"]:
        return _doc(lang, f"<p class='err'>{escape(t('page.closed', lang))}</p>")
    rows = [f"<form id='ballot' method='post' action='/ballot' data-budget='{poll['budget'] or 0}' "
            f"data-knapsack='{1 if poll.get('knapsack') else 0}'>",
            f"<input type='hidden' name='lang' value='{lang}'>",
            f"<label>{escape(t('page.code', lang))}<input type='text' name='code' id='code' autocomplete='off' "
            f"autocapitalize='characters' spellcheck='false' value='{escape(code)}' required></label>"]
    if poll["kind"] == "motion":
        rows.append(f"<div class='q'>{escape(t('page.question', lang))}: {escape(poll['question_text'] or '')}</div>")
        for c in ("yes", "no", "abstain"):
            on = " checked" if c == choice else ""
            rows.append(f"<label class='opt'><input type='radio' name='choice' value='{c}' required{on}>"
                        f"{escape(t('poll.choice.' + c, lang))}</label>")
    else:
        terms = [t("page.budget", lang, budget=poll["budget"])]
        if poll.get("max"):
            terms.append(t("page.max", lang, max=poll["max"]))
        if poll.get("min_spend"):
            terms.append(t("page.min_spend", lang, min=poll["min_spend"]))
        rows.append(f"<div class='q'>{escape(t('page.projects', lang))}</div><p>{escape(' · '.join(terms))}</p>")
        for p in poll["projects"]:
            on = " checked" if p["id"] in chosen else ""
            rows.append(f"<label class='opt'><input type='checkbox' name='projects' value='{escape(p['id'])}' "
                        f"data-cost='{int(p['cost'])}'{on}>{escape(_name(p, lang))} — {int(p['cost'])} "
                        f"{escape(t('page.yuan', lang))}</label>")
        rows.append(f"<div class='total' id='totalbox'>{escape(t('page.total', lang))}: "
                    f"<span id='total'>–</span> {escape(t('page.yuan', lang))}</div>")
    rows.append(f"<button type='submit' id='next'>{escape(t('page.next', lang))}</button></form>")
    rows.append(f"<script>{SCRIPT}</script>")
    return _doc(lang, "".join(rows), {"code": code} if code else None)


def confirm_page(poll: dict, lang: str, code: str, choice: str | None, projects: list[str]) -> str:
    names = {p["id"]: p for p in poll["projects"]}
    if poll["kind"] == "motion":
        shown = escape(t(f"poll.choice.{choice}", lang)) if choice in ("yes", "no", "abstain") else escape(choice or "")
        hidden = f"<input type='hidden' name='choice' value='{escape(choice or '')}'>"
    else:
        items = [f"<li>{escape(_name(names[p], lang)) if p in names else escape(p)}"
                 f"{' — ' + str(names[p]['cost']) + ' ' + escape(t('page.yuan', lang)) if p in names else ''}</li>"
                 for p in projects]
        total = sum(names[p]["cost"] for p in projects if p in names)
        shown = (f"<ul>{''.join(items)}</ul><p>{escape(t('page.total', lang))}: {total} "
                 f"{escape(t('page.yuan', lang))}</p>") if items else escape(t("page.no_projects", lang))
        hidden = "".join(f"<input type='hidden' name='projects' value='{escape(p)}'>" for p in projects)
    back = "/?" + urlencode({"code": code, "lang": lang})
    body = (f"<h2>{escape(t('page.confirm_title', lang))}</h2><div class='q'>{shown}</div>"
            f"<form method='post' action='/ballot'><input type='hidden' name='lang' value='{lang}'>"
            f"<input type='hidden' name='code' value='{escape(code)}'>{hidden}"
            f"<input type='hidden' name='confirm' value='1'>"
            f"<button type='submit' id='confirm'>{escape(t('page.confirm', lang))}</button></form>"
            f"<a class='button plain' id='back' href='{escape(back)}'>{escape(t('page.back', lang))}</a>")
    return _doc(lang, body)


def receipt_page(lang: str, receipt: str) -> str:
    body = (f"<h2 id='thanks'>{escape(t('page.thanks', lang))}</h2><p>{escape(t('page.receipt', lang))}:</p>"
            f"<div class='receipt' id='receipt'>{escape(receipt)}</div>"
            f"<p class='warn'>{escape(t('slip.warning', lang))}</p>"
            f"<p>{escape(t('page.check', lang))} <code>/api/receipt/{escape(receipt)}</code></p>")
    return _doc(lang, body)


def refusal_page(lang: str, message: str, hint: str, code: str = "") -> str:
    back = "/?" + urlencode({"code": code, "lang": lang} if code else {"lang": lang})
    body = (f"<h2>{escape(t('page.refused', lang))}</h2><p class='err' id='refusal'>{escape(message)}</p>"
            + (f"<p>{escape(hint)}</p>" if hint else "")
            + f"<a class='button plain' href='{escape(back)}'>{escape(t('page.back', lang))}</a>")
    return _doc(lang, body)
