"""Each recorded event in words: one wording for the CLI, `log`, minutes and site. Pure.

The record holds facts (ids, texts as typed, numbers, outcomes); the words are chosen
here, at read time, in the reader's language. `narrate(event, state_before)` returns a
message key of the ``narrate.*`` catalog and its parameters:

- members are named, never shown by their internal id (``m3``): names come from
  `state_before`, the fold of every event before this one;
- a question's words (the statement of a motion, a motion's name in the chart, a stance,
  an outcome) are `Localized` or `Words` values, rendered in the language of the message
  around them by `deliberate.i18n.t`;
- texts typed by the host (motion texts, titles, reasons, names) are passed as typed.

`narrated(events, state)` folds as it goes, so each event is worded against the state just
before it; give it the state before the first event (an empty `State()` for a whole log).
"""

from __future__ import annotations

import base64
import hashlib
from types import SimpleNamespace
from typing import Iterable, Iterator

from deliberate import domain
from deliberate.i18n import Localized, Words, catalog, listed
from deliberate.motions.stack import Motion, chart_of, peek, statement_words
from deliberate.state import State, member_name


def narrate(event, state_before: State) -> tuple[str, dict]:
    """(message key, params) that say what `event` recorded; `state_before` is not changed."""
    wording = _WORDINGS.get(event.type)
    if wording is None:
        return "narrate.unknown", {"type": event.type}
    return wording(event.payload, state_before)


def narrated(events: Iterable, state: State, skip=frozenset()) -> Iterator[tuple[object, str, dict]]:
    """(event, key, params) for each event, folding each into `state` once it is worded
    (an event whose seq is in `skip`, retracted by a correction, is worded but not folded)."""
    for event in events:
        key, params = narrate(event, state)
        if skip and event.seq in skip:
            state.seq, state.last_at = event.seq, event.at
        else:
            domain.apply(state, event)
        yield event, key, params


# -- sub-phrases -----------------------------------------------------------------------------


def _name(state: State, member_id: str | None) -> str:
    return member_name(state, member_id) or "-"


def _word(prefix: str, value) -> object:
    """The catalog's word for a recorded code (``motions.method.hands``), else the code as recorded."""
    if value is None:
        return "-"
    key = f"{prefix}.{value}"
    return Localized(key) if key in catalog() else str(value)


def _names(names: list[str]) -> object:
    """Names in a list, joined as each language joins them; an empty list is said as such."""
    return listed(names) if names else Words("无", "none")


def _chart(state: State):
    rules = state.rules
    if not rules or not rules.get("motions"):
        return None
    return chart_of(SimpleNamespace(motions=rules["motions"]))


def _kind(state: State, kind: str) -> object:
    """A motion's name in the chart of the rules in force."""
    chart = _chart(state)
    if chart is None or kind not in chart:
        return kind
    spec = chart[kind]
    return Words(spec.name_zh, spec.name_en)


def _motion(state: State, motion_id: str | None) -> Motion | None:
    return peek(state).items.get(motion_id) if motion_id else None


def _statement(state: State, motion_id: str | None) -> object:
    """The question as the chair states it, as the motion stands in `state`."""
    motion = _motion(state, motion_id)
    if motion is None:
        return motion_id or "-"
    return statement_words(motion, _chart(state))


def _override(payload: dict) -> object:
    override = payload.get("override")
    if not override:
        return ""
    return Localized("narrate.override", rules=", ".join(override.get("rules") or []),
                     reason=override.get("reason", ""))


def mmss(seconds) -> str:
    """Seconds as m:ss, rounded down to the second (negative as -m:ss)."""
    seconds = float(seconds or 0)
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 60}:{whole % 60:02d}"


def fingerprint(public_key: str) -> str:
    """The fingerprint people compare (as `deliberate.ledger.keys.fingerprint`), of a recorded key."""
    try:
        raw = base64.b64decode(public_key or "", validate=True)
    except (ValueError, TypeError):
        return "-"
    digest = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def _rules_name(rules: dict | None, source: str | None) -> object:
    rules = rules or {}
    if rules.get("name_zh") or rules.get("name_en"):
        return Words(rules.get("name_zh") or rules["name_en"], rules.get("name_en") or rules["name_zh"])
    return source or "-"


def _project(state: State, project_id: str) -> object:
    ballots = state.ballots
    project = ballots.projects.get(project_id) if ballots is not None else None
    if project is None:
        return project_id
    return _project_words(project.name, project.name_en)


def _project_words(name: str, name_en: str) -> object:
    return Words(name, f"{name_en} ({name})") if name_en else name


# -- the spine -------------------------------------------------------------------------------


def _community_created(p, state):
    return "narrate.community_created", {"name": p.get("name", ""),
                                         "rules": _rules_name(p.get("rules"), p.get("rules_source")),
                                         "source": p.get("rules_source") or "-"}


def _rules_adopted(p, state):
    return "narrate.rules_adopted", {"rules": _rules_name(p.get("rules"), p.get("rules_source")),
                                     "source": p.get("rules_source") or "-"}


def _member_added(p, state):
    if p.get("role"):
        return "narrate.member_added.role", {"name": p["name"], "role": p["role"]}
    return "narrate.member_added", {"name": p["name"]}


def _member_removed(p, state):
    if p.get("reason"):
        return "narrate.member_removed.reason", {"name": _name(state, p["id"]), "reason": p["reason"]}
    return "narrate.member_removed", {"name": _name(state, p["id"])}


def _meeting_opened(p, state):
    params = {"number": p["number"], "title": p["title"], "chair": p.get("chair") or "-"}
    paper = ".paper" if p.get("paper") else ""
    if p.get("secretary"):
        return "narrate.meeting_opened.secretary" + paper, {**params, "secretary": p["secretary"]}
    return "narrate.meeting_opened" + paper, params


def _attended(p, state):
    return "narrate.attended", {"name": _name(state, p["member"])}


def _departed(p, state):
    return "narrate.departed", {"name": _name(state, p["member"])}


def _meeting_closed(p, state):
    meeting = state.meeting
    number = p.get("number", meeting.number if meeting else "-")
    title = meeting.title if meeting is not None and meeting.number == number else "-"
    if p.get("adjourned_by"):
        return "narrate.meeting_closed.adjourned", {"number": number, "title": title, "motion": p["adjourned_by"]}
    return "narrate.meeting_closed", {"number": number, "title": title}


# -- the motions -----------------------------------------------------------------------------


def _motion_made(p, state):
    """The mover, the motion's name and its own words (an amendment's words say what it changes)."""
    params = {"id": p["id"], "kind": _kind(state, p["motion"]), "maker": _name(state, p.get("maker"))}
    words: object = p.get("text", "")
    if p["motion"] == "amend":
        probe = Motion(p["id"], p["motion"], words, p.get("maker"), "", 0,
                       target=p.get("target"), params=dict(p.get("params") or {}))
        words = statement_words(probe, _chart(state))
    key = "narrate.motion_made" + (".target" if p.get("target") else "") + ("" if words else ".bare")
    if p.get("target"):
        params["target"] = p["target"]
    if words:
        params["text"] = words
    return key, params


def _motion_seconded(p, state):
    return "narrate.motion_seconded", {"id": p["id"], "name": _name(state, p["seconder"])}


def _question_stated(p, state):
    # A record of format 1 also holds `text` (the statement in Chinese): the motion in the state says it.
    return "narrate.question_stated", {"id": p["id"], "text": _statement(state, p["id"])}


def _motion_disposed(p, state):
    status = p.get("status")
    if status in ("lapsed", "withdrawn", "granted", "answered"):
        return f"narrate.motion_disposed.{status}", {"id": p["id"]}
    return "narrate.motion_disposed", {"id": p["id"], "status": status or "-"}


def _vote_opened(p, state):
    return "narrate.vote_opened", {"id": p["question"], "method": _word("motions.method", p["method"]),
                                   "text": _statement(state, p["question"])}


def _counts(p) -> dict:
    return {"yes": p["yes"], "no": p["no"], "abstain": p["abstain"]}


def _votes_counted(p, state):
    return "narrate.votes_counted", {"id": p["question"], **_counts(p)}


def _vote_tallied(p, state):
    return "narrate.vote_tallied", {"id": p["question"], "source": _word("narrate.source", p.get("source")),
                                    **_counts(p)}


def _roll_call_recorded(p, state):
    by_choice: dict[str, list[str]] = {"yes": [], "no": [], "abstain": []}
    order = {member_id: i for i, member_id in enumerate(state.members)}   # the roster's order, not the ids'
    for member_id, choice in sorted(p["votes"].items(), key=lambda item: (order.get(item[0], len(order)), item[0])):
        by_choice.setdefault(choice, []).append(_name(state, member_id))
    return "narrate.roll_call_recorded", {"id": p["question"], **{c: _names(n) for c, n in by_choice.items()
                                                                    if c in ("yes", "no", "abstain")}}


def _vote_retaken(p, state):
    return "narrate.vote_retaken", {"id": p["question"], "method": _word("motions.method", p.get("method"))}


def _vote_closed(p, state):
    quorum = p.get("quorum") or {}
    chair = (Localized("narrate.vote_closed.chair_vote", choice=_word("motions.choice", p["chair_vote"]))
             if p.get("chair_vote") else "")
    if p.get("text_after") is not None:
        after = Localized("narrate.vote_closed.text_after", text=p["text_after"])
    elif p.get("parts"):
        after = Localized("narrate.vote_closed.parts", ids=_names([part["id"] for part in p["parts"]]))
    else:
        after = ""
    return "narrate.vote_closed", {
        "id": p["question"], **_counts(p),
        "requirement": _word("motions.req", p.get("requirement")), "base": _word("motions.base", p.get("base")),
        "base_count": p.get("base_count", "-"), "needed": p.get("needed", "-"),
        "outcome": _word("motions.outcome", p.get("outcome")),
        "present": quorum.get("present", "-"), "required": quorum.get("required", "-"),
        "chair": chair, "after": after,
    }


def _ruling_made(p, state):
    removed = p.get("removed") or []
    params = {"id": p["id"], "decision": _word("motions.decision", p.get("decision")), "text": p.get("text", ""),
              "removed": Localized("narrate.ruling_made.removed", ids=_names(removed)) if removed else ""}
    if p.get("point"):
        return "narrate.ruling_made.point", {**params, "point": p["point"]}
    return "narrate.ruling_made", params


# -- the floor -------------------------------------------------------------------------------


def _stance(p) -> object:
    return _word("floor.stance", p.get("stance") or "none")


def _floor_requested(p, state):
    return "narrate.floor_requested", {"name": _name(state, p["member"]), "stance": _stance(p), "id": p["question"],
                                       "override": _override(p)}


def _floor_request_withdrawn(p, state):
    return "narrate.floor_request_withdrawn", {"name": _name(state, p["member"]), "id": p["question"]}


def _floor_granted(p, state):
    return "narrate.floor_granted", {"name": _name(state, p["member"]), "stance": _stance(p),
                                     "why": _word("floor.reason", p.get("reason")), "override": _override(p)}


def _floor_yielded(p, state):
    return "narrate.floor_yielded", {"name": _name(state, p["member"])}


def _speech_started(p, state):
    return "narrate.speech_started", {"name": _name(state, p["member"]), "stance": _stance(p),
                                      "number": p.get("number", "-"), "limit": mmss(p.get("limit"))}


def _speech_ended(p, state):
    overrun = Localized("narrate.speech_ended.overrun", overrun=mmss(p["overrun"])) if p.get("overrun") else ""
    cut = Localized("narrate.speech_ended.cut") if p.get("ended_by") == "chair" else ""
    return "narrate.speech_ended", {"name": _name(state, p["member"]), "duration": mmss(p.get("seconds")),
                                    "overrun": overrun, "cut": cut}


def _chair_passed(p, state):
    giver = _name(state, p["from"]) if p.get("from") else (state.meeting.chair if state.meeting else "-")
    return "narrate.chair_passed", {"from_name": giver, "to": _name(state, p["to"])}


def _chair_resumed(p, state):
    name = _name(state, p["to"]) if p.get("to") else (state.meeting.chair if state.meeting else "-")
    return "narrate.chair_resumed", {"name": name}


def _called_to_order(p, state):
    return "narrate.called_to_order", {"name": _name(state, p["member"]), "reason": p.get("reason", "")}


# -- the budget ------------------------------------------------------------------------------


def _project_added(p, state):
    params = {"project": _project_words(p["name"], p.get("name_en", "")), "cost": p["cost"]}
    if p.get("category"):
        return "narrate.project_added.category", {**params, "category": p["category"]}
    return "narrate.project_added", params


def _project_withdrawn(p, state):
    return "narrate.project_withdrawn", {"project": _project(state, p["id"])}


def _budget_set(p, state):
    return "narrate.budget_set", {"amount": p["amount"]}


# -- secret polls ----------------------------------------------------------------------------


def _poll_opened(p, state):
    if p["kind"] == "motion":
        return "narrate.poll_opened.motion", {"poll": p["poll"], "id": p.get("question") or "-",
                                              "present": p["present"]}
    return "narrate.poll_opened.projects", {"poll": p["poll"], "count": len(p.get("projects") or []),
                                            "budget": p.get("budget"), "present": p["present"]}


def _codes_issued(p, state):
    return "narrate.codes_issued", {"poll": p["poll"], "count": len(p.get("verifiers") or []),
                                    "issued": p.get("issued", "-")}


def _project_list(state: State, ids) -> object:
    if not ids:
        return Localized("narrate.no_projects")

    def shown(word, lang):
        return word.render(lang) if callable(getattr(word, "render", None)) else str(word)

    words = [(pid, _project(state, pid)) for pid in ids]
    return Words("、".join(f"{pid} {shown(w, 'zh')}" for pid, w in words),
                 ", ".join(f"{pid} {shown(w, 'en')}" for pid, w in words))


def _ballot_cast(p, state):
    if "projects" in p:
        return "narrate.ballot_cast.projects", {"poll": p["poll"], "projects": _project_list(state, p["projects"]),
                                                "receipt": p.get("receipt", "-")}
    return "narrate.ballot_cast.motion", {"poll": p["poll"], "choice": _word("poll.choice", p.get("choice")),
                                          "receipt": p.get("receipt", "-")}


def _poll_closed(p, state):
    base = {"poll": p["poll"], "ballots": p.get("ballots", 0), "codes": p.get("codes", 0)}
    if "counts" in p:
        return "narrate.poll_closed.motion", {**base, **p["counts"]}
    outcome = p.get("outcome") or {}
    return "narrate.poll_closed.projects", {**base, "rule": outcome.get("rule", "-"), "spent": outcome.get("spent", 0),
                                            "selected": _project_list(state, outcome.get("selected") or [])}


# -- the ledger ------------------------------------------------------------------------------


def _checkpoint(p, state):
    root = str(p.get("root", ""))
    return "narrate.checkpoint", {"size": p.get("size", "-"), "root": root[:16] or "-"}


def _corrected(p, state):
    key = "narrate.undone" if p.get("how") == "undo" else "narrate.corrected"
    return key, {"seqs": ", ".join(str(s) for s in p["retracts"]), "reason": p.get("reason") or ""}


def _key_rotated(p, state):
    return "narrate.key_rotated", {"fingerprint": fingerprint(p.get("public_key", ""))}


def _agenda_words(state, item_id: str) -> object:
    """The item's words, quoted as each language quotes: “…” in Chinese, ' …' in English."""
    agenda = state.agenda
    if agenda is not None and item_id in agenda.items:
        text = agenda.items[item_id].text
    else:
        motion = peek(state).items.get(item_id)
        text = motion.text if motion is not None else ""
    return Words(f"“{text}”", f" '{text}'") if text else ""


def _agenda_item_added(p, state):
    minutes = Words(f"（{p['minutes']} 分钟）", f" ({p['minutes']} min)") if p.get("minutes") else ""
    return "narrate.agenda_item_added", {"id": p["id"], "text": p["text"], "minutes": minutes}


def _agenda_taken_up(p, state):
    key = "narrate.agenda_taken_up" + (".orders_of_the_day" if p.get("how") == "orders_of_the_day" else "")
    return key, {"item": p["item"], "text": _agenda_words(state, p["item"])}


def _agenda_item_done(p, state):
    return "narrate.agenda_item_done", {"item": p["item"], "text": _agenda_words(state, p["item"])}


_WORDINGS = {
    "community_created": _community_created,
    "rules_adopted": _rules_adopted,
    "member_added": _member_added,
    "member_removed": _member_removed,
    "meeting_opened": _meeting_opened,
    "attended": _attended,
    "departed": _departed,
    "meeting_closed": _meeting_closed,
    "motion_made": _motion_made,
    "motion_seconded": _motion_seconded,
    "question_stated": _question_stated,
    "motion_disposed": _motion_disposed,
    "vote_opened": _vote_opened,
    "votes_counted": _votes_counted,
    "vote_tallied": _vote_tallied,
    "roll_call_recorded": _roll_call_recorded,
    "vote_retaken": _vote_retaken,
    "vote_closed": _vote_closed,
    "ruling_made": _ruling_made,
    "floor_requested": _floor_requested,
    "floor_request_withdrawn": _floor_request_withdrawn,
    "floor_granted": _floor_granted,
    "floor_yielded": _floor_yielded,
    "speech_started": _speech_started,
    "speech_ended": _speech_ended,
    "chair_passed": _chair_passed,
    "chair_resumed": _chair_resumed,
    "called_to_order": _called_to_order,
    "project_added": _project_added,
    "project_withdrawn": _project_withdrawn,
    "budget_set": _budget_set,
    "poll_opened": _poll_opened,
    "codes_issued": _codes_issued,
    "ballot_cast": _ballot_cast,
    "poll_closed": _poll_closed,
    "checkpoint": _checkpoint,
    "key_rotated": _key_rotated,
    "corrected": _corrected,
    "agenda_item_added": _agenda_item_added,
    "agenda_taken_up": _agenda_taken_up,
    "agenda_item_done": _agenda_item_done,
}


def worded_types() -> set[str]:
    """The event types narrate has its own words for."""
    return set(_WORDINGS)
