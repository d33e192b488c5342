"""Messages of the projection tables and export."""

MESSAGES = {
    "export.rebuilt": {
        "zh": "已从记录（至第 {seq} 条事件）重建投影表：",
        "en": "Projection tables rebuilt from the log (up to event {seq}):",
    },
    "export.current": {
        "zh": "投影表已是最新（至第 {seq} 条事件）：",
        "en": "Projection tables are current (up to event {seq}):",
    },
    "export.table_line": {
        "zh": "  {table}  {rows} 行",
        "en": "  {table}  {rows} rows",
    },
    "export.written": {
        "zh": "已将 {table} 表的 {rows} 行导出到 {path}",
        "en": "Exported {rows} rows of {table} to {path}",
    },
    "export.unknown_table": {
        "zh": "没有名为“{name}”的表，您是不是要找 {guess}？",
        "en": "no table named '{name}'; did you mean {guess}?",
    },
    "export.unknown_table.hint": {
        "zh": "可导出的表：{tables}",
        "en": "the tables: {tables}",
    },
    "export.no_such_table": {
        "zh": "没有名为“{name}”的表",
        "en": "no table named '{name}'",
    },
    "export.csv_and_json": {
        "zh": "--csv 与 --json 不能同时输出到屏幕",
        "en": "--csv and --json cannot both go to the screen",
    },
    "export.csv_and_json.hint": {
        "zh": "用 --out 文件名 写出 CSV，--json 则只回答结果摘要",
        "en": "write the CSV with --out FILE; --json then answers with a summary",
    },
    "export.cannot_write": {
        "zh": "无法写入 {path}：{why}",
        "en": "cannot write {path}: {why}",
    },
}
