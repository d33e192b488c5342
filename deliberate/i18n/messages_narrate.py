"""What each recorded event says, in words (deliberate.narrate): one line per event."""

MESSAGES = {
    # -- the spine ------------------------------------------------------------------------------
    "narrate.community_created": {
        "zh": "“{name}”的记录开始，议事规则：{rules}（{source}）。",
        "en": "The record of {name} begins, under {rules} ({source}).",
    },
    "narrate.rules_adopted": {
        "zh": "通过新的议事规则：{rules}（{source}）。",
        "en": "New rules are adopted: {rules} ({source}).",
    },
    "narrate.member_added": {"zh": "{name} 加入成员名册。", "en": "{name} joins the roster."},
    "narrate.member_added.role": {"zh": "{name}（{role}）加入成员名册。", "en": "{name} ({role}) joins the roster."},
    "narrate.member_removed": {"zh": "{name} 退出成员名册。", "en": "{name} leaves the roster."},
    "narrate.member_removed.reason": {"zh": "{name} 退出成员名册：{reason}", "en": "{name} leaves the roster: {reason}"},
    "narrate.meeting_opened": {
        "zh": "第 {number} 次会议“{title}”开会，主持人 {chair}。",
        "en": "Meeting {number}, '{title}', opens; {chair} presides.",
    },
    "narrate.meeting_opened.secretary": {
        "zh": "第 {number} 次会议“{title}”开会，主持人 {chair}，记录员 {secretary}。",
        "en": "Meeting {number}, '{title}', opens; {chair} presides, {secretary} keeps the minutes.",
    },
    "narrate.meeting_opened.paper": {
        "zh": "第 {number} 次会议“{title}”开会，主持人 {chair}（据纸质记录补录）。",
        "en": "Meeting {number}, '{title}', opens; {chair} presides (entered from paper).",
    },
    "narrate.meeting_opened.secretary.paper": {
        "zh": "第 {number} 次会议“{title}”开会，主持人 {chair}，记录员 {secretary}（据纸质记录补录）。",
        "en": "Meeting {number}, '{title}', opens; {chair} presides, {secretary} keeps the minutes (entered from paper).",
    },
    "narrate.attended": {"zh": "{name} 签到。", "en": "{name} is present."},
    "narrate.departed": {"zh": "{name} 离场。", "en": "{name} leaves the meeting."},
    "narrate.meeting_closed": {
        "zh": "第 {number} 次会议“{title}”散会。",
        "en": "Meeting {number}, '{title}', is closed.",
    },
    "narrate.meeting_closed.adjourned": {
        "zh": "休会动议 {motion} 通过，第 {number} 次会议“{title}”散会。",
        "en": "The motion {motion} to adjourn is adopted: meeting {number}, '{title}', is closed.",
    },
    # -- the motions ----------------------------------------------------------------------------
    "narrate.motion_made": {
        "zh": "{maker} 提出 {id}（{kind}）：{text}",
        "en": "{maker} moves {id} ({kind}): {text}",
    },
    "narrate.motion_made.target": {
        "zh": "{maker} 就 {target} 提出 {id}（{kind}）：{text}",
        "en": "{maker} moves {id} ({kind}) on {target}: {text}",
    },
    "narrate.motion_made.bare": {"zh": "{maker} 提出 {id}（{kind}）。", "en": "{maker} moves {id} ({kind})."},
    "narrate.motion_made.target.bare": {
        "zh": "{maker} 就 {target} 提出 {id}（{kind}）。",
        "en": "{maker} moves {id} ({kind}) on {target}.",
    },
    "narrate.motion_seconded": {"zh": "{name} 附议 {id}。", "en": "{name} seconds {id}."},
    "narrate.question_stated": {"zh": "主持人宣布议题 {id}：{text}", "en": "The chair states the question {id}: {text}"},
    "narrate.motion_disposed": {"zh": "{id} 不再待决（{status}）。", "en": "{id} is no longer pending ({status})."},
    "narrate.motion_disposed.lapsed": {"zh": "{id} 无人附议，不成立。", "en": "{id} lapses for want of a second."},
    "narrate.motion_disposed.withdrawn": {"zh": "{id} 已收回。", "en": "{id} is withdrawn."},
    "narrate.motion_disposed.granted": {"zh": "{id} 照准。", "en": "{id} is granted."},
    "narrate.motion_disposed.answered": {"zh": "{id} 已答复。", "en": "{id} is answered."},
    "narrate.vote_opened": {"zh": "{id} 付表决（{method}）：{text}", "en": "{id} is put to a vote ({method}): {text}"},
    "narrate.votes_counted": {
        "zh": "{id} 计票：赞成 {yes}，反对 {no}，弃权 {abstain}。",
        "en": "Count on {id}: {yes} for, {no} against, {abstain} abstaining.",
    },
    "narrate.vote_tallied": {
        "zh": "{id} 计票（{source}）：赞成 {yes}，反对 {no}，弃权 {abstain}。",
        "en": "Tally on {id} ({source}): {yes} for, {no} against, {abstain} abstaining.",
    },
    "narrate.source.paper": {"zh": "纸质计票", "en": "a paper count"},
    "narrate.source.ballots": {"zh": "无记名投票", "en": "the ballots"},
    "narrate.roll_call_recorded": {
        "zh": "{id} 点名表决：赞成 {yes}；反对 {no}；弃权 {abstain}。",
        "en": "Roll call on {id}: for {yes}; against {no}; abstaining {abstain}.",
    },
    "narrate.vote_retaken": {
        "zh": "有成员要求重新表决 {id}（{method}）。",
        "en": "A division is demanded on {id}: the vote is retaken ({method}).",
    },
    "narrate.vote_closed": {
        "zh": "{id} 表决结果：赞成 {yes}，反对 {no}，弃权 {abstain}；需要{requirement}（{base} {base_count}，"
              "至少 {needed} 票）；{outcome}。到会 {present} 人，法定人数 {required}。{chair}{after}",
        "en": "{id}: {yes} for, {no} against, {abstain} abstaining; {requirement} required ({base} {base_count}, "
              "at least {needed}): {outcome}. {present} present, quorum {required}.{chair}{after}",
    },
    "narrate.vote_closed.chair_vote": {"zh": "（含主持人投票：{choice}）", "en": " (including the chair's vote: {choice})"},
    "narrate.vote_closed.text_after": {"zh": "修改后的文本：{text}", "en": " The text now reads: {text}"},
    "narrate.vote_closed.parts": {"zh": "议题拆分为 {ids}。", "en": " The question is divided into {ids}."},
    "narrate.ruling_made": {
        "zh": "主持人裁决 {id}（{decision}）：{text}{removed}",
        "en": "The chair rules {id} ({decision}): {text}{removed}",
    },
    "narrate.ruling_made.point": {
        "zh": "主持人就 {point} 裁决 {id}（{decision}）：{text}{removed}",
        "en": "The chair rules {id} on {point} ({decision}): {text}{removed}",
    },
    "narrate.ruling_made.removed": {"zh": "；{ids} 被裁定不合程序。", "en": "; {ids} ruled out of order."},
    # -- the floor ------------------------------------------------------------------------------
    "narrate.floor_requested": {
        "zh": "{name} 举手（{stance}），就 {id} 请求发言。{override}",
        "en": "{name} raises a hand ({stance}) to speak on {id}.{override}",
    },
    "narrate.floor_request_withdrawn": {"zh": "{name} 放下了手（{id}）。", "en": "{name} lowers the hand ({id})."},
    "narrate.floor_granted": {
        "zh": "主持人请 {name} 发言（{stance}，{why}）。{override}",
        "en": "The chair recognises {name} ({stance}; {why}).{override}",
    },
    "narrate.override": {"zh": "主持人破例（{rules}）：{reason}", "en": " The chair makes an exception ({rules}): {reason}"},
    "narrate.floor_yielded": {"zh": "{name} 交还发言权（未发言）。", "en": "{name} gives up the floor without speaking."},
    "narrate.speech_started": {
        "zh": "{name} 开始发言（{stance}，第 {number} 次，限时 {limit}）。",
        "en": "{name} begins speaking ({stance}, speech {number}, {limit} allowed).",
    },
    "narrate.speech_ended": {
        "zh": "{name} 发言结束，用时 {duration}。{overrun}{cut}",
        "en": "{name} finishes speaking after {duration}.{overrun}{cut}",
    },
    "narrate.speech_ended.overrun": {"zh": "超时 {overrun}。", "en": " Over time by {overrun}."},
    "narrate.speech_ended.cut": {"zh": "主持人请发言人停止。", "en": " The chair stopped the speaker."},
    "narrate.chair_passed": {"zh": "{from_name} 将主持交给 {to}。", "en": "{from_name} hands the chair to {to}."},
    "narrate.chair_resumed": {"zh": "{name} 恢复主持。", "en": "{name} resumes the chair."},
    "narrate.called_to_order": {
        "zh": "主持人提请 {name} 遵守秩序：{reason}",
        "en": "The chair calls {name} to order: {reason}",
    },
    # -- the budget -----------------------------------------------------------------------------
    "narrate.project_added": {"zh": "候选项目 {project}：{cost} 元。", "en": "Project {project} is proposed: {cost} yuan."},
    "narrate.project_added.category": {
        "zh": "候选项目 {project}（{category}）：{cost} 元。",
        "en": "Project {project} is proposed: {cost} yuan (category: {category}).",
    },
    "narrate.project_withdrawn": {"zh": "候选项目 {project} 撤回。", "en": "Project {project} is withdrawn."},
    "narrate.budget_set": {"zh": "预算定为 {amount} 元。", "en": "The budget is set at {amount} yuan."},
    # -- the ledger -----------------------------------------------------------------------------
    "narrate.checkpoint": {
        "zh": "签署检查点：前 {size} 个事件，根哈希 {root}…",
        "en": "Checkpoint signed: the first {size} events, root {root}…",
    },
    "narrate.key_rotated": {
        "zh": "社区密钥已更换，新密钥指纹 {fingerprint}。",
        "en": "The community key is rotated; the new key's fingerprint is {fingerprint}.",
    },
    "narrate.unknown": {"zh": "事件 {type}（本版本不认识）", "en": "Event {type} (not known to this version)"},
    # -- cues after a motions command (not events) ----------------------------------------------
    "narrate.cue.second": {"zh": "有人附议吗？", "en": "Is there a second?"},
    "narrate.cue.appeal": {
        "zh": "如有异议，可立即申诉（appeal --by 姓名）。",
        "en": "A member may appeal at once (appeal --by NAME).",
    },
}
