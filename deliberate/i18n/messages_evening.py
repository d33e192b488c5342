"""Messages of a host's real evening (issue 14): duplicates, corrections, scripts, agenda, console."""

MESSAGES = {
    "input.name.twice": {
        "zh": "“{name}”在这一行里出现了两次：每个{what}只写一次。",
        "en": "'{name}' is named twice on this line: name each {what} once.",
    },
    "roster.unknown_none": {
        "zh": "名册中没有“{name}”，也没有相近的名字。",
        "en": "'{name}' is not on the roster, and no name on it is close.",
    },
    "motions.reconsider_no_vote": {
        "zh": "本次会议还没有表决过任何议题，没有可重议的表决。",
        "en": "no question has been voted on yet, so there is no vote to reconsider.",
    },
    "motions.reconsider_no_vote.hint": {
        "zh": "表决之后再动议重议（默认重议最近一次表决，或用 --question 指定）。",
        "en": "move to reconsider after a vote (the most recent one by default, or name it with --question).",
    },
    "motions.question_needed": {
        "zh": "这项动议须指明所涉议题。",
        "en": "this motion must name the question it concerns.",
    },
    "motions.question_needed.hint": {
        "zh": "用 --question 给出议题编号（见 state）。",
        "en": "give the question's id with --question (see state).",
    },
}

MESSAGES.update({
    "correct.nothing": {"zh": "本次会议没有可以撤销的操作。", "en": "there is nothing in this meeting to take back."},
    "correct.nothing.hint": {"zh": "log 列出已记录的事件。", "en": "log lists what has been recorded."},
    "correct.not_this_meeting": {
        "zh": "第 {seq} 号事件不属于本次会议，不能在此更正。",
        "en": "event {seq} is not part of this meeting, so it cannot be corrected here.",
    },
    "correct.not_this_meeting.hint": {
        "zh": "只能更正本次会议中记录的操作；之前会议的错误在纪要中另行说明。",
        "en": "only actions recorded in this meeting can be corrected; note earlier mistakes in the minutes.",
    },
    "correct.not_retractable": {
        "zh": "第 {seq} 号事件（开会、名册、签名或更正）不能撤回。",
        "en": "event {seq} (an opening, the roster, a signature or a correction) cannot be taken back.",
    },
    "correct.already": {"zh": "第 {seq} 号事件已被第 {by} 号更正撤回。",
                        "en": "event {seq} was already taken back by correction {by}."},
    "correct.already.hint": {"zh": "log 中划去的行就是已撤回的。", "en": "log marks what was taken back."},
    "correct.reason": {"zh": "更正须说明理由。", "en": "a correction needs a reason."},
    "correct.reason.hint": {"zh": "correct 编号 --reason “记错了人”", "en": "correct SEQ --reason 'wrong member'"},
    "correct.depends": {
        "zh": "要撤回的操作（第 {span} 号事件）之后记录的事件依赖于它：{depends}。",
        "en": "events recorded after the action to retract (event {span}) depend on it: {depends}.",
    },
    "correct.depends.hint": {
        "zh": "先用 undo 依次撤销这些后来的操作，或用 log 查看它们。",
        "en": "take those later actions back first with undo, or see them with log.",
    },
    "correct.undone": {"zh": "已撤销（记为更正）：第 {seqs} 号事件", "en": "Taken back (recorded as a correction): event {seqs}"},
    "correct.corrected": {"zh": "已更正：撤回第 {seqs} 号事件", "en": "Corrected: event {seqs} retracted"},
    "narrate.undone": {"zh": "撤销第 {seqs} 号事件（更正）。{reason}", "en": "Event {seqs} taken back (a correction). {reason}"},
    "narrate.corrected": {"zh": "更正：撤回第 {seqs} 号事件。理由：{reason}",
                          "en": "Correction: event {seqs} retracted. Reason: {reason}"},
    "log.retracted": {"zh": "〔已撤回〕{text}", "en": "[retracted] {text}"},
})

MESSAGES.update({
    "script.check_summary": {
        "zh": "检查了 {ran} 行，{failed} 行会被拒绝或有误；未记录任何内容。",
        "en": "Checked {ran} line(s): {failed} would be refused or are wrong; nothing was recorded.",
    },
})

MESSAGES.update({
    "script.init_skipped": {
        "zh": "第 {line} 行：社区“{name}”已存在于这个数据库，跳过 init。",
        "en": "line {line}: the community '{name}' is already in this database; init skipped.",
    },
})

# -- click's usage errors, in the host's language (cli/context.report_usage) --------------------
MESSAGES.update({
    "usage.no_such_command": {"zh": "没有“{name}”这个命令。", "en": "there is no command '{name}'."},
    "usage.did_you_mean": {"zh": "您是不是要输入 {suggestion}？", "en": "did you mean {suggestion}?"},
    "usage.no_such_option": {"zh": "没有 {option} 这个选项。", "en": "there is no option {option}."},
    "usage.option_needs_value": {"zh": "选项 {option} 后面需要一个值。", "en": "the option {option} needs a value."},
    "usage.missing_argument": {"zh": "缺少 {param}。", "en": "{param} is missing."},
    "usage.missing_option": {"zh": "缺少选项 {param}。", "en": "the option {param} is missing."},
    "usage.bad_value": {"zh": "{param} 的值无效：{detail}", "en": "invalid value for {param}: {detail}"},
    "usage.bad_choice": {"zh": "{param} 的值“{value}”无效：可选 {choices}。",
                         "en": "'{value}' is not a valid {param}: choose one of {choices}."},
    "usage.not_a_number": {"zh": "{param} 的值“{value}”不是数字。", "en": "'{value}' is not a number, as {param} must be."},
    "usage.no_file": {"zh": "{param}：找不到文件“{value}”。", "en": "{param}: there is no file '{value}'."},
    "usage.extra_arguments": {"zh": "多出了参数：{extra}（含空格的文字请用引号括起）。",
                              "en": "unexpected extra argument(s): {extra} (put text with spaces in quotes)."},
    "usage.other": {"zh": "用法有误：{detail}", "en": "bad usage: {detail}"},
})

MESSAGES.update({
    "refusal.also": {"zh": "另外 [{rule}] {message}", "en": "also [{rule}] {message}"},
})

MESSAGES.update({
    "roster.quorum_moved": {"zh": "名册变了，法定人数从 {before} 人变为 {after} 人（现到会 {present} 人，仍达法定人数）。",
                            "en": "The roster changed: the quorum moved from {before} to {after} ({present} present, still a quorum)."},
    "roster.quorum_moved_lost": {
        "zh": "名册变了，法定人数从 {before} 人变为 {after} 人：现到会 {present} 人，未达法定人数。",
        "en": "The roster changed: the quorum moved from {before} to {after}; {present} present is no longer a quorum."},
})

# -- real rosters (roster_csv, member import --update) ----------------------------------------
MESSAGES.update({
    "csv.misspelt_column": {
        "zh": "{file}：不认识的列“{column}”，是不是“{suggestion}”？可用的列：{known}。",
        "en": "{file}: unknown column '{column}'; did you mean '{suggestion}'? Known columns: {known}.",
    },
    "csv.unused_columns": {"zh": "{file}：名册不用的列已略过：{columns}。",
                           "en": "{file}: columns the roster does not use were left out: {columns}."},
    "csv.read_as_big5": {"zh": "{file} 是繁体中文（Big5）编码，已按 Big5 读取。",
                         "en": "{file} is in Big5 (Traditional Chinese); it was read as Big5."},
    "roster.nothing_changed": {"zh": "名册没有变化：文件中的 {count} 人都已在名册上，资料相同。",
                               "en": "Nothing changed: the {count} people in the file are all on the roster, with the same details."},
    "roster.update.added": {"zh": "新增 {count} 人（文件中有、名册上没有）：{names}",
                            "en": "Added {count} (in the file, not on the roster): {names}"},
    "roster.update.private": {"zh": "更新了 {count} 人的联系资料（住址、电话、身份证号，不入公开记录）：{names}",
                              "en": "Updated the private details (unit, phone, ID) of {count}: {names}"},
    "roster.update.missing": {"zh": "名册上有、文件中没有的 {count} 人（未移出，需要时用 member remove）：{names}",
                              "en": "On the roster but not in the file, {count} (not removed; use member remove if they left): {names}"},
    "roster.update.role": {"zh": "角色与名册不同（角色不会被改写）：{names}",
                           "en": "A different role than on the roster (roles are not rewritten): {names}"},
    "roster.update.hint": {"zh": "文件里有人已在名册上：更新名册请用 member import --update 文件。",
                           "en": "people in the file are already on the roster: to merge an updated roster use member import --update FILE."},
})

MESSAGES.update({
    "console.more_status": {"zh": "……另有 {count} 行：输入 status 查看全部",
                            "en": "... {count} more line(s): type status to see it all"},
})

# -- the agenda and the orders of the day (deliberate/agenda.py, cli/agenda.py) ----------------
MESSAGES.update({
    "agenda.need_text": {"zh": "议程事项须有内容。", "en": "an agenda item needs its words."},
    "agenda.need_text.hint": {"zh": "agenda add “审议电梯加装方案” --minutes 20",
                              "en": "agenda add 'The lift proposal' --minutes 20"},
    "agenda.bad_minutes": {"zh": "分配的时间须为正的分钟数（不是 {minutes}）。",
                           "en": "the time allotted must be a positive number of minutes (not {minutes})."},
    "agenda.question_pending": {"zh": "议题 {question} 尚待决定，议程的下一项要等它处理完毕。",
                                "en": "question {question} is pending; the next item waits until it is disposed of."},
    "agenda.question_pending.hint": {"zh": "先表决、推迟或暂停该议题（state 列出可以提出的动议）。",
                                     "en": "vote on it, postpone or table it first (state lists the motions in order)."},
    "agenda.nothing_left": {"zh": "议程上没有待处理的事项。", "en": "nothing is left on the agenda."},
    "agenda.nothing_left.hint": {"zh": "用 agenda add 添加事项，或 meeting close 散会。",
                                 "en": "add an item with agenda add, or close the meeting with meeting close."},
    "agenda.none_in_hand": {"zh": "目前没有正在处理的议程事项。", "en": "no agenda item is in hand."},
    "agenda.none_in_hand.hint": {"zh": "agenda next 开始处理下一项。", "en": "agenda next takes up the next item."},
    "agenda.why.question_pending": {
        "zh": "现在没有到时的议程：议题 {question} 尚待决定，只有特别议程可以打断它。",
        "en": "no order of the day is due: question {question} is pending, and only a special order interrupts it.",
    },
    "agenda.why.in_hand_minutes": {
        "zh": "现在没有到时的议程：{item}“{text}”正在处理，分配的时间还剩约 {left} 分钟。",
        "en": "no order of the day is due: {item} '{text}' is in hand, with about {left} minute(s) of its time left.",
    },
    "agenda.why.in_hand": {
        "zh": "现在没有到时的议程：{item}“{text}”正在处理。",
        "en": "no order of the day is due: {item} '{text}' is in hand.",
    },
    "agenda.why.later": {
        "zh": "现在没有到时的议程：议题 {question} 推迟到“{until}”，时间未到。",
        "en": "no order of the day is due: question {question} is postponed to '{until}', which has not come.",
    },
    "agenda.why.empty": {
        "zh": "现在没有到时的议程：议程是空的，也没有推迟到某时的议题。",
        "en": "no order of the day is due: the agenda is empty and no question is postponed to a time.",
    },
    "agenda.nothing_due.hint": {"zh": "agenda list 列出议程和推迟的议题。",
                                "en": "agenda list shows the agenda and the postponed questions."},
    "agenda.added": {"zh": "已列入议程：{id} {text}", "en": "On the agenda: {id} {text}"},
    "agenda.taken_up": {"zh": "现在处理：{item} {text}", "en": "Now before the meeting: {item} {text}"},
    "agenda.finished": {"zh": "{item} 处理完毕。", "en": "{item} is finished."},
    "agenda.title": {"zh": "议程：", "en": "Agenda:"},
    "agenda.empty_list": {"zh": "议程是空的。", "en": "The agenda is empty."},
    "agenda.line": {"zh": "{mark} 事项 {id}：{text}{minutes}{motion}", "en": "{mark} {id} {text}{minutes}{motion}"},
    "agenda.minutes": {"zh": "（{minutes} 分钟）", "en": " ({minutes} min)"},
    "agenda.motion": {"zh": " —— 动议：{motion}", "en": " — motion: {motion}"},
    "agenda.postponed_line": {"zh": "{mark} {question} {text}（推迟到“{until}”{special}{due}）",
                              "en": "{mark} {question} {text} (postponed to '{until}'{special}{due})"},
    "agenda.special": {"zh": "，特别议程", "en": ", a special order"},
    "agenda.due": {"zh": "，已到时", "en": ", due now"},
    "agenda.state": {"zh": "议程：现在 {current}；待处理 {waiting} 项{due}",
                     "en": "Agenda: now {current}; {waiting} item(s) waiting{due}"},
    "agenda.state_due": {"zh": "；到时：{items}（motion call_for_orders_of_the_day）",
                         "en": "; due: {items} (motion call_for_orders_of_the_day)"},
    "agenda.nothing_in_hand": {"zh": "无", "en": "nothing in hand"},
    "narrate.agenda_item_added": {"zh": "列入议程：{id}“{text}”{minutes}。", "en": "On the agenda: {id} '{text}'{minutes}."},
    "narrate.agenda_taken_up": {"zh": "开始处理 {item}{text}。", "en": "{item}{text} is taken up."},
    "narrate.agenda_taken_up.orders_of_the_day": {"zh": "按议程进行：开始处理 {item}{text}。",
                                                  "en": "Orders of the day: {item}{text} is taken up."},
    "narrate.agenda_item_done": {"zh": "{item}{text} 处理完毕。", "en": "{item}{text} is finished."},
    "minutes.agenda": {"zh": "议程", "en": "Agenda"},
})

# -- the demo's summary (cli/demo.show_summary) -------------------------------------------------
MESSAGES.update({
    "demo.summary.title": {"zh": "── 小结 ──────────────────────────────", "en": "── Summary ──────────────────────────────"},
    "demo.summary.meeting": {"zh": "第 {number} 次会议“{title}”：{opened}–{closed}，主持 {chair}，记录 {secretary}",
                             "en": "Meeting {number} '{title}': {opened}–{closed}, chaired by {chair}, minutes by {secretary}"},
    "demo.summary.present": {"zh": "出席：{roster} 人中 {present} 人出席：{names}",
                             "en": "Attended: {present} of {roster} present: {names}"},
    "demo.summary.decisions": {"zh": "决定：", "en": "Decisions:"},
    "demo.summary.decision": {"zh": "{id} {text}：{outcome}（赞成 {yes}，反对 {no}，弃权 {abstain}）",
                              "en": "{id} {text}: {outcome} (yes {yes}, no {no}, abstain {abstain})"},
    "demo.summary.checkpoint": {"zh": "存档点：{size} 个事件，根哈希 {root}…（deliberate verify 可核验）",
                                "en": "Checkpoint: {size} events, root {root}… (deliberate verify checks it)"},
    "demo.summary.fingerprint": {"zh": "社区密钥指纹：{fingerprint}", "en": "Key fingerprint: {fingerprint}"},
    "demo.summary.script": {
        "zh": "示例脚本已复制到 {path}：每一行都是在控制台里输入的样子；自己的会议同样可以用 deliberate --db 数据库 run 文件 录入。",
        "en": "The sample script is copied to {path}: each line as typed in the console; your own meeting "
              "runs the same way with deliberate --db DB run FILE.",
    },
    "demo.summary.guide": {"zh": "主持人指南：docs/zh/host.md（英文版 docs/en/host.md）。",
                           "en": "The host guide: docs/zh/host.md (in English: docs/en/host.md)."},
})

# An empty value is left out of the sentence, never shown as "-".
MESSAGES.update({
    "state.meeting.no_secretary": {"zh": "会议：第 {number} 次“{title}”，主持人 {chair}",
                                   "en": "Meeting {number}: '{title}', chair {chair}"},
    "state.present.none": {"zh": "出席 0 人。", "en": "Present: nobody."},
    "minutes.officers.chair": {"zh": "主持人：{chair}", "en": "Chair: {chair}"},
    "minutes.moved.unseconded": {"zh": "动议人：{maker}（无人附议）", "en": "Moved by {maker}; not seconded"},
    "motions.view.vote.uncounted": {"zh": "正在表决 {id}（{method}），尚未计票。",
                                    "en": "Voting on {id} ({method}): not counted yet."},
    "motions.view.vote.roll": {"zh": "正在表决 {id}（{method}）：已点名 {roll} 人。",
                               "en": "Voting on {id} ({method}): {roll} called."},
    "budget.project.unknown.none": {"zh": "项目清单中没有“{name}”，也没有相近的名称。",
                                    "en": "no project '{name}' on the list, and no name on it is close."},
    "poll.cli.closed_projects.none": {"zh": "投票 {poll} 结束：{ballots} 张选票；按 {rule} 没有选出任何项目。",
                                      "en": "Poll {poll} closed: {ballots} ballots; {rule} selects no project."},
    "meeting.the_others": {"zh": "其余的人：{line}", "en": "for the others: {line}"},
    "input.command_needed": {"zh": "{command} 后面要写一个命令。", "en": "{command} needs a command after it."},
    "server.log.refused": {"zh": "拒绝来自 {client} 的选票：{why}", "en": "ballot refused from {client}: {why}"},
    "poll.kind.motion": {"zh": "动议", "en": "motion"},
    "poll.kind.projects": {"zh": "项目", "en": "projects"},
    "motions.vote_waits": {"zh": "对 {question} 的表决暂停：{id} 正待处理，须先处理它。",
                           "en": "the vote on {question} waits: {id} is pending and comes first."},
    "motions.vote_waits.hint": {"zh": "先处理 {id}（秩序问题由主持人裁定：ruling \"……\"），再继续表决。",
                                "en": "deal with {id} first (the chair rules on a point of order: ruling \"…\"), then go on with the vote."},
    "rules.missing.hint": {"zh": "给出规则文件的路径，或内置规则的名称：{builtin}。",
                           "en": "give the path of a rules file, or the name of a built-in one: {builtin}."},
    "floor.hand_raised.unqueued": {"zh": "{name} 举手（{stance}）。", "en": "{name} raised a hand ({stance})."},
    "demo.summary.meeting.no_secretary": {"zh": "第 {number} 次会议“{title}”：{opened}–{closed}，主持 {chair}",
                                          "en": "Meeting {number} '{title}': {opened}–{closed}, chaired by {chair}"},
})
