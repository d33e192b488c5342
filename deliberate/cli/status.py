"""The state as the host reads it on screen."""

from __future__ import annotations


def render_state(session, data: dict) -> str:
    t = session.t
    lines = [t("state.community", name=data.get("community") or "-", roster=data["roster_size"])]
    meeting = data.get("meeting")
    if meeting and meeting["in_session"]:
        key = "state.meeting" if meeting["secretary"] else "state.meeting.no_secretary"
        lines.append(t(key, number=meeting["number"], title=meeting["title"], chair=meeting["chair"],
                       secretary=meeting["secretary"]))
        present = meeting["present"]
        lines.append(t("state.present", count=len(present), names=session.join(present)) if present
                     else t("state.present.none"))
    else:
        lines.append(t("state.no_meeting", held=data["meetings_held"]))
    quorum = data.get("quorum")
    if quorum and meeting and meeting["in_session"]:
        key = "meeting.quorum_met" if quorum["met"] else "meeting.quorum_not_met"
        lines.append(t(key, **quorum))
    for render in renderers():
        part = render(session, data)
        if part:
            lines.append(part)
    return "\n".join(lines)


def renderers() -> tuple:
    """Each area's part of the state on screen, in the order shown: `render(session, state_data) -> str`."""
    from deliberate.cli import agenda, floor_view, motions_view

    return (agenda.render, motions_view.render, floor_view.render_floor)
