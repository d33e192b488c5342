"""Commands for the community: init, the roster, the rules."""

from __future__ import annotations

from pathlib import Path

import click

from deliberate.cli.context import current
from deliberate.cli.table import table


@click.command()
@click.argument("name")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False), default=None,
              help="规则文件 / rules file (default rules/luohu_ten.yaml)")
def init(name, rules_file):
    """建立议事会数据库 / Create the community's database, its rules and its key."""
    create_community(current(), name, rules_file)


def create_community(session, name: str, rules_file: str | None) -> None:
    from deliberate.roster import CreateCommunity
    from deliberate.rules import DEFAULT_RULES, load_rules

    path = Path(rules_file) if rules_file else DEFAULT_RULES
    rules, _text = load_rules(path)
    app = session.create_app()
    made_key = False
    try:
        public_key = _make_key(session.db_path)
        made_key = True
        app.execute(CreateCommunity(session.now(), name, rules.to_dict(), path.name, public_key))
    except BaseException:
        session.close()
        # Take away only what this init made: never a key that was already there.
        _remove_database(session.db_path, with_key=made_key)
        raise
    data = {"community": name, "db": str(session.db_path), "rules": path.name}
    text = session.t("community.created", name=name, db=session.db_path, rules=rules.name(session.lang))
    if public_key:
        import base64

        from deliberate.ledger import keys

        data["fingerprint"] = keys.fingerprint(base64.b64decode(public_key))
        text += "\n" + session.t("community.fingerprint", fingerprint=data["fingerprint"])
    session.emit(data, text)


def _make_key(db_path: Path) -> str:
    import base64

    from deliberate.ledger import keys

    return base64.b64encode(keys.public_bytes(keys.create_key(db_path))).decode("ascii")


def _remove_database(path: Path, with_key: bool) -> None:
    for suffix in ("", "-wal", "-shm") + ((".key",) if with_key else ()):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            candidate.unlink()


# -- the roster ----------------------------------------------------------------


@click.group()
def member():
    """名册 / The roster: add, import, list, remove members."""


@member.command("add")
@click.argument("name")
@click.option("--unit", help="住址单元 / unit address (private)")
@click.option("--phone", help="电话 / phone (private)")
@click.option("--role", default="", help="角色 / role, e.g. 居民代表")
@click.option("--id-number", help="身份证号 / ID number (private)")
def member_add(name, unit, phone, role, id_number):
    """添加一名成员 / Add one member."""
    from deliberate.roster import NewMember

    add_members(current(), (NewMember(name, role, unit, phone, id_number),))


@member.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False))
def member_import(csv_file):
    """导入名册 CSV (UTF-8、BOM 或 GB18030) / Import a roster CSV: all rows or none.

    \b
    表头 / header: name 姓名 (必填 required), unit 单元, phone 电话, role 角色, id_number 身份证号
    """
    from deliberate.refusal import BadInput
    from deliberate.roster_csv import parse_roster

    try:
        data = Path(csv_file).read_bytes()
    except OSError as exc:
        raise BadInput("csv.unreadable", file=csv_file, why=exc.strerror or str(exc)) from exc
    add_members(current(), parse_roster(data, csv_file))


def add_members(session, people) -> None:
    from deliberate.roster import AddMembers, normal_phone

    def keep_private(store, stored):
        for person, event in zip(people, stored):
            if person.unit or person.phone or person.id_number:
                phone = normal_phone(person.phone) if person.phone else None
                id_number = person.id_number.strip().upper() if person.id_number else None
                store.set_private(event.payload["id"], person.unit, phone, id_number)

    stored = session.app().execute(AddMembers(session.now(), tuple(people)), on_recorded=keep_private)
    names = [e.payload["name"] for e in stored]
    session.emit({"added": names, "roster_size": len(session.app().state.roster)},
                 session.t("roster.added", count=len(names), names="、".join(names[:10])
                           + ("…" if len(names) > 10 else "")))


@member.command("list")
@click.option("--show-private", is_flag=True, help="显示电话、身份证号、住址 / show phone, ID and unit unmasked")
def member_list(show_private):
    """列出名册 (隐私信息默认遮盖) / List the roster; private details are masked unless asked."""
    from deliberate.roster import mask_id, mask_phone, mask_unit

    session = current()
    app = session.app()
    private = app.store.private()
    rows, data = [], []
    for m in app.state.roster:
        p = private.get(m.id, {})
        unit, phone, id_number = p.get("unit"), p.get("phone"), p.get("id_number")
        if not show_private:
            unit, phone, id_number = mask_unit(unit), mask_phone(phone), mask_id(id_number)
        data.append({"id": m.id, "name": m.name, "role": m.role, "unit": unit or "", "phone": phone or "",
                     "id_number": id_number or ""})
        rows.append([m.id, m.name, m.role, unit or "", phone or "", id_number or ""])
    headers = [session.t(f"roster.column.{c}") for c in ("id", "name", "role", "unit", "phone", "id_number")]
    text = table(headers, rows) + "\n" + session.t("roster.count", count=len(rows))
    session.emit({"members": data}, text)


@member.command("remove")
@click.argument("name")
@click.option("--reason", default="", help="原因 / reason")
def member_remove(name, reason):
    """移出名册 (记录保留) / Take a member off the roster (the record keeps them)."""
    from deliberate.roster import RemoveMember

    session = current()
    session.app().execute(RemoveMember(session.now(), name, reason))
    session.emit({"removed": name}, session.t("roster.removed", name=name))


# -- the rules -------------------------------------------------------------------


@click.group("rules")
def rules_group():
    """议事规则 / The rules in force: show, check a file, adopt a file."""


@rules_group.command("show")
def rules_show():
    """显示现行规则 / Show the rules in force."""
    session = current()
    app = session.app()
    rules = app.rules
    data = rules.to_dict()
    data.pop("motions", None)
    lines = [session.t("rules.title", name=rules.name(session.lang), source=app.state.rules_source)]
    lines += _flatten(data)
    session.emit({"rules": data, "source": app.state.rules_source}, "\n".join(lines))


def _flatten(data: dict, prefix: str = "") -> list[str]:
    lines = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            lines += _flatten(value, f"{prefix}{key}.")
        else:
            lines.append(f"  {prefix}{key}: {value}")
    return lines


@rules_group.command("check")
@click.argument("rules_file", type=click.Path(dir_okay=False))
def rules_check(rules_file):
    """检查规则文件 / Check a rules file without using it."""
    from deliberate.rules import load_rules

    session = current()
    rules, _ = load_rules(rules_file)
    session.emit({"file": rules_file, "name_zh": rules.name_zh, "name_en": rules.name_en},
                 session.t("rules.valid", file=rules_file, name=rules.name(session.lang)))


@rules_group.command("adopt")
@click.argument("rules_file", type=click.Path(dir_okay=False))
def rules_adopt(rules_file):
    """采用新的规则文件 (会议之间) / Adopt a rules file, between meetings."""
    from deliberate.meeting import AdoptRules
    from deliberate.rules import load_rules

    session = current()
    rules, _ = load_rules(rules_file)
    session.app().execute(AdoptRules(session.now(), rules.to_dict(), Path(rules_file).name))
    session.emit({"adopted": rules_file}, session.t("rules.adopted", name=rules.name(session.lang)))
