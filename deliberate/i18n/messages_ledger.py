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
        "en": "the checkpoint in event #{seq} does not match the log: the log up to event #{size} was rewritten after signing",
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
    # -- reasons, said as sentences (never an internal code) ------------------------
    "ledger.at_line": {"zh": "第 {line} 行：{what}", "en": "line {line}: {what}"},
    "ledger.note.not_text": {"zh": "内容不是文本", "en": "it is not text"},
    "ledger.note.no_final_newline": {"zh": "最后一行没有以换行结束（文件被截断或不完整）",
                                     "en": "the last line does not end with a newline (the file is cut short)"},
    "ledger.note.no_signatures": {"zh": "没有签名：正文后面应有一个空行和签名行",
                                  "en": "there is no signature: a blank line and a signature line should follow the text"},
    "ledger.note.bad_body": {"zh": "正文为空或以空行开头", "en": "the text is empty or starts with a blank line"},
    "ledger.note.control_character": {"zh": "含有不可见的控制字符", "en": "it holds an invisible control character"},
    "ledger.note.too_many_signatures": {"zh": "签名行太多", "en": "it has too many signature lines"},
    "ledger.note.bad_signature_line": {"zh": "签名行已损坏", "en": "the signature line is garbled"},
    "ledger.note.bad_key_name": {"zh": "密钥名称无效（不能含空格或加号）", "en": "the key name is invalid (no spaces or '+')"},
    "ledger.note.bad_origin": {"zh": "第一行（记录名称）无效", "en": "the first line (the log's name) is invalid"},
    "ledger.note.bad_checkpoint": {"zh": "应依次是记录名称、事件条数（十进制）和根哈希（base64，32 字节）三行",
                                   "en": "a checkpoint has three lines: the log's name, the number of events in decimal, "
                                         "and the root hash in base64 (32 bytes)"},
    "ledger.note.unreadable": {"zh": "格式无法识别", "en": "its format is not recognised"},
    "ledger.manifest.header": {"zh": "开头应为 deliberate-manifest v1", "en": "it should start with deliberate-manifest v1"},
    "ledger.manifest.missing_lines": {"zh": "缺少 origin、key、public-key 或 checkpoint 行",
                                      "en": "an origin, key, public-key or checkpoint line is missing"},
    "ledger.manifest.expected_line": {"zh": "这里应是 {name} 行", "en": "a {name} line belongs here"},
    "ledger.manifest.bad_public_key": {"zh": "公钥无效", "en": "the public key is invalid"},
    "ledger.manifest.bad_checkpoint_root": {"zh": "检查点的根哈希无效", "en": "the checkpoint's root is invalid"},
    "ledger.manifest.bad_checkpoint": {"zh": "检查点行无效", "en": "the checkpoint line is invalid"},
    "ledger.manifest.bad_file_line": {"zh": "文件行无效（应为 file、SHA-256 和相对路径）",
                                      "en": "the file line is invalid (file, a SHA-256 and a relative path)"},
    "ledger.manifest.listed_twice": {"zh": "{path} 列出了两次", "en": "{path} is listed twice"},
    "ledger.manifest.unlistable_path": {"zh": "路径 {path} 无法列入清单", "en": "the path {path} cannot be listed"},
    "ledger.why.no_note": {"zh": "没有检查点文本（note）", "en": "it holds no checkpoint text (note)"},
    "ledger.why.payload_note_differ": {"zh": "记录的条数或根哈希与签名文本不一致",
                                       "en": "its size or root differs from the signed text"},
    "ledger.why.extra_fields": {"zh": "含有检查点不该有的字段：{fields}", "en": "it holds fields a checkpoint never has: {fields}"},
    "ledger.why.no_such_file": {"zh": "文件不存在", "en": "there is no such file"},
    "ledger.why.is_directory": {"zh": "这是一个文件夹，不是文件", "en": "it is a folder, not a file"},
    "ledger.why.no_permission": {"zh": "没有读写权限", "en": "permission denied"},
    "ledger.why.not_utf8": {"zh": "不是 UTF-8 文本", "en": "it is not UTF-8 text"},
    "ledger.why.head_rows": {"zh": "表中有 {count} 行，应只有一行", "en": "the table holds {count} rows instead of one"},
    "ledger.why.head_size": {"zh": "size 列为 {size}，签名文本却是 {note} 条",
                             "en": "its size column says {size} but the signed text says {note}"},
    "ledger.why.other_origin": {"zh": "它属于另一个记录（{origin}，应为 {expected}）",
                                "en": "it is for another log ({origin}, expected {expected})"},
    "ledger.why.no_key": {"zh": "记录中没有社区公钥", "en": "the log records no community key"},
    "ledger.fold.missing": {"zh": "缺少 {name}（载荷中没有这个字段，或此前的记录里没有它）",
                            "en": "{name} is missing (from the payload, or from the log before it)"},
    "ledger.fold.not_found": {"zh": "它所指的对象在此前的记录里不存在", "en": "what it refers to is not in the log before it"},
    "ledger.fold.wrong_type": {"zh": "某个字段的类型不对", "en": "a field has the wrong type"},
    "ledger.fold.nothing_open": {"zh": "它所需要的会议或表决此时并未进行",
                                 "en": "the meeting or vote it needs is not open at that point"},
    "ledger.fold.not_in_state": {"zh": "它与此前记录形成的状态不符（例如离场的人并不在场）",
                                 "en": "it does not fit the state before it (someone leaves who is not present, for instance)"},
    "ledger.where_head": {"zh": "签名树头（signed_head 表）", "en": "the signed head (signed_head table)"},
    "ledger.odd.dir_link": {"zh": "这是指向目录的链接，清单无法封存它的内容",
                            "en": "it is a link to a directory, whose content a manifest cannot seal"},
    "ledger.odd.not_regular": {"zh": "这不是普通文件（管道、套接字或设备）",
                               "en": "it is not a plain file (a FIFO, socket or device)"},
    "ledger.odd.dangling_link": {"zh": "这是指向不存在之处的链接", "en": "it is a link to nothing"},
    "ledger.odd.bad_name": {"zh": "文件名含有控制字符（如换行）或不是 UTF-8",
                            "en": "its name holds a control character (a newline, for instance) or is not UTF-8"},
    "ledger.odd.unreadable": {"zh": "无法读取", "en": "it cannot be read"},
    # -- tampering found (exit 3) -------------------------------------------------
    "ledger.format_version": {
        "zh": "数据库的格式版本是 {version}，不是本程序能读的版本（{readable}）：数据库被改动过，或由别的程序写成",
        "en": "the database's format version is {version}, not one this deliberate reads ({readable}): "
              "the database was edited or written by another program",
    },
    "ledger.payload_not_canonical": {
        "zh": "第 {seq} 条事件的内容不是规范编码（键排序、无空格、UTF-8、NFC）：它是在 deliberate 之外写入的",
        "en": "event #{seq}'s payload is not in the canonical encoding (sorted keys, no spaces, UTF-8, NFC): "
              "it was written outside deliberate",
    },
    "ledger.unknown_type": {
        "zh": "第 {seq} 条事件的类型是 {type}，任何版本的记录格式都没有这种事件",
        "en": "event #{seq} has the type {type}, which no version of the record defines",
    },
    "ledger.does_not_fold": {
        "zh": "第 {seq} 条事件（{type}）无法接在此前的记录之后：{why}",
        "en": "event #{seq} does not fold into the log before it ({type}): {why}",
    },
    "ledger.unknown_member": {
        "zh": "第 {seq} 条事件提到成员 {member}，但此前没有任何事件加入过这个成员",
        "en": "event #{seq} names the member {member}, whom no earlier event added",
    },
    "ledger.created_again": {
        "zh": "第 {seq} 条事件再次创建社区：只有第 1 条事件可以创建社区",
        "en": "event #{seq} creates the community again: only event #1 may create it",
    },
    "ledger.checkpoint_short": {
        "zh": "第 {seq} 条事件的检查点只覆盖 {size} 条事件，而不是它之前的全部 {before} 条",
        "en": "the checkpoint in event #{seq} covers {size} events, not the {before} before it",
    },
    "ledger.node_mismatch": {
        "zh": "默克尔树表中第 {level} 层第 {idx} 个节点与由事件重算的树不符（由它给出的证明将是假的）",
        "en": "the stored Merkle node at level {level}, index {idx} disagrees with the tree rebuilt from the events "
              "(proofs served from it would be false)",
    },
    "ledger.snapshot_mismatch": {
        "zh": "第 {seq} 条事件处缓存的快照与记录折叠出的状态不符：快照被改动过",
        "en": "the cached snapshot at event #{seq} is not the state the log folds to: the snapshot was edited",
    },
    "ledger.head_malformed": {
        "zh": "签名树头（signed_head 表）格式错误：{why}",
        "en": "the signed head (signed_head table) is malformed: {why}",
    },
    "ledger.head_beyond": {
        "zh": "签名树头（signed_head 表）覆盖 {size} 条事件，而记录只有 {events} 条：记录的尾部被截掉了",
        "en": "the signed head (signed_head table) covers {size} events but the log has only {events}: its tail was cut off",
    },
    "ledger.head_mismatch": {
        "zh": "签名树头（signed_head 表）与记录不符：前 {size} 条事件在签名后被改动过",
        "en": "the signed head (signed_head table) does not match the log: the log up to event #{size} was changed after signing",
    },
    "ledger.unsigned_events": {
        "zh": "有 {count} 条事件（从第 {first} 条起）没有任何签名覆盖，而社区密钥文件就在数据库旁边、deliberate 每次操作后都会签名：这些事件是绕过 deliberate 加入或改动的",
        "en": "no signature covers {count} events (from #{first} on), yet the key file is beside the database "
              "and deliberate signs after every action: they were added or changed without it",
    },
    "ledger.unsigned_events.hint": {
        "zh": "如果这些事件是升级前由不签名树头的旧版 deliberate 写入的，请先与纸质会议纪要逐条核对，确认无误后运行 deliberate checkpoint 为它们签名。",
        "en": "If an older deliberate (before signed heads) wrote them, check them one by one against the paper minutes; "
              "only then run deliberate checkpoint to sign them.",
    },
    "ledger.key_file_foreign": {
        "zh": "密钥文件 {path}（指纹 {file}）不是这份记录中的任何一把社区密钥（记录中是 {log}）：记录中的密钥被换掉了",
        "en": "the key file {path} (fingerprint {file}) is not a key this log names (it names {log}): "
              "the log's keys were replaced",
    },
    "ledger.dir_odd_entry": {
        "zh": "{path}：{why}；它是封存后出现的，清单无法核对它{more}",
        "en": "{path}: {why}; it appeared after sealing and the manifest cannot vouch for it{more}",
    },
    # -- sealing refused (exit 2) ----------------------------------------------------
    "ledger.seal_odd_entry": {
        "zh": "无法封存 {path}：{why}{more}",
        "en": "cannot seal {path}: {why}{more}",
    },
    "ledger.seal_holds_private": {
        "zh": "{path} 中有数据库或它的密钥（{what}）：封存公示会把它们一起公开；请封存一个单独的文件夹",
        "en": "{path} holds the database or its key ({what}): sealing it would publish them; seal a folder of its own",
    },
    "ledger.seal_key_copy": {
        "zh": "{path} 是社区私钥的副本：私钥绝不能公开",
        "en": "{path} is a copy of the community's private key: it must never be published",
    },
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
    "ledger.verify_head": {
        "zh": "签名树头：覆盖前 {size} 条事件。",
        "en": "Signed head: covers {size} events.",
    },
    "ledger.verify_unsigned": {
        "zh": "注意：有 {count} 条事件（从第 {first} 条起）没有任何签名覆盖，持有这份文件的人可能改动过它们。请用你保存的检查点（--since）核对，或索取带有签名树头的数据库。",
        "en": "Note: no signature covers {count} events (from #{first} on): anyone with the file could have changed what they say. "
              "Check them against a checkpoint you kept (--since), or ask for the database with its signed head.",
    },
    "ledger.verify_snapshots_ignored": {
        "zh": "忽略了 {count} 个其他版本的缓存快照（deliberate 从不读取它们）。",
        "en": "{count} cached snapshots of another version were ignored (deliberate never reads them).",
    },
    "ledger.dir_checkpoint_newer": {
        "zh": "checkpoint.txt 是比封存时（{sealed} 条）更新的签名检查点（{size} 条）：上次封存被中断了，请再运行一次 deliberate seal。",
        "en": "checkpoint.txt holds a newer signed checkpoint ({size} events) than the seal ({sealed}): "
              "a seal was interrupted; run deliberate seal again.",
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
