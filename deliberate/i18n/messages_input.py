"""Messages for input that can never be valid: texts, names, numbers, times, encodings, files (exit 2)."""

MESSAGES = {
    # what a text is, shown inside the messages below
    "input.what.motion": {"zh": "动议文字", "en": "the motion's text"},
    "input.what.reason": {"zh": "理由", "en": "the reason"},
    "input.what.title": {"zh": "标题或名称", "en": "the title or name"},
    "input.what.name": {"zh": "姓名", "en": "the name"},
    "input.what.text": {"zh": "文字", "en": "the text"},
    # texts and names
    "input.text.control": {
        "zh": "{what}第 {position} 个字符是控制字符 {char}：删去它（除换行外不允许控制字符）。",
        "en": "{what} has a control character {char} at character {position}: remove it (only line breaks are allowed).",
    },
    "input.text.not_utf8": {
        "zh": "{what}第 {position} 个字符不是有效的 UTF-8：请把终端或文件设为 UTF-8 后重新输入。",
        "en": "{what} is not valid UTF-8 at character {position}: set the terminal or file to UTF-8 and type it again.",
    },
    "input.text.too_long": {
        "zh": "{what}有 {length} 个字，最多 {limit} 个：请精简。",
        "en": "{what} is {length} characters long; the limit is {limit}: shorten it.",
    },
    "input.name.empty": {
        "zh": "{what}去掉不可见字符后是空的：请输入看得见的文字。",
        "en": "{what} is empty once invisible characters are removed: type a visible name.",
    },
    # numbers
    "input.money.too_large": {
        "zh": "金额 {value} 太大：最多 {limit} 元（1 万亿元）。请检查位数。",
        "en": "the amount {value} is too large: money is at most {limit} yuan (one trillion). Check the digits.",
    },
    "input.event_number": {
        "zh": "事件编号“{value}”无效：应为 1 到 {limit} 之间的整数。",
        "en": "'{value}' is not an event number: give a whole number from 1 to {limit}.",
    },
    "input.count": {
        "zh": "“{value}”不是有效的数目：应为 0 到 {limit} 之间的整数。",
        "en": "'{value}' is not a count: give a whole number from 0 to {limit}.",
    },
    # times
    "input.time.empty": {
        "zh": "时间是空的：--at 后面请给出时间，如 2026-11-20T19:30。",
        "en": "the time is empty: give --at a time such as 2026-11-20T19:30.",
    },
    "input.time.too_early": {
        "zh": "时间 {value} 太早：记录的时间应在 1970 年到现在之间。",
        "en": "the time {value} is too early: a recorded time lies between 1970 and now.",
    },
    "input.time.future": {
        "zh": "时间 {value} 在未来（现在是 {now}）：记录只能登记已经发生的事，请检查日期和时区。",
        "en": "the time {value} is in the future (it is now {now}): a record is of what has happened; check the date and the time zone.",
    },
    # encodings of files
    "input.encoding.bad_utf8": {
        "zh": "{file} 第 {line} 行（字节 {byte}）不是有效的 UTF-8：请把文件另存为 UTF-8。",
        "en": "{file} line {line} (byte {byte}) is not valid UTF-8: save the file as UTF-8.",
    },
    "input.encoding.bad_utf16": {
        "zh": "{file} 以 UTF-16 标记开头，但在字节 {byte} 处不完整：请把文件另存为 UTF-8。",
        "en": "{file} starts as UTF-16 but breaks off at byte {byte}: save the file as UTF-8.",
    },
    "input.encoding.mixed": {
        "zh": "{file} 混用了 UTF-8 与 GB18030 两种编码，第 {line} 行与其他行不同：请把整个文件另存为同一种编码。",
        "en": "{file} mixes UTF-8 and GB18030: line {line} is in another encoding than the rest. Save the whole file in one encoding.",
    },
    # roster files
    "csv.unclosed_quote": {
        "zh": "{file} 第 {line} 行的引号没有闭合：补上配对的引号。",
        "en": "{file} line {line} opens a quote that is never closed: add the closing quote.",
    },
    # scripts
    "script.line_too_long": {
        "zh": "{file} 第 {line} 行超过 {limit} KB：一行只写一条命令，长文字请精简。",
        "en": "{file} line {line} is longer than {limit} KB: one command a line; shorten the text.",
    },
    # databases
    "store.empty": {
        "zh": "{path} 是空文件，不是 deliberate 的数据库：用 deliberate init 建立，或用 --db 指向正确的文件。",
        "en": "{path} is an empty file, not a deliberate database: create one with deliberate init, or name the right file with --db.",
    },
    "store.unreadable": {
        "zh": "无法读取 {path}：{why}。检查文件的读权限。",
        "en": "cannot read {path}: {why}. Check the file's permissions.",
    },
    # rules files
    "rules.not_a_file": {
        "zh": "{path} 不是普通文件：请给出一个 YAML 规则文件。",
        "en": "{path} is not a regular file: give a YAML rules file.",
    },
    "rules.too_large": {
        "zh": "规则文件 {path} 超过 {limit} MB：规则文件只需几 KB，请检查是否选错了文件。",
        "en": "the rules file {path} is larger than {limit} MB: a rules file is a few KB; check that this is the right file.",
    },
    "rules.encoding": {
        "zh": "规则文件 {path} 第 {line} 行（字节 {byte}）不是有效的 UTF-8：请另存为 UTF-8。",
        "en": "the rules file {path} is not valid UTF-8 at line {line} (byte {byte}): save it as UTF-8.",
    },
    "rules.alias": {
        "zh": "{file} 第 {line} 行使用了 YAML 别名（* 或 &）：规则文件中请直接写出每个值。",
        "en": "{file} line {line} uses a YAML alias or anchor (* or &): write each value out in a rules file.",
    },
    "rules.too_deep": {
        "zh": "{file} 第 {line} 行嵌套超过 {limit} 层：规则文件不需要这么深的结构。",
        "en": "{file} line {line} nests deeper than {limit} levels: a rules file needs no such depth.",
    },
    "rules.duplicate_key": {
        "zh": "{file}：键“{key}”出现两次，第 {first} 行和第 {second} 行：只保留一个。",
        "en": "{file}: the key '{key}' appears twice, at line {first} and line {second}: keep one.",
    },
    "rules.number_too_long": {
        "zh": "{file} 第 {line} 行的数字位数太多：规则中的数字最多 {limit}。",
        "en": "{file} line {line} has a number with too many digits: numbers in the rules are at most {limit}.",
    },
    "rules.why.too_big": {
        "zh": "{value} 太大：最多 {limit}",
        "en": "{value} is too large: at most {limit}",
    },
    "rules.why.chart_name": {
        "zh": "动议表“{chart}”应是与规则文件同一目录下的 .yaml 文件名（不含路径）",
        "en": "the chart '{chart}' must be the name of a .yaml file in the rules file's own folder (no path)",
    },
    "rules.why.chart_not_file": {
        "zh": "动议表“{chart}”不是普通文件",
        "en": "the chart '{chart}' is not a regular file",
    },
    "rules.why.chart_too_large": {
        "zh": "动议表“{chart}”超过 {limit} MB",
        "en": "the chart '{chart}' is larger than {limit} MB",
    },
    "rules.why.chart_encoding": {
        "zh": "动议表“{chart}”第 {line} 行（字节 {byte}）不是有效的 UTF-8",
        "en": "the chart '{chart}' is not valid UTF-8 at line {line} (byte {byte})",
    },
    "rules.why.chart_yaml": {
        "zh": "动议表“{chart}”第 {line} 行：{why}",
        "en": "the chart '{chart}' line {line}: {why}",
    },
    "rules.why.yaml_alias": {"zh": "使用了 YAML 别名（* 或 &）", "en": "uses a YAML alias or anchor (* or &)"},
    "rules.why.yaml_deep": {"zh": "嵌套过深", "en": "nests too deep"},
    "rules.why.yaml_duplicate": {
        "zh": "键“{key}”出现两次（第 {first} 行和第 {second} 行）",
        "en": "the key '{key}' appears twice (lines {first} and {second})",
    },
    # pabulib files
    "budget.pb.too_large": {
        "zh": "第{line}行：字段 {field} 的数值太大，最多 {limit}。请检查位数。",
        "en": "line {line}: field {field} is too large; the limit is {limit}. Check the digits.",
    },
}
