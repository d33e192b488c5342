"""The state as the host reads it on screen."""

from __future__ import annotations


def render_state(session, data: dict) -> str:
    t = session.t
    lines = [t("state.community", name=data.get("community") or "-", roster=data["roster_size"])]
    meeting = data.get("meeting")
    if meeting and meeting["in_session"]:
        lines.append(t("state.meeting", number=meeting["number"], title=meeting["title"],
                       chair=meeting["chair"], secretary=meeting["secretary"] or "-"))
        present = meeting["present"]
        lines.append(t("state.present", count=len(present), names="、".join(present) or "-"))
    else:
        lines.append(t("state.no_meeting", held=data["meetings_held"]))
    quorum = data.get("quorum")
    if quorum and meeting and meeting["in_session"]:
        key = "meeting.quorum_met" if quorum["met"] else "meeting.quorum_not_met"
        lines.append(t(key, **quorum))
    _load_parts()
    for render in _renderers:
        part = render(session, data)
        if part:
            lines.append(part)
    return "\n".join(lines)


_renderers: list = []


def renderer(function):
    """Register `function(session, state_data) -> str` for a part of the state (floor, motions)."""
    _renderers.append(function)
    return function


# Modules that register renderers (and console toolbars) for their part of the state.
PARTS = ("deliberate.cli.motions_view", "deliberate.cli.floor_view")
_loaded = False


def _load_parts() -> None:
    global _loaded
    if _loaded:
        return
    import importlib

    for name in PARTS:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing import inside the module
                raise
    _loaded = True
