"""Messages of the ledger: verify, checkpoints, keys, seals and proofs."""

MESSAGES = {
    # -- unreadable input (exit 2) ------------------------------------------------
    "ledger.db_missing": {
        "zh": "找不到数据库 {path}",
        "en": "no database at {path}",
    },
    "ledger.not_ours": {
        "zh": "{path} 不是 deliberate 的记录数据库",
        "en": "{path} is not a deliberate log database",
    },
    "ledger.key_exists": {
        "zh": "密钥文件 {path} 已存在，不会覆盖",
        "en": "the key file {path} already exists; it is never overwritten",
    },
    "ledger.key_unwritable": {
        "zh": "无法写入密钥文件 {path}：{why}",
        "en": "cannot write the key file {path}: {why}",
    },
    "ledger.key_missing": {
        "zh": "找不到社区密钥文件 {path}",
        "en": "no community key file at {path}",
    },
    "ledger.key_missing.hint": {
        "zh": "密钥在 init 时生成，放在数据库旁边；请从备份中恢复它",
        "en": "the key is made at init and kept beside the database; restore it from your backup",
    },
    "ledger.key_unreadable": {
        "zh": "无法读取密钥文件 {path}：{why}",
        "en": "cannot read the key file {path}: {why}",
    },
    "ledger.checkpoint_stale": {
        "zh": "检查点只覆盖了 {size} 条记录，而记录共有 {events} 条：检查点必须覆盖之前的每一条记录。",
        "en": "The checkpoint covers {size} events but the log has {events}: a checkpoint must cover every event before it.",
    },
    "ledger.rotation_stale": {
        "zh": "密钥已经被另一个操作更换过了，这次更换没有记录。",
        "en": "The key was changed by another action meanwhile; this rotation was not recorded.",
    },
    "ledger.no_signer": {
        "zh": "这个程序没有签名密钥，无法签名检查点。",
        "en": "This program has no signing key, so it cannot sign a checkpoint.",
    },
    "ledger.no_such_folder": {"zh": "文件夹不存在或不可写", "en": "the folder does not exist or cannot be written"},
    "ledger.no_public_key": {
        "zh": "记录中没有社区公钥（community_created 事件缺少 public_key）",
        "en": "the log records no community public key (community_created has no public_key)",
    },
    "ledger.not_a_checkpoint": {
        "zh": "{where} 不是检查点：{why}",
        "en": "{where} is not a checkpoint: {why}",
    },
    "ledger.since_unreadable": {
        "zh": "无法读取检查点文件 {path}：{why}",
        "en": "cannot read the checkpoint file {path}: {why}",
    },
    "ledger.cannot_write": {
        "zh": "无法写入 {path}：{why}",
        "en": "cannot write {path}: {why}",
    },
    "ledger.not_a_directory": {
        "zh": "{path} 不是目录",
        "en": "{path} is not a directory",
    },
    "ledger.no_manifest": {
        "zh": "目录 {path} 中没有签名清单 deliberate-manifest.txt",
        "en": "no signed manifest deliberate-manifest.txt in {path}",
    },
    "ledger.no_manifest.hint": {
        "zh": "先运行 deliberate seal {path}",
        "en": "run deliberate seal {path} first",
    },
    "ledger.not_a_manifest": {
        "zh": "{path} 不是签名清单：{why}",
        "en": "{path} is not a signed manifest: {why}",
    },
    "ledger.no_such_event": {
        "zh": "没有第 {seq} 条事件（记录共 {events} 条）",
        "en": "there is no event #{seq} (the log has {events})",
    },
    "ledger.not_checkpointed": {
        "zh": "第 {seq} 条事件还没有被签名检查点覆盖（最新检查点覆盖前 {size} 条）",
        "en": "event #{seq} is not yet covered by a signed checkpoint (the latest covers {size} events)",
    },
    "ledger.not_checkpointed.hint": {
        "zh": "运行 deliberate checkpoint 签一个新的检查点",
        "en": "run deliberate checkpoint to sign a new one",
    },
    # -- integrity failures (exit 3) ------------------------------------------------
    "ledger.event_missing": {
        "zh": "第 {seq} 条事件不见了（下一条是第 {next} 条）：有记录被删除",
        "en": "event #{seq} is missing (the next is #{next}): a row was deleted",
    },
    "ledger.event_edited": {
        "zh": "第 {seq} 条事件的内容与它的哈希不符：这一行被改动过",
        "en": "event #{seq} does not match its hash: the row was edited",
    },
    "ledger.chain_broken": {
        "zh": "哈希链在第 {prev} 条与第 {seq} 条事件之间断开：有记录被改写、插入或调换了顺序",
        "en": "the hash chain breaks between events #{prev} and #{seq}: a row was rewritten, inserted or moved",
    },
    "ledger.payload_malformed": {
        "zh": "第 {seq} 条事件（{type}）的内容不是 JSON 对象",
        "en": "event #{seq} ({type}) does not hold a JSON object",
    },
    "ledger.bad_public_key": {
        "zh": "第 {seq} 条事件记录的社区公钥无效",
        "en": "event #{seq} records an invalid community public key",
    },
    "ledger.rotation_unsigned": {
        "zh": "第 {seq} 条事件更换了密钥，但没有旧密钥的有效签名",
        "en": "event #{seq} rotates the key without a valid signature by the previous key",
    },
    "ledger.checkpoint_malformed": {
        "zh": "第 {seq} 条事件的检查点格式错误：{why}",
        "en": "the checkpoint in event #{seq} is malformed: {why}",
    },
    "ledger.checkpoint_origin": {
        "zh": "第 {seq} 条事件的检查点属于另一个记录（{origin}，应为 {expected}）",
        "en": "the checkpoint in event #{seq} is for another log ({origin}, expected {expected})",
    },
    "ledger.no_key_for_checkpoint": {
        "zh": "第 {seq} 条事件是检查点，但此前记录中没有社区公钥",
        "en": "event #{seq} is a checkpoint but no community key was recorded before it",
    },
    "ledger.garbled_signature": {
        "zh": "{where} 的签名行（第 {line} 行）已损坏，无法读取",
        "en": "the signature line of {where} (line {line}) is garbled",
    },
    "ledger.bad_signature": {
        "zh": "{where} 的签名无效：签名之后内容被改动过",
        "en": "the signature of {where} does not verify: the text was changed after signing",
    },
    "ledger.wrong_key": {
        "zh": "{where} 由另一把密钥签名（密钥编号 {key_id}），不是社区密钥 {fingerprint}",
        "en": "{where} is signed by another key (key id {key_id}), not the community key {fingerprint}",
    },
    "ledger.retired_key": {
        "zh": "{where} 由已停用的旧密钥 {fingerprint} 签名",
        "en": "{where} is signed by the retired key {fingerprint}",
    },
    "ledger.checkpoint_future": {
        "zh": "第 {seq} 条事件的检查点声称覆盖 {size} 条事件，多于它之前的事件数",
        "en": "the checkpoint in event #{seq} claims {size} events, more than precede it",
    },
    "ledger.fork": {
        "zh": "分叉：检查点 {first} 与 {second} 都覆盖前 {size} 条事件，但根哈希不同",
        "en": "fork: checkpoints {first} and {second} both cover {size} events but have different roots",
    },
    "ledger.checkpoint_mismatch": {
        "zh": "第 {seq} 条事件的检查点与记录不符：前 {size} 条事件在签名后被改写过",
        "en": "the checkpoint in event #{seq} does not match the log: the first {size} events were rewritten after signing",
    },
    "ledger.checkpoint_backwards": {
        "zh": "第 {seq} 条事件的检查点（{size} 条）比之前的检查点 {previous} 还小",
        "en": "the checkpoint in event #{seq} ({size} events) is smaller than the earlier checkpoint {previous}",
    },
    "ledger.checkpoint_inconsistent": {
        "zh": "第 {seq} 条事件的检查点与之前的检查点 {previous} 不一致（一致性证明不成立）",
        "en": "the checkpoint in event #{seq} is not consistent with the earlier checkpoint {previous}",
    },
    "ledger.tree_store_missing": {
        "zh": "数据库缺少默克尔树表 ledger_nodes",
        "en": "the database has no Merkle tree table (ledger_nodes)",
    },
    "ledger.truncated": {
        "zh": "记录的尾部被截掉了：默克尔树记有 {stored} 条，记录只剩 {events} 条",
        "en": "the log's tail was cut off: the Merkle tree holds {stored} leaves, the log only {events} events",
    },
    "ledger.tree_store_behind": {
        "zh": "默克尔树只覆盖 {stored} 条，记录却有 {events} 条：有事件绕过 deliberate 被加进来",
        "en": "the Merkle tree covers {stored} leaves but the log has {events} events: events were added outside deliberate",
    },
    "ledger.tree_store_mismatch": {
        "zh": "默克尔树表与 {events} 条事件重算的结果不符",
        "en": "the stored Merkle tree disagrees with the tree recomputed from the {events} events",
    },
    "ledger.key_mismatch": {
        "zh": "密钥文件 {path}（指纹 {file}）不是记录中的社区密钥（指纹 {log}）",
        "en": "the key file {path} (fingerprint {file}) is not the community key in the log (fingerprint {log})",
    },
    "ledger.since_other_log": {
        "zh": "保存的检查点属于另一个记录（{origin}，应为 {expected}）",
        "en": "the saved checkpoint is for another log ({origin}, expected {expected})",
    },
    "ledger.rollback": {
        "zh": "回滚：保存的检查点覆盖 {saved} 条事件，而现在的记录只有 {events} 条",
        "en": "rollback: the saved checkpoint covers {saved} events but the log now has only {events}",
    },
    "ledger.since_mismatch": {
        "zh": "保存的检查点（{size} 条）与现在的记录不一致：签名后的历史被改写过",
        "en": "the saved checkpoint ({size} events) is not consistent with today's log: signed history was rewritten",
    },
    "ledger.manifest_key_line": {
        "zh": "{path} 中的指纹与其中的公钥不符",
        "en": "the fingerprint in {path} does not match its public key",
    },
    "ledger.file_changed": {
        "zh": "文件 {path} 在封存后被改动过{more}",
        "en": "the file {path} changed after it was sealed{more}",
    },
    "ledger.file_missing": {
        "zh": "清单中的文件 {path} 不见了{more}",
        "en": "the file {path} listed in the manifest is missing{more}",
    },
    "ledger.file_added": {
        "zh": "文件 {path} 是封存后加进来的{more}",
        "en": "the file {path} was added after sealing{more}",
    },
    "ledger.more_problems": {
        "zh": "；另有 {count} 处不符：{items}",
        "en": "; {count} more: {items}",
    },
    "ledger.kind.changed": {"zh": "改动", "en": "changed"},
    "ledger.kind.missing": {"zh": "缺失", "en": "missing"},
    "ledger.kind.added": {"zh": "新增", "en": "added"},
    # -- results -----------------------------------------------------------------
    "ledger.verify_ok": {
        "zh": "记录完好：{events} 条事件，哈希链、默克尔树和 {checkpoints} 个签名检查点都核对无误。",
        "en": "The log is intact: {events} events; the hash chain, the Merkle tree and the signed checkpoints ({checkpoints}) all check out.",
    },
    "ledger.verify_root": {
        "zh": "当前根哈希（{events} 条）：{root}",
        "en": "Root of the {events} events: {root}",
    },
    "ledger.verify_latest": {
        "zh": "最新检查点：第 {seq} 条事件，覆盖前 {size} 条。",
        "en": "Latest checkpoint: event #{seq}, covering {size} events.",
    },
    "ledger.verify_no_checkpoint": {
        "zh": "记录中还没有签名检查点。",
        "en": "The log has no signed checkpoint yet.",
    },
    "ledger.verify_key": {
        "zh": "社区密钥指纹：{fingerprint}",
        "en": "Community key fingerprint: {fingerprint}",
    },
    "ledger.verify_since_ok": {
        "zh": "保存的检查点（{size} 条）是现在记录的前缀：一致性证明成立，签名后的历史没有被改写。",
        "en": "The saved checkpoint ({size} events) is a prefix of today's log: the consistency proof holds, no signed history was rewritten.",
    },
    "ledger.dir_ok": {
        "zh": "{path}：{files} 个文件与签名清单完全一致（签名密钥指纹 {fingerprint}）。",
        "en": "{path}: all {files} files match the signed manifest (signing key fingerprint {fingerprint}).",
    },
    "ledger.dir_unanchored": {
        "zh": "注意：没有可信的密钥可对照。请把上面的指纹与纸质会议纪要上印的社区密钥指纹逐字比对，或用 --key 指纹 / --db 数据库 重新核对。",
        "en": "Note: no trusted key to compare with. Compare the fingerprint above with the community key fingerprint printed on the paper minutes, or check again with --key FINGERPRINT or --db DATABASE.",
    },
    "ledger.checkpoint_made": {
        "zh": "已签名检查点（第 {seq} 条事件），覆盖前 {size} 条事件：",
        "en": "Signed a checkpoint (event #{seq}) covering {size} events:",
    },
    "ledger.checkpoint_saved": {
        "zh": "检查点已保存到 {path}。请另外保管一份，日后用 deliberate verify --since {path} 核对。",
        "en": "Checkpoint saved to {path}. Keep a copy elsewhere and check it later with deliberate verify --since {path}.",
    },
    "ledger.checkpoint_skipped": {
        "zh": "会议已结束，但没有签名检查点：{why}",
        "en": "The meeting closed without a signed checkpoint: {why}",
    },
    "ledger.sealed": {
        "zh": "已封存 {path}：{files} 个文件，签名清单 {manifest}（密钥指纹 {fingerprint}）。",
        "en": "Sealed {path}: {files} files, signed manifest {manifest} (key fingerprint {fingerprint}).",
    },
    "ledger.key_fingerprint": {
        "zh": "社区密钥指纹：{fingerprint}",
        "en": "Community key fingerprint: {fingerprint}",
    },
    "ledger.key_file_ok": {
        "zh": "密钥文件 {path} 与之相符。",
        "en": "The key file {path} matches it.",
    },
    "ledger.key_file_absent": {
        "zh": "本机没有密钥文件 {path}（只能核对，不能签名）。",
        "en": "No key file at {path} on this machine (you can verify, not sign).",
    },
    "ledger.key_file_other": {
        "zh": "警告：密钥文件 {path} 的指纹是 {file}，与记录不符。",
        "en": "Warning: the key file {path} has fingerprint {file}, not the one in the log.",
    },
    "ledger.key_rotated": {
        "zh": "已更换社区密钥（第 {seq} 条事件，由旧密钥签名）。旧指纹 {old}，新指纹 {new}。请把新指纹印在下次会议纪要上。",
        "en": "Rotated the community key (event #{seq}, signed by the old key). Old fingerprint {old}, new fingerprint {new}. Print the new fingerprint on the next minutes.",
    },
}
