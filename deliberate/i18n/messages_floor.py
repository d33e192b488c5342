"""Messages of the floor: hands, the queue, speeches, the chair, calls to order."""

MESSAGES = {
    # refusals: what is wrong, then (the .hint) what would be in order instead
    "floor.no_question": {
        "zh": "现在没有待决的议题，不能发言辩论（一时一件）。",
        "en": "no question is pending, so there is nothing to debate (one question at a time).",
    },
    "floor.no_question.hint": {
        "zh": "先有人提出动议并获附议（move \"…\" --by 姓名；second --by 姓名），再举手发言。",
        "en": "first a member moves and another seconds (move \"...\" --by NAME; second --by NAME), then hands go up.",
    },
    "floor.not_stated": {
        "zh": "议题“{text}”尚未由主持人宣布，辩论还不能开始。",
        "en": "the question '{text}' has not been stated by the chair yet, so debate cannot begin.",
    },
    "floor.not_stated.hint": {
        "zh": "等动议获附议、主持人宣布议题后再举手。",
        "en": "wait until the motion is seconded and the chair states the question, then raise hands.",
    },
    "floor.undebatable": {
        "zh": "当前待决的“{text}”不可辩论：应直接表决。",
        "en": "the pending question '{text}' is not debatable: it goes straight to a vote.",
    },
    "floor.undebatable.hint": {
        "zh": "主持人应立即付诸表决；表决后再就下一个议题发言。",
        "en": "the chair puts it to a vote at once; debate resumes on the question after it.",
    },
    "floor.neutral_chair": {
        "zh": "{name} 正在主持会议，主持人不发表意见（主持中立）。",
        "en": "{name} is presiding, and the presiding member gives no opinion (neutral chair).",
    },
    "floor.neutral_chair.hint": {
        "zh": "主持人若要发言，先把主持交给另一位成员（chair pass 姓名），本议题表决后再恢复主持（chair resume）。",
        "en": "to speak, the chair first hands the chair to another member (chair pass NAME) "
              "and resumes once this question is voted (chair resume).",
    },
    "floor.chair_has_spoken": {
        "zh": "{name} 已就本议题发过言，不宜代为主持（主持中立）。",
        "en": "{name} has already spoken on this question and so cannot preside over it (neutral chair).",
    },
    "floor.chair_has_spoken.hint": {
        "zh": "请交给一位尚未就本议题发言的成员主持。",
        "en": "hand the chair to a member who has not spoken on this question.",
    },
    "floor.resume_too_soon": {
        "zh": "{name} 为发言让出了主持，须等本议题表决（或另行处理）后才能恢复主持（主持中立）。",
        "en": "{name} stepped down to speak and resumes the chair only once that question is voted "
              "or otherwise disposed of (neutral chair).",
    },
    "floor.resume_too_soon.hint": {
        "zh": "由代理主持人继续主持到表决结束，然后再 chair resume。",
        "en": "let the acting chair preside until the vote is taken, then chair resume.",
    },
    "floor.chair_not_passed": {
        "zh": "主持人 {name} 并未让出主持，无需恢复。",
        "en": "the chair, {name}, has not handed over the chair; there is nothing to resume.",
    },
    "floor.chair_holds_floor": {
        "zh": "{name} 正拥有发言权，须先结束发言（yield）才能恢复主持。",
        "en": "{name} has the floor and must yield it before resuming the chair.",
    },
    "floor.chair_holds_floor.hint": {"zh": "先 yield，再 chair resume。", "en": "yield first, then chair resume."},
    "floor.use_resume": {
        "zh": "{name} 是本次会议的主持人：交还主持用 chair resume。",
        "en": "{name} is the meeting's chair: give the chair back with chair resume.",
    },
    "floor.use_resume.hint": {
        "zh": "chair resume 会检查让出主持所为的议题是否已表决。",
        "en": "chair resume checks that the question the chair stepped down for has been voted.",
    },
    "floor.already_presiding": {"zh": "{name} 已在主持会议。", "en": "{name} is already presiding."},
    "floor.has_floor": {"zh": "{name} 正拥有发言权。", "en": "{name} has the floor now."},
    "floor.hand_up": {
        "zh": "{name} 已经举手，正在等候发言。",
        "en": "{name} has already raised a hand and is waiting to speak.",
    },
    "floor.hand_up.hint": {
        "zh": "查看等候顺序：queue；若要改变立场，先放下（hand {name} --lower）再举手。",
        "en": "see the order with queue; to change stance, lower the hand (hand {name} --lower) and raise it again.",
    },
    "floor.no_hand": {"zh": "{name} 没有举手。", "en": "{name} has not raised a hand."},
    "floor.no_hand.hint": {"zh": "查看等候名单：queue。", "en": "see who is waiting: queue."},
    "floor.stance": {
        "zh": "{name} 须先表明立场：赞成、反对或提问（立场明确）。",
        "en": "{name} must first state a stance: for, against, or a question (stance first).",
    },
    "floor.stance.hint": {
        "zh": "加上 --stance pro（赞成）、--stance con（反对）或 --stance question（提问）。",
        "en": "add --stance pro (for), --stance con (against) or --stance question.",
    },
    "floor.stance_unknown": {
        "zh": "不认识的立场“{stance}”。",
        "en": "unknown stance '{stance}'.",
    },
    "floor.limits": {
        "zh": "{name} 已就本议题发言 {count} 次，每人每议题最多 {limit} 次（限时限次）。",
        "en": "{name} has spoken {count} time(s) on this question; the limit is {limit} per member (time and count limits).",
    },
    "floor.limits.hint": {
        "zh": "请其他成员发言；规则允许时，主持人可附理由破例（--override \"理由\"），理由记入记录。",
        "en": "let other members speak; where the rules allow, the chair may make an exception "
              "with a recorded reason (--override \"reason\").",
    },
    "floor.queue_empty": {"zh": "没有人在等候发言。", "en": "nobody is waiting to speak."},
    "floor.queue_empty.hint": {
        "zh": "成员举手：hand 姓名 --stance pro|con|question；无人发言时主持人可付诸表决。",
        "en": "members raise hands: hand NAME --stance pro|con|question; with no more speakers the chair may put the question.",
    },
    "floor.no_hand_raised": {
        "zh": "{name} 没有举手，不能指定其发言（机会均等）。",
        "en": "{name} has not raised a hand, so cannot be given the floor (equal opportunity).",
    },
    "floor.no_hand_raised.hint": {
        "zh": "先举手并表明立场：hand {name} --stance pro|con|question。",
        "en": "raise a hand with a stance first: hand {name} --stance pro|con|question.",
    },
    # out of turn: one message per reason the next member goes first
    "floor.out_of_turn.maker_first": {
        "zh": "还没轮到 {name}：动议人 {next} 有权首先发言（机会均等）。",
        "en": "it is not {name}'s turn: {next}, who made the motion, speaks first (equal opportunity).",
    },
    "floor.out_of_turn.alternate": {
        "zh": "还没轮到 {name}：正反方轮流，应先请 {next} 发言（机会均等）。",
        "en": "it is not {name}'s turn: pro and con take turns, so {next} speaks first (equal opportunity).",
    },
    "floor.out_of_turn.new_speaker": {
        "zh": "还没轮到 {name}：{next} 尚未就本议题发言，未发言者优先（机会均等）。",
        "en": "it is not {name}'s turn: {next} has not spoken on this question and goes first (equal opportunity).",
    },
    "floor.out_of_turn.spoken_before": {
        "zh": "还没轮到 {name}：按举手先后应先请 {next} 发言（机会均等）。",
        "en": "it is not {name}'s turn: {next} raised a hand first (equal opportunity).",
    },
    "floor.out_of_turn.first_come": {
        "zh": "还没轮到 {name}：按举手先后应先请 {next} 发言（机会均等）。",
        "en": "it is not {name}'s turn: {next} raised a hand first (equal opportunity).",
    },
    "floor.out_of_turn.hint": {
        "zh": "用 recognize 请下一位；规则允许时，主持人可附理由破例（--override \"理由\"）。",
        "en": "use recognize for the next in turn; where the rules allow, the chair may depart "
              "from the order with a recorded reason (--override \"reason\").",
    },
    "floor.not_recognized": {
        "zh": "{name} 未获主持人准许发言（机会均等）。",
        "en": "{name} has not been recognised by the chair (equal opportunity).",
    },
    "floor.nobody_recognized": {
        "zh": "主持人还没有准许任何人发言（机会均等）。",
        "en": "the chair has not recognised anyone (equal opportunity).",
    },
    "floor.not_recognized.hint": {
        "zh": "先举手（hand 姓名 --stance …），再由主持人准许（recognize）。",
        "en": "raise a hand first (hand NAME --stance ...), then the chair recognises (recognize).",
    },
    "floor.already_speaking": {"zh": "{name} 已在发言。", "en": "{name} is already speaking."},
    "floor.already_speaking.hint": {"zh": "发言结束时用 yield。", "en": "end the speech with yield."},
    "floor.taken": {
        "zh": "{name} 已获发言权，其他人不能插话（发言完整）。",
        "en": "{name} has been given the floor; nobody else may take it now (no interrupting).",
    },
    "floor.taken_speaking": {
        "zh": "{name} 正在发言，不能打断（发言完整）。",
        "en": "{name} is speaking and may not be interrupted (no interrupting).",
    },
    "floor.taken.hint": {
        "zh": "等发言人结束（yield）；只有议事规则表中可打断发言的动议（如秩序问题）可以打断。",
        "en": "wait until the speaker yields; only motions the chart lets interrupt (a point of order, ...) may.",
    },
    "floor.interrupt": {
        "zh": "{holder} 拥有发言权，此时不能提出“{motion}”：它不能打断发言（发言完整）。",
        "en": "{holder} has the floor, and '{motion}' may not interrupt a speaker (no interrupting).",
    },
    "floor.interrupt.hint": {
        "zh": "发言结束时主持人输入 yield，再请动议人发言后提出；秩序问题、权益问题等可打断发言。",
        "en": "when the speaker is done the chair types yield; then recognise the mover. A point of order or a question of privilege may interrupt.",
    },
    "floor.vote_while_speaking": {
        "zh": "{name} 正在发言：付表决即结束辩论，须先结束发言。",
        "en": "{name} is speaking: putting the question ends debate, so the speech must end first.",
    },
    "floor.vote_while_recognized": {
        "zh": "{name} 已获发言权：付表决即结束辩论，须先交还发言权。",
        "en": "{name} has the floor: putting the question ends debate, so the floor must be given up first.",
    },
    "floor.vote_while_speaking.hint": {
        "zh": "输入 yield 结束发言，再输入 vote open（规则文件 vote_ends_speech: true 时付表决自动结束发言）。",
        "en": "type yield to end the speech, then vote open (with vote_ends_speech: true in the rules file, the vote ends it).",
    },
    "floor.reason.override": {"zh": "主持人破例", "en": "the chair's exception"},
    "floor.question_changed": {
        "zh": "{name} 获准发言后，待决议题已变为“{text}”：须重新举手。",
        "en": "since {name} was recognised the pending question has become '{text}': raise a hand again.",
    },
    "floor.question_changed.hint": {
        "zh": "用 yield 交还发言权，再就当前议题举手。",
        "en": "give up the floor with yield, then raise a hand on the question now pending.",
    },
    "floor.nobody_has_floor": {"zh": "现在没有人拥有发言权。", "en": "nobody has the floor."},
    "floor.nobody_has_floor.hint": {
        "zh": "主持人用 recognize 准许下一位发言；queue 查看等候名单。",
        "en": "the chair gives the floor with recognize; queue shows who waits.",
    },
    "floor.override_not_allowed": {
        "zh": "本会规则不允许主持人破例（chair_may_override: false）。",
        "en": "these rules do not let the chair set a floor rule aside (chair_may_override: false).",
    },
    "floor.override_not_allowed.hint": {
        "zh": "须由会议表决暂停规则（suspend the rules），或按规则的顺序进行。",
        "en": "the assembly must vote to suspend the rules, or the order of the rules is followed.",
    },
    "floor.override_unneeded": {
        "zh": "此举符合规则，无需破例：去掉 --override 再执行。",
        "en": "this is in order without an exception: run it again without --override.",
    },
    "floor.order_reason": {
        "zh": "请写明要求 {name} 遵守秩序的理由（--reason）。",
        "en": "give the reason {name} is called to order (--reason).",
    },
    "floor.close_with_floor": {
        "zh": "{name} 仍拥有发言权，会议不能结束。",
        "en": "{name} still has the floor; the meeting cannot close.",
    },
    "floor.close_with_floor.hint": {"zh": "先 yield 结束发言。", "en": "end the speech with yield first."},
    "floor.bad_stance": {
        "zh": "立场“{value}”无法识别：用 pro（赞成）、con（反对）或 question（提问）。",
        "en": "cannot read the stance '{value}': use pro (for), con (against) or question.",
    },
    # the reasons of the queue order
    "floor.reason.maker_first": {"zh": "动议人先发言", "en": "the maker speaks first"},
    "floor.reason.alternate": {"zh": "正反方轮流", "en": "pro and con take turns"},
    "floor.reason.new_speaker": {"zh": "未发言者优先", "en": "has not spoken yet, goes first"},
    "floor.reason.spoken_before": {"zh": "已发过言，排在未发言者之后", "en": "has spoken, waits behind new speakers"},
    "floor.reason.first_come": {"zh": "按举手先后", "en": "in the order hands were raised"},
    # stances
    "floor.stance.pro": {"zh": "赞成", "en": "for"},
    "floor.stance.con": {"zh": "反对", "en": "against"},
    "floor.stance.question": {"zh": "提问", "en": "question"},
    "floor.stance.none": {"zh": "未表态", "en": "no stance"},
    # what the commands say
    "floor.hand_raised": {
        "zh": "{name} 举手（{stance}），排第 {position} 位。",
        "en": "{name} raised a hand ({stance}), number {position} in the queue.",
    },
    "floor.hand_lowered": {"zh": "{name} 放下了手。", "en": "{name} lowered the hand."},
    "floor.recognized": {
        "zh": "主持人请 {name} 发言（{stance}，{why}）。",
        "en": "The chair recognises {name} ({stance}; {why}).",
    },
    "floor.override_recorded": {
        "zh": "  已记录破例（{rules}）：{reason}",
        "en": "  exception recorded ({rules}): {reason}",
    },
    "floor.speech_started": {
        "zh": "{name} 开始发言（{stance}，第 {number} 次，限时 {limit}）。",
        "en": "{name} begins speaking ({stance}, speech {number}, {limit} allowed).",
    },
    "floor.speech_ended": {
        "zh": "{name} 发言结束，用时 {duration}。",
        "en": "{name} finished speaking after {duration}.",
    },
    "floor.speech_overrun": {
        "zh": "  超时 {overrun}，已记录。",
        "en": "  over time by {overrun}; recorded.",
    },
    "floor.speech_cut": {"zh": "  主持人请发言人停止。", "en": "  the chair stopped the speaker."},
    "floor.yielded": {"zh": "{name} 交还发言权（未发言）。", "en": "{name} gave up the floor without speaking."},
    "floor.chair_passed": {
        "zh": "{from_name} 将主持交给 {to}。",
        "en": "{from_name} hands the chair to {to}.",
    },
    "floor.chair_resumed": {"zh": "{name} 恢复主持。", "en": "{name} resumes the chair."},
    "floor.called_to_order": {
        "zh": "主持人提请 {name} 遵守秩序：{reason}（文明表达）",
        "en": "The chair calls {name} to order: {reason} (civil words)",
    },
    # the queue and the state
    "floor.queue_title": {"zh": "等候发言（{text}）：", "en": "Waiting to speak on '{text}':"},
    "floor.queue_line": {
        "zh": "  {position}. {name}（{stance}，已发言 {spoken} 次）— {why}",
        "en": "  {position}. {name} ({stance}, spoken {spoken}) - {why}",
    },
    "floor.queue_none": {"zh": "  （无人等候）", "en": "  (nobody waiting)"},
    "floor.no_question_now": {"zh": "发言：当前无待决议题。", "en": "Floor: no question pending."},
    "floor.state_presiding": {"zh": "主持：{name}{passed}", "en": "Presiding: {name}{passed}"},
    "floor.state_passed": {"zh": "（代理主持）", "en": " (acting chair)"},
    "floor.state_speaking": {
        "zh": "发言中：{name}（{stance}）已用 {elapsed}，剩余 {remaining}",
        "en": "Speaking: {name} ({stance}), {elapsed} used, {remaining} left",
    },
    "floor.state_over": {
        "zh": "发言中：{name}（{stance}）已超时 {over}",
        "en": "Speaking: {name} ({stance}), over time by {over}",
    },
    "floor.state_recognized": {
        "zh": "已获发言权：{name}（{stance}），尚未开始",
        "en": "Has the floor: {name} ({stance}), not yet begun",
    },
    "floor.state_queue": {"zh": "等候：{names}", "en": "Waiting: {names}"},
    # the console's bottom line (the live timer)
    "floor.timer": {"zh": "⏱ {name}（{stance}）剩余 {remaining}", "en": "⏱ {name} ({stance}) {remaining} left"},
    "floor.timer_warn": {
        "zh": "⏱ {name}（{stance}）剩余 {remaining}：即将到时",
        "en": "⏱ {name} ({stance}) {remaining} left: time nearly up",
    },
    "floor.timer_over_cut": {
        "zh": "⏱ {name} 超时 {over}：时间到，主持人应请发言人停止（yield）",
        "en": "⏱ {name} OVER by {over}: time is up, the chair stops the speaker (yield)",
    },
    "floor.timer_over": {
        "zh": "⏱ {name} 超时 {over}：超时将被记录",
        "en": "⏱ {name} OVER by {over}: the overrun will be recorded",
    },
    "floor.timer_recognized": {
        "zh": "{name} 已获发言权，等待开始（speak）",
        "en": "{name} has the floor; start with speak",
    },
}
