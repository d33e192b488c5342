"""Chinese names for the verbs: one plain table, resolved by the root group (shell, console, scripts).

`签到 王芳` is `attend 王芳`; `help` lists them and the console completes them by Tab.
"""

from __future__ import annotations

ALIASES = {
    "建立": "init", "成员": "member", "规则": "rules", "会议": "meeting",
    "签到": "attend", "离场": "depart", "法定人数": "quorum", "状态": "state", "日志": "log",
    "撤销": "undo", "更正": "correct", "控制台": "console", "执行": "run", "示例": "demo",
    "动议表": "motions", "动议": "move", "提议": "move", "附议": "second", "修改": "amend", "程序动议": "motion",
    "撤回": "withdraw", "表决": "vote", "裁定": "ruling", "申诉": "appeal",
    "举手": "hand", "排队": "queue", "准许发言": "recognize", "发言": "speak", "让出": "yield",
    "主持": "chair", "秩序": "order",
    "选票": "ballot", "项目": "project", "预算": "budget", "投票": "poll", "投票码": "slips",
    "投": "cast", "投票站": "booth", "回执": "receipt", "服务": "serve",
    "核验": "verify", "存档点": "checkpoint", "封存": "seal", "证明": "proof", "密钥": "key",
    "公开副本": "public-copy", "决定": "decisions", "发言人": "speakers", "纪要": "minutes",
    "发布": "publish", "表格": "tables", "导出": "export", "议程": "agenda",
}


def resolve(name: str) -> str:
    """The verb a Chinese alias stands for (the name itself otherwise)."""
    return ALIASES.get(name, name)


def aliases_of(verb: str) -> list[str]:
    return [alias for alias, target in ALIASES.items() if target == verb]
