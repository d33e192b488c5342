"""The console in a real pseudo-terminal: prompt, tab completion of verbs and names, history."""

import os
import sys
import time

import pexpect

from tests.conftest import ROOT


def test_the_console_completes_verbs_and_member_names_and_keeps_history(seated):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "deliberate", "--db", str(seated.db), "--lang", "en", "console"],
                          env=env, encoding="utf-8", timeout=60, dimensions=(30, 120))
    try:
        child.expect("deliberate>")
        child.send("att\t")
        child.expect("attend")
        time.sleep(0.5)  # completions arrive from a thread: let the word be inserted before typing on
        child.send(" 王\t")
        child.expect("王芳")
        time.sleep(0.5)
        child.send("\r")
        child.expect("Present: 王芳")
        child.expect("deliberate>")
        child.send("exit\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    history = (seated.db.parent / (seated.db.name + ".history")).read_text(encoding="utf-8")
    assert "attend 王芳" in history
    assert [seated.state().members[i].name for i in seated.state().meeting.present] == ["李明", "王芳"]
