"""The floor on screen: a part of `state` and the console's live speech timer.

The state text is rendered from the view data (times as of the last event).
The timer is display only: it reads the wall clock to count down the speech
in progress, rings the terminal bell once at the warning and once at zero,
and colours the bottom line; nothing it shows is recorded.
"""

from __future__ import annotations

from deliberate.cli.floor import mmss, stance_word

QUEUE_NAMES_SHOWN = 8

# Bottom-line colours by phase (prompt_toolkit style strings).
PHASE_STYLES = {
    "speaking": "noreverse bg:ansigreen fg:ansiblack",
    "warn": "noreverse bg:ansiyellow fg:ansiblack bold",
    "over": "noreverse bg:ansired fg:ansiwhite bold",
    "recognized": "noreverse bg:ansiblue fg:ansiwhite",
}


def render_floor(session, data: dict) -> str:
    holder, queue = floor_lines(session, data)
    return "\n".join(holder + queue)


def floor_lines(session, data: dict) -> tuple[list[str], list[str]]:
    """(who presides or has the floor, who waits): the floor's lines of the state."""
    floor = data.get("floor")
    if not floor:
        return [], []
    t = session.t
    lines = []
    if floor["chair_passed"]:
        lines.append(t("floor.state_presiding", name=floor["presiding"], passed=t("floor.state_passed")))
    holder = floor["holder"]
    if holder:
        stance = stance_word(session, holder["stance"])
        if not holder["speaking"]:
            lines.append(t("floor.state_recognized", name=holder["member"], stance=stance))
        elif holder["over"]:
            lines.append(t("floor.state_over", name=holder["member"], stance=stance, over=mmss(-holder["remaining"])))
        else:
            lines.append(t("floor.state_speaking", name=holder["member"], stance=stance,
                           elapsed=mmss(holder["elapsed"]), remaining=mmss(holder["remaining"])))
    waiting = []
    if floor["queue"]:
        shown = [f"{p['member']}({stance_word(session, p['stance'])})" for p in floor["queue"][:QUEUE_NAMES_SHOWN]]
        more = len(floor["queue"]) - QUEUE_NAMES_SHOWN
        waiting.append(t("floor.state_queue", names=session.join(shown) + (f" +{more}" if more > 0 else "")))
    return lines, waiting


def timer_phase(remaining: float, warn_seconds: int) -> str:
    if remaining <= 0:
        return "over"
    if remaining <= warn_seconds:
        return "warn"
    return "speaking"


def timer_text(session, now: str) -> tuple[str, str] | None:
    """(phase, text) of the bottom line at the wall-clock time `now`, or None when nobody has the floor."""
    from deliberate import clock
    from deliberate.floor import floor_of
    from deliberate.state import member_name

    app = session.app()
    state = app.state
    floor = floor_of(state) if state.in_session() else None
    if floor is None or floor.holder is None:
        return None
    holder = floor.holder
    name = member_name(state, holder.member)
    stance = stance_word(session, holder.stance)
    if holder.speech is None:
        return "recognized", session.t("floor.timer_recognized", name=name)
    rules = app.rules.floor
    remaining = holder.speech.limit - max(0.0, clock.seconds_between(holder.speech.started_at, now))
    phase = timer_phase(remaining, rules.warn_seconds)
    if phase == "over":
        key = "floor.timer_over_cut" if rules.cut_off_at_limit else "floor.timer_over"
        return phase, session.t(key, name=name, over=mmss(-remaining))
    key = "floor.timer_warn" if phase == "warn" else "floor.timer"
    # Count down by whole seconds, rounding up, so "0:00" appears only at zero.
    shown = mmss(-int(-remaining // 1)) if remaining > 0 else "0:00"
    return phase, session.t(key, name=name, stance=stance, remaining=shown)


def speech_timer(session) -> list[tuple[str, str]] | None:
    from deliberate import clock

    found = timer_text(session, clock.now())
    if not found:
        return None
    phase, text = found
    _ring(session, phase)
    return [(PHASE_STYLES.get(phase, ""), text)]


def _ring(session, phase: str) -> None:
    """Ring the terminal bell once when a speech reaches the warning, and once at zero."""
    from prompt_toolkit.application.current import get_app_or_none

    app = get_app_or_none()
    rung = session.extras.setdefault("floor.rung", set())
    key = (_speech_key(session), phase)
    if app is not None and phase in ("warn", "over") and key not in rung:
        rung.add(key)
        app.output.bell()


def _speech_key(session) -> str:
    from deliberate.floor import floor_of

    floor = floor_of(session.app().state)
    if floor is None or floor.holder is None or floor.holder.speech is None:
        return ""
    return floor.holder.member + "@" + floor.holder.speech.started_at
