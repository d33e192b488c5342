"""The console in a real terminal: prompt, tab completion of verbs and names, history.

The screen is read as a person sees it (tmux): prompt_toolkit redraws only the cells that
change, so a completed word can reach the terminal in two pieces ("att", then "end").
"""

PROMPT = r"^deliberate> ?$"  # an empty prompt line: the console is reading keys


def test_the_console_completes_verbs_and_member_names_and_keeps_history(seated, console):
    screen = console(seated)
    screen.wait_for(PROMPT)
    screen.type("att")
    screen.press("Tab")
    screen.wait_for(r"^deliberate> attend ?$")
    screen.type(" 王")
    screen.press("Tab")
    screen.wait_for(r"^deliberate> attend 王芳 ?$")
    screen.press("Enter")
    screen.wait_for(r"Present: 王芳[\s\S]*" + PROMPT)
    screen.line("exit")
    assert screen.exit_status() == 0
    history = (seated.db.parent / (seated.db.name + ".history")).read_text(encoding="utf-8")
    assert "attend 王芳" in history
    assert [seated.state().members[i].name for i in seated.state().meeting.present] == ["李明", "王芳"]
