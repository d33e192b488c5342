"""Messages of privacy and safety: the demo's folder, erasing private details, the public copy."""

MESSAGES = {
    "demo.not_a_demo": {
        "zh": "{path} 不是示例生成的数据库，示例不会替换它；它和它的密钥原样保留。",
        "en": "{path} was not made by the demo, so the demo will not replace it; it and its key are left as they are.",
    },
    "demo.not_a_demo.hint": {
        "zh": "用 --dir 指定另一个目录运行示例。",
        "en": "Run the demo into another folder with --dir.",
    },
    "roster.private_erased": {
        "zh": "{name} 的隐私信息（单元、电话、身份证号）已删除；记录中保留姓名和移出事件。",
        "en": "{name}'s private details erased (unit, phone, ID number); the record keeps the name and the removal.",
    },
    "public_copy.exists": {
        "zh": "{path} 已存在，不会覆盖。",
        "en": "{path} already exists; it is never overwritten.",
    },
    "public_copy.exists.hint": {
        "zh": "换一个文件名，或先移走旧的公开副本。",
        "en": "Choose another file name, or move the old public copy away first.",
    },
    "public_copy.cannot_write": {
        "zh": "无法写入公开副本 {path}：{why}",
        "en": "cannot write the public copy {path}: {why}",
    },
    "public_copy.done": {
        "zh": "公开副本已写入 {out}：{events} 条事件、默克尔树和签名检查点，不含任何隐私信息。"
              "居民可用 deliberate --db {out} verify 核对。",
        "en": "Public copy written to {out}: {events} events, the Merkle tree and the signed checkpoints, "
              "no private details. Residents check it with deliberate --db {out} verify.",
    },
}
