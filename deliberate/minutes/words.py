"""The minutes model in words: Markdown minutes, and the data of `meeting list`, `decisions`,
`speakers` (names, never ids). Every sentence comes from the catalog or from `narrate`. Pure."""

from __future__ import annotations

from deliberate.i18n import t
from deliberate.minutes.model import CommunityRecord, MeetingMinutes, MotionRecord, Vote
from deliberate.narrate import mmss


def when(at: str | None) -> str:
    """An ISO time as people write it: 2026-11-20 19:06."""
    if not at:
        return "-"
    return f"{at[:10]} {at[11:16]}".strip()


def say(line, lang: str) -> str:
    """A narrated line (key, params) in `lang`."""
    return t(line.key, lang, **line.params)


def status_word(status: str, lang: str) -> str:
    key = f"minutes.status.{status}"
    text = t(key, lang)
    return status if text == key else text


def names(items: list, lang: str) -> str:
    if not items:
        return t("minutes.none", lang)
    return ("、" if lang == "zh" else ", ").join(items)


def rendered(value, lang: str) -> str:
    render = getattr(value, "render", None)
    return render(lang) if callable(render) else str(value)


def vote_sentence(meeting: MeetingMinutes | None, vote: Vote, lang: str, lines_by_seq: dict | None = None) -> str:
    """The vote as `narrate` words it (counts against threshold and base, quorum)."""
    line = (lines_by_seq or {}).get(vote.seq)
    if line is None and meeting is not None:
        line = next((entry for entry in meeting.lines if entry.seq == vote.seq), None)
    text = say(line, lang) if line is not None else ""
    return t("minutes.vote_line", lang, at=when(vote.at), method=rendered(_method(vote.method), lang), text=text)


def _method(method: str):
    from deliberate.i18n import Localized, catalog

    key = f"motions.method.{method}"
    return Localized(key) if key in catalog() else method


def quorum_lost(meeting: MeetingMinutes) -> bool:
    return not meeting.motions and meeting.quorum_required > len(meeting.present)


# -- Markdown ---------------------------------------------------------------------------------------


def md_escape(text: str) -> str:
    """Text typed by people, safe inside Markdown (no markup, no HTML)."""
    out = []
    for ch in str(text):
        out.append("\\" + ch if ch in "\\`*_[]<>|" else ch)
    return "".join(out)


def minutes_markdown(record: CommunityRecord, meeting: MeetingMinutes, lang: str) -> str:
    e = md_escape
    out = [f"# {e(t('minutes.title', lang, community=record.name, number=meeting.number, title=meeting.title))}", ""]
    head = [t("minutes.when", lang, opened=when(meeting.opened_at), closed=when(meeting.closed_at))
            if meeting.closed_at else t("minutes.when.open", lang, opened=when(meeting.opened_at))]
    if meeting.paper:
        head.append(t("minutes.paper", lang))
    if meeting.place:
        head.append(t("minutes.place", lang, place=meeting.place))
    head.append(t("minutes.officers", lang, chair=meeting.chair, secretary=meeting.secretary) if meeting.secretary
                else t("minutes.officers.chair", lang, chair=meeting.chair))
    head.append(t("minutes.attendance", lang, present=len(meeting.present), roster=len(meeting.roster),
                  names=names(meeting.present, lang)))
    head.append(t("minutes.absent", lang, names=names(meeting.absent, lang)))
    if meeting.departed:
        head.append(t("minutes.departed", lang, names=names(meeting.departed, lang)))
    out += [f"- {e(line)}" for line in head] + [""]
    if meeting.agenda:
        out += [f"## {t('minutes.agenda', lang)}", ""]
        out += ["- " + e(f"{when(line.at)} {say(line, lang)}") for line in meeting.agenda] + [""]
    out += [f"## {t('minutes.business', lang)}", ""]
    if quorum_lost(meeting):
        out += [e(t("minutes.quorum_lost", lang, present=len(meeting.present), required=meeting.quorum_required)), ""]
    elif not meeting.motions:
        out += [e(t("minutes.no_motions", lang)), ""]
    lines_by_seq = {line.seq: line for line in meeting.lines}
    for motion in meeting.motions:
        out += motion_markdown(record, meeting, motion, lang, lines_by_seq)
    if meeting.rulings:
        out += [f"## {t('minutes.rulings', lang)}", ""]
        for ruling in meeting.rulings:
            out.append("- " + e(ruling_text(ruling, lang)))
        out.append("")
    if meeting.calls_to_order:
        out += [f"## {t('minutes.order', lang)}", ""]
        out += ["- " + e(t("minutes.order_line", lang, at=when(at), name=name, reason=reason))
                for at, name, reason in meeting.calls_to_order] + [""]
    if meeting.ballots:
        out += [f"## {t('minutes.ballots', lang)}", ""]
        out += ["- " + e(f"{when(line.at)} {say(line, lang)}") for line in meeting.ballots] + [""]
    out += [f"## {t('minutes.closing', lang)}", "", e(closing_text(meeting, lang)), ""]
    out += [f"## {t('minutes.verification', lang)}", ""]
    out += ["- " + line.replace("<", "\\<") for line in verification_lines(record, meeting, lang)]
    out += ["", t("minutes.signature", lang), ""]
    return "\n".join(out)


def ruling_text(ruling, lang: str) -> str:
    from deliberate.narrate import _word

    text = t("minutes.ruling", lang, id=ruling.id, decision=rendered(_word("motions.decision", ruling.decision), lang),
             text=ruling.text)
    if ruling.appeal:
        outcome = status_word("reversed" if ruling.reversed else "sustained", lang)
        text += "；" if lang == "zh" else "; "
        text += t("minutes.appeal", lang, id=ruling.appeal, outcome=outcome)
    return text


def closing_text(meeting: MeetingMinutes, lang: str) -> str:
    if not meeting.closed_at:
        return t("minutes.not_closed", lang)
    if meeting.adjourned_by:
        return t("minutes.adjourned_by", lang, at=when(meeting.closed_at), motion=meeting.adjourned_by)
    return t("minutes.closed_at", lang, at=when(meeting.closed_at))


def verification_lines(record: CommunityRecord, meeting: MeetingMinutes | None, lang: str) -> list[str]:
    lines = [t("minutes.fingerprint", lang, fingerprint=record.fingerprint)]
    checkpoint = meeting.checkpoint if meeting is not None else record.latest_checkpoint
    if checkpoint:
        lines.append(t("minutes.checkpoint", lang, size=checkpoint["size"], root=checkpoint["root"][:16] + "…"))
    else:
        lines.append(t("minutes.no_checkpoint", lang))
    lines.append(t("minutes.how_to_verify", lang))
    return lines


def motion_markdown(record, meeting, motion: MotionRecord, lang: str, lines_by_seq: dict) -> list[str]:
    e = md_escape
    out = [f"### {e(t('minutes.motion', lang, id=motion.id, kind=rendered(motion.kind_words, lang)))}", ""]
    items = [t("minutes.moved", lang, maker=motion.maker, seconder=motion.seconder) if motion.seconder
             else t("minutes.moved.unseconded", lang, maker=motion.maker)]
    if motion.target:
        items.append(t("minutes.on", lang, target=motion.target))
    if motion.text:
        items.append(t("minutes.text_made", lang, text=rendered(motion.statement, lang) if motion.kind == "amend"
                       else motion.text))
    for amendment_id in motion.amendments:
        amendment = record.motions.get(amendment_id)
        if amendment is not None:
            items.append(t("minutes.amendments", lang, items=t(
                "minutes.amendment", lang, id=amendment.id, text=rendered(amendment.statement, lang),
                status=status_word(amendment.status, lang))))
    items.append(t("minutes.disposition", lang, status=status_word(motion.status, lang)))
    if motion.kind == "main_motion" and motion.final_text and motion.final_text != motion.text or (
            motion.kind == "main_motion" and motion.status == "adopted"):
        key = "minutes.text_adopted" if motion.status == "adopted" else "minutes.text_final"
        items.append(t(key, lang, text=motion.final_text))
    out += [f"- {e(item)}" for item in items] + [""]
    if motion.speeches:
        out += [f"{t('minutes.debate', lang)}{'：' if lang == 'zh' else ':'}", "",
                f"| {t('minutes.at', lang)} | {t('minutes.speaker', lang)} | {t('minutes.stance', lang)} | {t('minutes.duration', lang)} |",
                "|---|---|---|---|"]
        for speech in motion.speeches:
            out.append(f"| {when(speech.at)[11:]} | {e(speech.name)} | {t('floor.stance.' + speech.stance, lang)} | "
                       f"{mmss(speech.seconds)} |")
        out.append("")
    for vote in motion.votes:
        out += [f"- {e(vote_sentence(meeting, vote, lang, lines_by_seq))}"]
    if motion.votes:
        out.append("")
    return out


# -- the data of the terminal commands ------------------------------------------------------------


def decided(record: CommunityRecord, meeting: MeetingMinutes, lang: str) -> list[dict]:
    out = []
    for vote in meeting.decisions:
        motion = record.motions.get(vote.question)
        out.append({"id": vote.question, "text": motion.final_text if motion else vote.text,
                    "outcome": vote.outcome, "outcome_text": status_word(vote.outcome, lang)})
    return out


def meeting_summary(record: CommunityRecord, meeting: MeetingMinutes, lang: str) -> dict:
    return {
        "number": meeting.number, "title": meeting.title, "date": meeting.opened_at[:10],
        "opened_at": meeting.opened_at, "closed_at": meeting.closed_at, "place": meeting.place,
        "chair": meeting.chair, "secretary": meeting.secretary, "present": len(meeting.present),
        "roster": len(meeting.roster), "absent": list(meeting.absent), "decided": decided(record, meeting, lang),
    }


def decision_data(record: CommunityRecord, meeting: MeetingMinutes, vote: Vote, lang: str) -> dict:
    from deliberate.narrate import _word

    motion = record.motions.get(vote.question)
    return {
        "meeting": meeting.number, "id": vote.question, "motion": vote.kind,
        "kind": rendered(motion.kind_words, lang) if motion else vote.kind,
        "text": (motion.final_text if motion and vote.decision else
                 rendered(motion.statement, lang) if motion else vote.text),
        "maker": motion.maker if motion else "", "seconder": motion.seconder if motion else "",
        "method": vote.method, "yes": vote.yes, "no": vote.no, "abstain": vote.abstain,
        "requirement": vote.requirement, "requirement_text": rendered(_word("motions.req", vote.requirement), lang),
        "base": vote.base, "base_text": rendered(_word("motions.base", vote.base), lang),
        "base_count": vote.base_count, "needed": vote.needed, "adopted": vote.adopted, "outcome": vote.outcome,
        "outcome_text": rendered(_word("motions.outcome", vote.outcome), lang),
        "quorum": {"present": vote.present, "required": vote.required},
        "decision": vote.decision, "at": vote.at, "roll": dict(vote.roll),
    }


def speech_data(meeting: MeetingMinutes, speech, lang: str) -> dict:
    return {"meeting": meeting.number, "name": speech.name, "question": speech.question, "stance": speech.stance,
            "stance_text": t("floor.stance." + speech.stance, lang), "number": speech.number,
            "seconds": speech.seconds, "duration": mmss(speech.seconds), "overrun": speech.overrun,
            "cut": speech.cut, "at": speech.at}
