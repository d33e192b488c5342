"""Messages of budget elections (deliberate.ballots: model, pabulib files, selection rules, CLI)."""

MESSAGES = {
    # -- the election model -------------------------------------------------------------
    "budget.model.bad_budget": {
        "zh": "预算“{value}”无效：预算必须是不小于 0 的整数金额。请改为整数，例如 100000。",
        "en": "budget {value!r} is not valid: a budget must be a whole amount of money, 0 or more. Use a whole number such as 100000.",
    },
    "budget.model.duplicate_project": {
        "zh": "项目编号“{project}”出现了两次。每个项目的编号必须唯一，请删除或改名其中一个。",
        "en": "project id {project!r} appears twice. Each project needs its own id: remove or rename one of them.",
    },
    "budget.model.bad_cost": {
        "zh": "项目“{project}”的费用“{value}”无效：费用必须是不小于 0 的整数金额。",
        "en": "project {project!r} has cost {value!r}: a cost must be a whole amount of money, 0 or more.",
    },
    "budget.model.duplicate_voter": {
        "zh": "投票人“{voter}”投了两张选票。每位投票人只能有一张选票，请删除重复的一张。",
        "en": "voter {voter!r} has two ballots. Each voter has one ballot: remove the duplicate.",
    },
    "budget.model.duplicate_in_ballot": {
        "zh": "投票人“{voter}”的选票中项目“{project}”出现了两次。每个项目在一张选票上只能出现一次。",
        "en": "voter {voter!r} lists project {project!r} twice. A ballot lists each project at most once.",
    },
    "budget.model.unknown_project": {
        "zh": "投票人“{voter}”投给了不存在的项目“{project}”。请检查项目编号，或把该项目加入项目清单。",
        "en": "voter {voter!r} votes for project {project!r}, which is not on the list of projects. Check the id, or add the project.",
    },
    "budget.model.points_mismatch": {
        "zh": "投票人“{voter}”的分数个数与所投项目个数不一致。每个项目需要对应一个分数。",
        "en": "voter {voter!r} has a different number of points and projects. Give one number of points per project.",
    },
    "budget.model.negative_points": {
        "zh": "投票人“{voter}”的分数中有负数。分数必须是不小于 0 的整数。",
        "en": "voter {voter!r} gives negative points. Points must be whole numbers, 0 or more.",
    },
    # -- pabulib files ------------------------------------------------------------------
    "budget.pb.unreadable": {
        "zh": "无法读取文件 {path}：{reason}。请检查路径和文件权限。",
        "en": "cannot read {path}: {reason}. Check the path and the file's permissions.",
    },
    "budget.pb.encoding": {
        "zh": "第{line}行：文件不是 UTF-8 编码（字节 {byte}）。请把文件另存为 UTF-8 后重试。",
        "en": "line {line}: the file is not UTF-8 (byte {byte}). Save the file as UTF-8 and try again.",
    },
    "budget.pb.quote": {
        "zh": "第{line}行：引号不匹配。带引号的字段必须以引号结束，字段内的引号要写成两个（\"\"）。",
        "en": "line {line}: unbalanced quotes. A quoted field must end with a quote; write a quote inside it as two (\"\").",
    },
    "budget.pb.not_money": {
        "zh": "第{line}行：字段 {field} 的值“{value}”不是整数金额。请写成整数，例如 150000（不要用逗号或货币符号）。",
        "en": "line {line}: field {field} is {value!r}, not a whole amount of money. Write a whole number such as 150000 (no commas, no currency sign).",
    },
    "budget.pb.section_twice": {
        "zh": "第{line}行：{section} 部分出现了第二次。每个部分（META、PROJECTS、VOTES）只能出现一次。",
        "en": "line {line}: a second {section} section. Each section (META, PROJECTS, VOTES) appears once.",
    },
    "budget.pb.before_section": {
        "zh": "第{line}行：这一行不属于任何部分。文件必须以 META 行开始，然后是 PROJECTS 和 VOTES。",
        "en": "line {line}: this line is outside any section. A file starts with a META line, then PROJECTS and VOTES.",
    },
    "budget.pb.missing_section": {
        "zh": "文件缺少 {section} 部分。pabulib 文件需要 META、PROJECTS、VOTES 三个部分，各自单独成行。",
        "en": "the file has no {section} section. A pabulib file needs META, PROJECTS and VOTES, each on a line of its own.",
    },
    "budget.pb.no_header": {
        "zh": "{section} 部分是空的：它的第一行必须是表头（例如 project_id;cost）。",
        "en": "the {section} section is empty: its first line must be a header (such as project_id;cost).",
    },
    "budget.pb.no_budget": {
        "zh": "第{line}行起的 META 部分没有 budget（预算）一项。请加一行 budget;金额。",
        "en": "the META section (from line {line}) has no budget. Add a line budget;AMOUNT.",
    },
    "budget.pb.vote_type": {
        "zh": "第{line}行：投票类型“{value}”不受支持。可用的类型：{types}。",
        "en": "line {line}: vote type {value!r} is not supported. Supported types: {types}.",
    },
    "budget.pb.missing_column": {
        "zh": "第{line}行：{section} 部分的表头缺少列 {column}。请在表头中加入该列。",
        "en": "line {line}: the {section} header has no column {column}. Add it to the header.",
    },
    "budget.pb.field_count": {
        "zh": "第{line}行：{section} 部分这一行有 {found} 个字段，表头有 {expected} 个。请检查分号“;”；字段内的分号需要放在引号中。",
        "en": "line {line}: this {section} row has {found} fields but the header has {expected}. Check the semicolons; a semicolon inside a field needs quotes.",
    },
    "budget.pb.empty_field": {
        "zh": "第{line}行：字段 {field} 为空。请填写编号。",
        "en": "line {line}: field {field} is empty. Fill in the id.",
    },
    "budget.pb.duplicate_project": {
        "zh": "第{line}行：项目编号“{project}”在第{first}行已经出现过。每个项目的编号必须唯一。",
        "en": "line {line}: project id {project!r} already appears on line {first}. Each project needs its own id.",
    },
    "budget.pb.duplicate_voter": {
        "zh": "第{line}行：投票人“{voter}”在第{first}行已经投过票。每位投票人只能有一张选票，请删除重复的一行。",
        "en": "line {line}: voter {voter!r} already voted on line {first}. Each voter has one ballot: remove the duplicate line.",
    },
    "budget.pb.unknown_project": {
        "zh": "第{line}行：投票人“{voter}”投给了 PROJECTS 部分中没有的项目“{project}”（字段 vote）。请检查项目编号。",
        "en": "line {line}: voter {voter!r} votes for project {project!r} (field vote), which is not in the PROJECTS section. Check the id.",
    },
    "budget.pb.vote_twice": {
        "zh": "第{line}行：投票人“{voter}”的 vote 字段中项目“{project}”出现了两次。每个项目只能出现一次。",
        "en": "line {line}: voter {voter!r} lists project {project!r} twice in field vote. List each project once.",
    },
    "budget.pb.points": {
        "zh": "第{line}行：投票人“{voter}”的 points 字段无效：需要与 vote 中的项目一一对应的非负整数，用逗号分隔。",
        "en": "line {line}: field points of voter {voter!r} is not valid: give one whole number, 0 or more, per project in vote, separated by commas.",
    },
    # -- rules ----------------------------------------------------------------------------
    "budget.rule.unknown": {
        "zh": "未知的选择规则“{rule}”。可用的规则：{rules}。",
        "en": "unknown selection rule {rule!r}. Rules: {rules}.",
    },
    # -- command line ---------------------------------------------------------------------
    "budget.cli.id": {"zh": "编号", "en": "id"},
    "budget.cli.name": {"zh": "名称", "en": "name"},
    "budget.cli.cost": {"zh": "费用", "en": "cost"},
    "budget.cli.votes": {"zh": "票数", "en": "votes"},
    "budget.cli.rule": {"zh": "规则：{rule}", "en": "rule: {rule}"},
    "budget.cli.spent": {"zh": "已用 {spent}，预算 {budget}", "en": "spent {spent} of budget {budget}"},
    "budget.cli.none": {"zh": "没有项目入选。", "en": "No project is selected."},
    "budget.cli.ties": {"zh": "打破的平局：", "en": "Ties broken:"},
    "budget.cli.tie": {
        "zh": "  {stage} 第{step}轮：{tied} 相同，按 {by} 选出 {chosen}",
        "en": "  {stage} round {step}: {tied} tied; {chosen} taken by {by}",
    },
    # -- projects and a budget in the record ----------------------------------------------
    "budget.project.empty_name": {
        "zh": "项目需要一个名称。",
        "en": "a project needs a name.",
    },
    "budget.project.long_name": {
        "zh": "项目名称“{name}……”太长：最多 {limit} 个字。请写一个简短的名称，详细说明可放在类别或会议记录中。",
        "en": "project name '{name}...' is too long: at most {limit} characters. Give a short name; put details elsewhere.",
    },
    "budget.project.duplicate": {
        "zh": "已有名为“{name}”的项目（{id}）。项目名称不能重复。",
        "en": "there is already a project named '{name}' ({id}). Project names must differ.",
    },
    "budget.project.duplicate.hint": {
        "zh": "换一个名称，或先用 deliberate project withdraw 撤回原项目。",
        "en": "choose another name, or withdraw the old project first with deliberate project withdraw.",
    },
    "budget.project.unknown": {
        "zh": "项目清单中没有“{name}”（相近的名称：{suggest}）。",
        "en": "no project '{name}' on the list (close names: {suggest}).",
    },
    "budget.project.unknown.hint": {
        "zh": "用 deliberate project list 查看项目名称和编号。",
        "en": "see the names and ids with deliberate project list.",
    },
    "budget.cost.not_whole": {
        "zh": "费用“{value}”无效：费用必须是整数元，例如 1500（不能是 1500.5 或 1,500）。",
        "en": "cost {value!r} is not valid: a cost is a whole number of yuan, such as 1500 (not 1500.5 or 1,500).",
    },
    "budget.cost.not_positive": {
        "zh": "费用“{value}”无效：费用必须大于 0。",
        "en": "cost {value!r} is not valid: a cost must be more than 0.",
    },
    "budget.cost.hint": {
        "zh": "例如：deliberate project add 儿童游乐场 --cost 120000",
        "en": "for example: deliberate project add Playground --cost 120000",
    },
    "budget.amount.not_whole": {
        "zh": "预算“{value}”无效：预算必须是整数元，例如 500000（不能是 1500.5 或 1,500）。",
        "en": "budget {value!r} is not valid: a budget is a whole number of yuan, such as 500000 (not 1500.5 or 1,500).",
    },
    "budget.amount.not_positive": {
        "zh": "预算“{value}”无效：预算必须大于 0。",
        "en": "budget {value!r} is not valid: a budget must be more than 0.",
    },
    "budget.amount.hint": {
        "zh": "例如：deliberate budget 500000",
        "en": "for example: deliberate budget 500000",
    },
    "budget.export.no_budget": {
        "zh": "还没有登记预算，无法导出。",
        "en": "no budget is recorded yet, so there is nothing to export.",
    },
    "budget.export.no_budget.hint": {
        "zh": "先用 deliberate budget 金额 登记预算。",
        "en": "record one first with deliberate budget AMOUNT.",
    },
    "budget.record.added": {
        "zh": "已登记项目 {id}“{name}”，费用 {cost} 元。",
        "en": "Project {id} '{name}' recorded, cost {cost} yuan.",
    },
    "budget.record.withdrawn": {
        "zh": "已撤回项目 {id}“{name}”。",
        "en": "Project {id} '{name}' withdrawn.",
    },
    "budget.record.budget": {
        "zh": "预算已登记：{amount} 元。",
        "en": "Budget recorded: {amount} yuan.",
    },
    "budget.record.list_budget": {
        "zh": "预算：{budget}　项目合计：{total} 元（{count} 个项目）",
        "en": "budget: {budget}   projects in total: {total} yuan ({count} projects)",
    },
    "budget.record.no_budget": {"zh": "未登记", "en": "not set"},
    "budget.record.category": {"zh": "类别", "en": "category"},
    "budget.record.no_projects": {"zh": "还没有登记项目。", "en": "No project is recorded yet."},
    "budget.record.exported": {
        "zh": "已导出到 {file}：{count} 个项目，预算 {budget} 元，{votes} 张选票（pabulib 格式）。",
        "en": "Written to {file}: {count} projects, budget {budget} yuan, {votes} ballots (pabulib format).",
    },
    "budget.export.unwritable": {
        "zh": "无法写入文件 {path}：{reason}",
        "en": "cannot write {path}: {reason}",
    },
}
