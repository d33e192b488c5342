"""The motions as the host reads them: what was just recorded, and the stack in `state`."""

from __future__ import annotations


def _name(session, row: dict) -> str:
    return row["name_zh"] if session.lang == "zh" else row["name_en"]


def describe_events(session, app, stored) -> str:
    """One line per recorded event, then the question now before the meeting.

    Each event is worded against the state just before it (`App.words`, from deliberate.narrate),
    as `deliberate log` words it.
    """
    if not stored:
        return ""
    t = session.t
    lines = [t(key, **params) for key, params in app.words]
    state, rules = app.state, app.rules
    m = state.motions
    top = m.items[m.stack[-1]] if m is not None and m.stack else None
    if top is not None and not top.stated:
        lines.append(t("narrate.cue.second"))
    if m is not None and m.appealable and any(e.type == "ruling_made" for e in stored):
        lines.append(t("narrate.cue.appeal"))
    if state.in_session() and (top is None or top.stated):
        lines.append(pending_line(session, state, rules))
    return "\n".join(lines)


def pending_line(session, state, rules) -> str:
    from deliberate.question import pending_question

    question = pending_question(state)
    if question is None:
        return session.t("motions.ev.none_pending")
    from deliberate.motions.stack import chart_of, statement

    motion = state.motions.items[question.id]
    return session.t("motions.ev.pending", id=question.id,
                     name=chart_of(rules)[motion.kind].name(session.lang),
                     text=statement(motion, chart_of(rules), session.lang))


def brief(session, data: dict) -> list[str]:
    """The motions in the console's short status: the vote under way, else the immediately pending
    question, else that nothing is pending."""
    part = data.get("motions")
    if not part:
        return []
    if part.get("vote"):
        return [_vote_line(session, part["vote"])]
    pending = next((row for row in part["stack"] if row["id"] == part["immediately_pending"]), None)
    return [_row_line(session, part, pending).strip() if pending else session.t("motions.view.none")]


def _row_line(session, part: dict, row: dict) -> str:
    mark = "▶" if row["id"] == part["immediately_pending"] else " "
    state_word = "" if row["stated"] else session.t("motions.view.awaiting")
    colon = "：" if session.lang == "zh" else ": "
    return f"  {mark} {row['id']} {_name(session, row)}{colon}{row['statement_' + session.lang]}{state_word}"


def _vote_line(session, vote: dict) -> str:
    t = session.t
    counts, method = vote["counts"], t(f"motions.method.{vote['method']}")
    if counts:
        return t("motions.view.vote", id=vote["question"], method=method, yes=counts.get("yes", 0),
                 no=counts.get("no", 0), abstain=counts.get("abstain", 0), roll=len(vote["roll"]))
    key = "motions.view.vote.roll" if vote["roll"] else "motions.view.vote.uncounted"  # not counted yet
    return t(key, id=vote["question"], method=method, roll=len(vote["roll"]))


def render(session, data: dict) -> str:
    part = data.get("motions")
    if not part:
        return ""
    t = session.t
    lang = session.lang
    lines = []
    if part["stack"]:
        lines.append(t("motions.view.stack"))
        for row in reversed(part["stack"]):
            lines.append(_row_line(session, part, row))
            if row.get("text_if_adopted"):
                lines.append("      " + t("motions.view.if_adopted", text=row["text_if_adopted"]))
    else:
        lines.append(t("motions.view.none"))
    if part.get("vote"):
        lines.append(_vote_line(session, part["vote"]))
    if part["in_order"]:
        names = []
        for row in part["in_order"]:
            label = _name(session, row) + (f"({row['target']})" if row.get("target") else "")
            if row["who"] == "maker":
                label += t("motions.view.by_maker", names=session.join(row["members"]))
            elif row["who"] == "prevailing_side":
                label += t("motions.view.by_side", side=t("motions.choice." + row["side"]))
            names.append(label)
        lines.append(t("motions.view.in_order", names=session.join(dict.fromkeys(names))))
        excluded = next((row["except"] for row in part["in_order"] if row["who"] == "any_member"), [])
        if excluded:
            lines.append(t("motions.view.not_chair", names=session.join(excluded)))
    if part["results"]:
        last = part["results"][-1]
        lines.append(t("motions.view.last_result", id=last["question"], outcome=t(f"motions.outcome.{last['outcome']}"),
                       yes=last["yes"], no=last["no"], abstain=last["abstain"]))
    return "\n".join(lines)
