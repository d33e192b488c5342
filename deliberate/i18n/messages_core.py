"""Messages of the spine: the record, the roster, the meeting, input and output."""

MESSAGES = {
    # labels
    "label.refused": {"zh": "不允许", "en": "Refused"},
    "label.error": {"zh": "错误", "en": "Error"},
    # the record
    "record.chronology": {
        "zh": "时间 {at} 早于上一条记录的时间 {last}：记录须按发生顺序录入。",
        "en": "the time {at} is before the last recorded time {last}: enter the record in the order it happened.",
    },
    "record.chronology.hint": {
        "zh": "用 --at 给出不早于 {last} 的时间；补录更早举行的会议，用 meeting open ... --paper 开始。",
        "en": "give an --at time no earlier than {last}; to enter a meeting held earlier, open it with meeting open ... --paper.",
    },
    "record.chronology.paper": {
        "zh": "时间 {at} 早于这次补录会议上一条记录的时间 {last}：纸质会议记录须按发生顺序录入。",
        "en": "the time {at} is before {last}, the last time of this meeting entered from paper: enter its lines in the order they happened.",
    },
    "record.chronology.paper.hint": {
        "zh": "用 --at 或 @ 行给出不早于 {last} 的时间。",
        "en": "give an --at (or @) time no earlier than {last}.",
    },
    "record.already_created": {
        "zh": "数据库已属于“{name}”，不能再次建立。",
        "en": "this database already belongs to '{name}'; it cannot be created twice.",
    },
    "record.community_name": {"zh": "议事会名称不能为空。", "en": "the community needs a name."},
    "record.not_created": {
        "zh": "数据库尚未建立议事会：先运行 deliberate init 名称。",
        "en": "no community in this database yet: run deliberate init NAME first.",
    },
    # the store
    "store.exists": {
        "zh": "{path} 已存在：换一个文件名，或用 --db 指向它继续使用。",
        "en": "{path} already exists: choose another file, or use --db to keep using it.",
    },
    "store.cannot_create": {
        "zh": "无法建立数据库 {path}：{why}。检查目录是否存在且可写。",
        "en": "cannot create the database {path}: {why}. Check that the folder exists and is writable.",
    },
    "store.missing": {
        "zh": "找不到数据库 {path}：先用 deliberate init 建立，或用 --db 指定文件。",
        "en": "no database at {path}: create one with deliberate init, or name it with --db.",
    },
    "store.not_ours": {
        "zh": "{path} 不是 deliberate 的数据库（文件损坏或属于其他程序）。",
        "en": "{path} is not a deliberate database (damaged, or another program's file).",
    },
    "store.format_version": {
        "zh": "{path} 的记录格式是第 {version} 版，这个版本的 deliberate 只能读取第 {readable} 版：请升级 deliberate。",
        "en": "{path} holds a record of format version {version}; this deliberate reads versions {readable} only: "
              "upgrade deliberate to open it.",
    },
    "store.busy": {
        "zh": "数据库正忙（另一个 deliberate 正在写入）：请稍后再试。",
        "en": "The database is busy (another deliberate is writing); try again.",
    },
    "store.readonly": {
        "zh": "无法写入 {path}：{why}。检查文件和目录的写权限。",
        "en": "cannot write to {path}: {why}. Check the file's and the folder's permissions.",
    },
    # the rules file
    "rules.missing": {
        "zh": "找不到规则文件 {path}。",
        "en": "no rules file at {path}.",
    },
    "rules.unreadable": {
        "zh": "无法读取规则文件 {path}：{why}",
        "en": "cannot read the rules file {path}: {why}",
    },
    "rules.yaml_syntax": {
        "zh": "{file} 第 {line} 行：YAML 格式错误（{why}）。",
        "en": "{file} line {line}: not valid YAML ({why}).",
    },
    "rules.not_mapping": {
        "zh": "{file}：规则文件应是“键: 值”的映射。",
        "en": "{file}: a rules file must be a mapping of keys to values.",
    },
    "rules.invalid": {
        "zh": "{file} 第 {line} 行，{key}：{why}",
        "en": "{file} line {line}, {key}: {why}",
    },
    "rules.invalid.hint": {
        "zh": "改正该键后用 deliberate rules check 文件 再检查；会议在规则有效前不能开始。",
        "en": "fix that key and check again with deliberate rules check FILE; no meeting opens until the rules are valid.",
    },
    # why a rules file is invalid (shown inside rules.invalid)
    "rules.why.unknown_key_guess": {
        "zh": "不认识的键“{name}”（是否应为“{guess}”？）",
        "en": "unknown key '{name}' (did you mean '{guess}'?)",
    },
    "rules.why.unknown_key": {
        "zh": "不认识的键“{name}”；这里可用的键：{known}",
        "en": "unknown key '{name}'; the keys here are: {known}",
    },
    "rules.why.missing_key": {"zh": "缺少键“{name}”", "en": "missing key '{name}'"},
    "rules.why.not_mapping": {
        "zh": "这里应是“键: 值”的映射，实际是 {found}",
        "en": "expected a mapping, found {found}",
    },
    "rules.why.not_choice": {"zh": "“{value}”不是可选值之一：{choices}", "en": "'{value}' is not one of {choices}"},
    "rules.why.not_bool": {"zh": "应为 true 或 false，实际是 {value}", "en": "expected true or false, found {value}"},
    "rules.why.not_count": {
        "zh": "应为不小于 0 的整数，实际是 {value}",
        "en": "expected a whole number >= 0, found {value}",
    },
    "rules.why.not_text": {"zh": "应为文字，实际是 {value}", "en": "expected text, found {value}"},
    "rules.why.quorum": {
        "zh": "“{value}”不是 majority、人数或名册比例（如 1/2）",
        "en": "'{value}' is not 'majority', a number or a fraction like 1/2",
    },
    "rules.why.quorum_share": {
        "zh": "名册比例 {value} 应大于 0 且不超过 1",
        "en": "a fraction of the roster must lie in (0, 1], not {value}",
    },
    "rules.why.speech_zero": {"zh": "每次发言至少 1 秒", "en": "a speech needs at least one second"},
    "rules.why.prefix": {
        "zh": "“{value}”只能用小写字母、数字和下划线",
        "en": "'{value}': use lower-case letters, digits and _",
    },
    "rules.why.not_overridable": {
        "zh": "“{names}”不能破例；可选：{choices}",
        "en": "'{names}' cannot be set aside; choose from {choices}",
    },
    "rules.why.no_chart": {
        "zh": "{source} 旁边和内置规则中都没有动议表文件“{chart}”",
        "en": "no chart file '{chart}' beside {source} or among the built-in rules",
    },
    "rules.title": {"zh": "现行规则：{name}（{source}）", "en": "Rules in force: {name} ({source})"},
    "rules.valid": {"zh": "{file} 有效：{name}", "en": "{file} is valid: {name}"},
    "rules.adopted": {"zh": "已采用规则：{name}", "en": "Rules adopted: {name}"},
    # input
    "input.bad_time": {
        "zh": "时间“{value}”无法识别：请用 ISO 8601，如 2026-11-20T19:30 或 2026-11-20T19:30:00+08:00。",
        "en": "cannot read the time '{value}': use ISO 8601, e.g. 2026-11-20T19:30 or 2026-11-20T19:30:00+08:00.",
    },
    "input.option_needs_value": {"zh": "{option} 后面需要一个值。", "en": "{option} needs a value."},
    "input.bad_lang": {"zh": "不支持的语言“{value}”：用 zh 或 en。", "en": "unknown language '{value}': use zh or en."},
    "input.db_in_session": {
        "zh": "控制台或脚本中不能切换数据库：退出后用 --db 另行打开。",
        "en": "the database cannot change inside a console or script: leave and open the other with --db.",
    },
    "input.usage_hint": {"zh": "用法见 {command} --help。", "en": "see {command} --help for usage."},
    "input.bad_quoting": {
        "zh": "引号不配对（{why}）：含空格的文字请用成对的引号括起。",
        "en": "unbalanced quotes ({why}): put text with spaces between a pair of quotes.",
    },
    # CSV roster files
    "csv.unreadable": {"zh": "无法读取 {file}：{why}", "en": "cannot read {file}: {why}"},
    "csv.encoding": {
        "zh": "{file} 的编码无法识别：请另存为 UTF-8 或 GB18030 编码的 CSV。",
        "en": "cannot tell the encoding of {file}: save it as CSV in UTF-8 or GB18030.",
    },
    "csv.empty": {"zh": "{file} 是空文件。", "en": "{file} is empty."},
    "csv.no_rows": {"zh": "{file} 只有表头，没有成员。", "en": "{file} has a header but no members."},
    "csv.malformed": {
        "zh": "{file} 第 {row} 行：CSV 格式错误（{why}）。",
        "en": "{file} row {row}: malformed CSV ({why}).",
    },
    "csv.extra_cells": {
        "zh": "{file} 第 {row} 行有 {count} 列，表头只有 {columns} 列：检查该行是否多了逗号。",
        "en": "{file} row {row} has {count} cells but the header has {columns}: look for a stray comma.",
    },
    "csv.duplicate_column": {
        "zh": "{file}：表头中“{column}”重复。",
        "en": "{file}: the column '{column}' appears twice in the header.",
    },
    "csv.unknown_column": {
        "zh": "{file}：不认识的列“{column}”。可用的列：{known}。",
        "en": "{file}: unknown column '{column}'. Known columns: {known}.",
    },
    "csv.no_name_column": {
        "zh": "{file}：表头中没有姓名列（name 或 姓名）。",
        "en": "{file}: the header has no name column (name or 姓名).",
    },
    # the roster
    "roster.invalid": {
        "zh": "名册有 {count} 处问题，整份未导入：",
        "en": "{count} problem(s) in the roster; nothing was imported:",
    },
    "roster.invalid.hint": {
        "zh": "改正这些行后重新导入；一行有误则整份不导入。",
        "en": "fix these rows and import again; one bad row keeps the whole file out.",
    },
    "roster.row": {"zh": "第 {row} 行 ", "en": "row {row} "},
    "roster.problem.empty_name": {"zh": "姓名为空", "en": "the name is empty"},
    "roster.problem.already_member": {"zh": "已在名册中", "en": "already on the roster"},
    "roster.problem.duplicate": {"zh": "与第 {first} 行重名", "en": "same name as row {first}"},
    "roster.problem.phone": {
        "zh": "电话“{phone}”不是有效的号码（手机 11 位，或带区号的座机）",
        "en": "'{phone}' is not a phone number (11-digit mobile, or a landline with area code)",
    },
    "roster.problem.id_number": {
        "zh": "身份证号不是有效的 18 位号码（校验位不符）",
        "en": "the ID number is not a valid 18-character number (check digit mismatch)",
    },
    "roster.problem.long_name": {"zh": "姓名超过 60 个字", "en": "the name is longer than 60 characters"},
    "roster.unknown": {
        "zh": "名册中没有“{name}”（相近的名字：{suggest}）。",
        "en": "'{name}' is not on the roster (close names: {suggest}).",
    },
    "roster.unknown.hint": {
        "zh": "用 deliberate member list 查看名册，或先用 member add 添加。",
        "en": "see the roster with deliberate member list, or add them with member add.",
    },
    "roster.remove_present": {
        "zh": "{name} 正在会场：先记录离场再移出名册。",
        "en": "{name} is present at the meeting: record the departure first.",
    },
    "roster.added": {"zh": "已添加 {count} 名成员：{names}", "en": "Added {count} member(s): {names}"},
    "roster.removed": {"zh": "已将 {name} 移出名册。", "en": "{name} is off the roster."},
    "roster.count": {"zh": "共 {count} 人", "en": "{count} member(s)"},
    "roster.column.id": {"zh": "编号", "en": "id"},
    "roster.column.name": {"zh": "姓名", "en": "name"},
    "roster.column.role": {"zh": "角色", "en": "role"},
    "roster.column.unit": {"zh": "住址", "en": "unit"},
    "roster.column.phone": {"zh": "电话", "en": "phone"},
    "roster.column.id_number": {"zh": "身份证号", "en": "ID number"},
    # the community
    "community.created": {
        "zh": "已建立“{name}”：{db}，规则：{rules}",
        "en": "Created '{name}' in {db}, rules: {rules}",
    },
    "community.fingerprint": {
        "zh": "议事会密钥指纹（请念出并印在纸质纪要上）：{fingerprint}",
        "en": "Community key fingerprint (read it aloud, print it on paper minutes): {fingerprint}",
    },
    # the meeting
    "meeting.not_open": {"zh": "现在没有进行中的会议。", "en": "no meeting is in session."},
    "meeting.not_open.hint": {
        "zh": "先用 meeting open 标题 --chair 主持人 开会。",
        "en": "open one with meeting open TITLE --chair NAME.",
    },
    "meeting.already_open": {
        "zh": "会议“{title}”仍在进行：一次只能开一个会。",
        "en": "the meeting '{title}' is still in session: one meeting at a time.",
    },
    "meeting.already_open.hint": {
        "zh": "先用 meeting close 散会。",
        "en": "close it first with meeting close.",
    },
    "meeting.title": {"zh": "会议需要标题。", "en": "the meeting needs a title."},
    "meeting.chair_needed": {"zh": "会议需要主持人（--chair）。", "en": "the meeting needs a chair (--chair)."},
    "meeting.chair_must_be_member": {
        "zh": "按本规则，主持人须是名册成员，“{name}”不在名册中。",
        "en": "these rules require the chair to be a member; '{name}' is not on the roster.",
    },
    "meeting.absent": {
        "zh": "{name} 不在会场：只有出席的成员才能动议、附议、发言和表决。",
        "en": "{name} is not present: only members present may move, second, speak or vote.",
    },
    "meeting.absent.hint": {"zh": "先签到：attend {name}。", "en": "mark them present first: attend {name}."},
    "meeting.attend_whom": {"zh": "请写出签到成员的姓名。", "en": "name the members who arrived."},
    "meeting.already_present": {"zh": "{name} 已签到。", "en": "{name} is already present."},
    "meeting.not_present": {"zh": "{name} 不在会场。", "en": "{name} is not present."},
    "meeting.rules_in_session": {
        "zh": "会议进行中不能更换规则：散会后再采用新规则。",
        "en": "the rules cannot change during a meeting: adopt them after it closes.",
    },
    "meeting.opened": {
        "zh": "第 {number} 次会议“{title}”开始，主持人：{chair}",
        "en": "Meeting {number} '{title}' is open; chair: {chair}",
    },
    "meeting.closed": {"zh": "会议“{title}”散会。", "en": "The meeting '{title}' is closed."},
    "meeting.attended": {"zh": "签到：{names}", "en": "Present: {names}"},
    "meeting.departed": {"zh": "离场：{names}", "en": "Left: {names}"},
    "meeting.quorum_met": {
        "zh": "出席 {present} 人 / 法定人数 {required} 人（名册 {roster} 人）：已达法定人数。",
        "en": "Present {present} / quorum {required} (roster {roster}): quorum present.",
    },
    "meeting.quorum_not_met": {
        "zh": "出席 {present} 人 / 法定人数 {required} 人（名册 {roster} 人）：未达法定人数。",
        "en": "Present {present} / quorum {required} (roster {roster}): no quorum.",
    },
    # the state
    "state.community": {"zh": "议事会：{name}（名册 {roster} 人）", "en": "Community: {name} (roster {roster})"},
    "state.meeting": {
        "zh": "会议：第 {number} 次“{title}”，主持人 {chair}，记录员 {secretary}",
        "en": "Meeting {number}: '{title}', chair {chair}, secretary {secretary}",
    },
    "state.present": {"zh": "出席 {count} 人：{names}", "en": "Present ({count}): {names}"},
    "state.no_meeting": {"zh": "没有进行中的会议（已开 {held} 次）。", "en": "No meeting in session ({held} held)."},
    "log.empty": {"zh": "没有事件。", "en": "No events."},
    # scripts and the console
    "script.unreadable": {"zh": "无法读取脚本 {file}：{why}", "en": "cannot read the script {file}: {why}"},
    "script.not_in_script": {
        "zh": "“{verb}”不能在脚本或控制台中使用。",
        "en": "'{verb}' cannot be used inside a script or the console.",
    },
    "script.at_line": {"zh": "  位置：{file} 第 {line} 行：{text}", "en": "  at {file} line {line}: {text}"},
    "script.refused_as_expected": {
        "zh": "  （第 {line} 行按预期被拒绝，继续执行）",
        "en": "  (line {line} was refused, as expected; going on)",
    },
    "script.not_refused": {
        "zh": "{file} 第 {line} 行应被拒绝，却已记录：{text}",
        "en": "{file} line {line} was expected to be refused but was recorded: {text}",
    },
    "script.summary": {"zh": "执行 {ran} 行，{failed} 行未通过。", "en": "Ran {ran} line(s), {failed} refused or failed."},
    "console.welcome": {
        "zh": "deliberate 控制台：输入与命令行相同的指令；help 查看帮助，exit 退出，Tab 补全。",
        "en": "deliberate console: type the same lines as on the command line; help for help, exit to leave, Tab completes.",
    },
}

MESSAGES.update({
    "demo.done": {
        "zh": "示例会议完成（{lines} 行）：{db}。用 deliberate --db {db} state 查看。",
        "en": "The sample meeting is done ({lines} lines): {db}. See it with deliberate --db {db} state.",
    },
})
