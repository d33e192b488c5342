"""The motions as the host reads them: what was just recorded, and the stack in `state`."""

from __future__ import annotations


def _name(session, row: dict) -> str:
    return row["name_zh"] if session.lang == "zh" else row["name_en"]


def _member(state, member_id) -> str:
    from deliberate.state import member_name

    return member_name(state, member_id) or "-"


def describe_events(session, state, rules, stored) -> str:
    """One line per recorded event, then the question now before the meeting."""
    from deliberate.motions.stack import chart_of, statement

    t = session.t
    chart = chart_of(rules)
    m = state.motions
    lines = []
    for event in stored:
        p = event.payload
        kind = event.type
        if kind == "motion_made":
            motion = m.items[p["id"]]
            spec = chart[motion.kind]
            key = "motions.ev.made_second" if spec.second and p.get("pending") else "motions.ev.made"
            lines.append(t(key, id=motion.id, name=spec.name(session.lang), maker=_member(state, motion.maker),
                           text=statement(motion, chart, session.lang)))
        elif kind == "motion_seconded":
            lines.append(t("motions.ev.seconded", id=p["id"], name=_member(state, p["seconder"])))
        elif kind == "question_stated":
            motion = m.items[p["id"]]
            lines.append(t("motions.ev.stated", id=p["id"], text=statement(motion, chart, session.lang)))
        elif kind == "motion_disposed":
            lines.append(t(f"motions.ev.{p['status']}", id=p["id"]))
        elif kind == "vote_opened":
            lines.append(t("motions.ev.vote_opened", id=p["question"], method=t(f"motions.method.{p['method']}")))
        elif kind in ("votes_counted", "vote_tallied"):
            lines.append(t("motions.ev.counted", **{k: p[k] for k in ("yes", "no", "abstain")}))
        elif kind == "roll_call_recorded":
            lines.append(t("motions.ev.roll", votes="、".join(
                f"{_member(state, k)} {t('motions.choice.' + v)}" for k, v in p["votes"].items())))
        elif kind == "vote_retaken":
            lines.append(t("motions.ev.retaken", id=p["question"]))
        elif kind == "vote_closed":
            lines.append(result_line(session, p))
            if p.get("text_after"):
                lines.append(t("motions.ev.text_after", text=p["text_after"]))
        elif kind == "ruling_made":
            lines.append(t("motions.ev.ruling", id=p["id"], text=p["text"],
                           decision=t(f"motions.decision.{p['decision']}")))
            for removed in p.get("removed") or []:
                lines.append(t("motions.ev.out_of_order", id=removed))
        elif kind == "meeting_closed":
            lines.append(t("motions.ev.adjourned"))
    top = state.motions.items[state.motions.stack[-1]] if state.motions.stack else None
    if state.in_session() and (top is None or top.stated):
        lines.append(pending_line(session, state, rules))
    return "\n".join(lines)


def result_line(session, p: dict) -> str:
    t = session.t
    return t("motions.ev.result", id=p["question"], yes=p["yes"], no=p["no"], abstain=p["abstain"],
             requirement=t(f"motions.req.{p['requirement']}"), base=t(f"motions.base.{p['base']}"),
             base_count=p["base_count"], needed=p["needed"], outcome=t(f"motions.outcome.{p['outcome']}"),
             present=p["quorum"]["present"], required=p["quorum"]["required"]) + (
        t("motions.ev.chair_voted", choice=t("motions.choice." + p["chair_vote"])) if p.get("chair_vote") else "")


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


def render(session, data: dict) -> str:
    part = data.get("motions")
    if not part:
        return ""
    t = session.t
    lang = session.lang
    lines = []
    if part["stack"]:
        lines.append(t("motions.view.stack"))
        for depth, row in enumerate(reversed(part["stack"])):
            mark = "▶" if row["id"] == part["immediately_pending"] else " "
            state_word = "" if row["stated"] else t("motions.view.awaiting")
            lines.append(f"  {mark} {row['id']} {_name(session, row)}：{row['statement_' + lang]}{state_word}"
                         if lang == "zh" else
                         f"  {mark} {row['id']} {_name(session, row)}: {row['statement_' + lang]}{state_word}")
            if row.get("text_if_adopted"):
                lines.append("      " + t("motions.view.if_adopted", text=row["text_if_adopted"]))
    else:
        lines.append(t("motions.view.none"))
    vote = part.get("vote")
    if vote:
        counts = vote["counts"] or {}
        lines.append(t("motions.view.vote", id=vote["question"], method=t(f"motions.method.{vote['method']}"),
                       yes=counts.get("yes", "-"), no=counts.get("no", "-"), abstain=counts.get("abstain", "-"),
                       roll=len(vote["roll"])))
    if part["in_order"]:
        names = []
        for row in part["in_order"]:
            label = _name(session, row) + (f"({row['target']})" if row.get("target") else "")
            if row["who"] == "maker":
                label += t("motions.view.by_maker", names="、".join(row["members"]))
            elif row["who"] == "prevailing_side":
                label += t("motions.view.by_side", side=t("motions.choice." + row["side"]))
            names.append(label)
        lines.append(t("motions.view.in_order", names="、".join(dict.fromkeys(names))))
        excluded = next((row["except"] for row in part["in_order"] if row["who"] == "any_member"), [])
        if excluded:
            lines.append(t("motions.view.not_chair", names="、".join(excluded)))
    if part["results"]:
        last = part["results"][-1]
        lines.append(t("motions.view.last_result", id=last["question"], outcome=t(f"motions.outcome.{last['outcome']}"),
                       yes=last["yes"], no=last["no"], abstain=last["abstain"]))
    return "\n".join(lines)
