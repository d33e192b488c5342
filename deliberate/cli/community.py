"""Commands for the community: init, the roster, the rules."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import click

from deliberate.cli.context import current
from deliberate.cli.params import NAME, REASON, TITLE
from deliberate.cli.table import table


@click.command()
@click.argument("name", type=TITLE)
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False), default=None,
              help="规则文件，或内置规则名 luohu_ten、robert / a rules file, or a built-in's name: luohu_ten (default), robert")
def init(name, rules_file):
    """建立议事会数据库 / Create the community's database, its rules and its key."""
    create_community(current(), name, rules_file)


def create_community(session, name: str, rules_file: str | None) -> None:
    """Build the database and its key under temporary names, then put them in place.

    A kill at any instant leaves no database (and `init` works again) or a complete one:
    everything is made in a hidden folder beside the database, ``.<db>.init-<pid>``;
    the key is linked into place first, the database last. A kill between the two
    leaves a key whose twin is still in that folder: the next `init` recognises it
    (the same file) and takes it away. `session.extras["meta"]` rows (the demo's mark)
    are written before the database appears.
    """
    from deliberate.app import open_app
    from deliberate.roster import CreateCommunity
    from deliberate.rules import DEFAULT_RULES, load_rules, rules_path

    path = rules_path(rules_file) if rules_file else DEFAULT_RULES
    rules, _text = load_rules(path)
    session.close()
    final = session.db_path
    with _draft(final) as draft:
        app = open_app(draft, create=True)
        try:
            public_key = _make_key(draft)
            app.execute(CreateCommunity(session.now(), name, rules.to_dict(), path.name, public_key))
            for key, value in session.extras.get("meta", {}).items():
                app.store.set_meta(key, value)
            app.store.truncate_wal()  # everything in the one file that is moved
        finally:
            app.close()
        _put_in_place(draft, final)
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


DRAFT_MARK = ".init-"


@contextmanager
def _draft(final: Path):
    """The path of a database being built in a private folder beside `final`; the folder goes at the end."""
    import shutil

    from deliberate.ledger import keys
    from deliberate.errors import BadInput

    _clear_leftovers(final)
    if _holds_data(final):
        raise BadInput("store.exists", path=str(final))
    if keys.key_path(final).exists():
        raise BadInput("ledger.key_exists", path=str(keys.key_path(final)))
    work = final.parent / f".{final.name}{DRAFT_MARK}{os.getpid()}"
    try:
        work.mkdir(mode=0o700)
    except OSError as exc:
        raise BadInput("store.cannot_create", path=str(final), why=exc.strerror or str(exc)) from None
    try:
        yield work / final.name
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _holds_data(path: Path) -> bool:
    """A file with content, or an empty one whose write-ahead log has some: not ours to replace."""
    wal = Path(str(path) + "-wal")
    return (path.exists() and path.stat().st_size > 0) or (wal.exists() and wal.stat().st_size > 0)


def _clear_leftovers(final: Path) -> None:
    """Take away the folders of inits that were killed; and the key one of them put in place, if any."""
    import shutil

    from deliberate.ledger import keys

    prefix = f".{final.name}{DRAFT_MARK}"
    try:
        found = [p for p in final.parent.iterdir() if p.name.startswith(prefix) and p.is_dir()]
    except OSError:
        return
    for work in found:
        pid = work.name[len(prefix):]
        if not pid.isdigit() or _running(int(pid)):
            continue
        placed, twin = keys.key_path(final), keys.key_path(work / final.name)
        if placed.exists() and twin.exists() and not final.exists() and os.path.samefile(placed, twin):
            placed.unlink()  # killed between the key and the database: the key is that init's own
        shutil.rmtree(work, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a folder with our number is an earlier process's: ours is not made yet
    if os.name == "nt":
        return True  # no safe way to ask on Windows: leave it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _put_in_place(draft: Path, final: Path) -> None:
    """Link the key, then the database, to their names; never over a file that holds something."""
    from deliberate.ledger import keys

    _link(keys.key_path(draft), keys.key_path(final), "ledger.key_exists")
    try:
        _link(draft, final, "store.exists", replace_empty=True)
    except BaseException:
        keys.key_path(final).unlink(missing_ok=True)  # linked a moment ago: ours
        raise
    if os.name == "posix":
        folder = os.open(final.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _link(source: Path, target: Path, exists_key: str, replace_empty: bool = False) -> None:
    from deliberate.errors import BadInput

    try:
        os.link(source, target)  # atomic, and refuses an existing name
        return
    except OSError:
        pass  # the name is taken, or a file system without hard links: check, then rename
    if target.exists() and (not replace_empty or _holds_data(target)):
        raise BadInput(exists_key, path=str(target))
    os.replace(source, target)  # over an empty file (as `Store.create` allows), or without hard links


# -- the roster ----------------------------------------------------------------


@click.group()
def member():
    """名册 / The roster: add, import, list, remove members."""


@member.command("add")
@click.argument("name", type=NAME)
@click.option("--unit", type=TITLE, help="住址单元 / unit address (private)")
@click.option("--phone", help="电话 / phone (private)")
@click.option("--role", default="", type=TITLE, help="角色 / role, e.g. 居民代表")
@click.option("--id-number", help="身份证号 / ID number (private)")
def member_add(name, unit, phone, role, id_number):
    """添加一名成员 / Add one member."""
    from deliberate.roster import NewMember

    add_members(current(), (NewMember(name, role, unit, phone, id_number),))


@member.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False))
@click.option("--update", is_flag=True,
              help="合并更新后的名册：新增新成员、更新联系资料、列出双方不一致的人 / merge an updated roster")
def member_import(csv_file, update):
    """导入名册 CSV (UTF-8、BOM、GB18030 或 Big5) / Import a roster CSV: all rows or none.

    \b
    表头 / header: name 姓名 (必填 required), unit 单元, phone 电话, role 角色, id_number 身份证号
    其他列（备注、年龄……）略过 / other columns (备注, 年龄, ...) are left out
    member import --update 名册.csv   合并更新后的名册 / merge an updated roster
    """
    from deliberate.errors import BadInput
    from deliberate.roster_csv import read_roster

    session = current()
    try:
        data = Path(csv_file).read_bytes()
    except OSError as exc:
        raise BadInput("csv.unreadable", file=csv_file, why=exc.strerror or str(exc)) from exc
    people, notes = read_roster(data, csv_file)
    for key, params in notes:
        session.echo(session.t(key, **params), err=True)
    merge_roster(session, people, update)


def merge_roster(session, people, update: bool) -> None:
    """Add the people not on the roster; with `update`, also bring members' private details up to date
    and list who is on one side only. A file that changes nothing says so (exit 0)."""
    from deliberate.names import clean, name_key
    from deliberate.errors import Refused
    from deliberate.refusal import Refusal
    from deliberate.roster import check_new_members, normal_phone

    app = session.app()
    state = app.state
    on_roster = {name_key(m.name): m for m in state.roster}
    new = [p for p in people if name_key(p.name) not in on_roster]
    known = [p for p in people if name_key(p.name) in on_roster]
    if not update and new:
        _add_or_name_update(session, people)
        return
    problems = [p for p in check_new_members(state, tuple(people)) if p.reason != "roster.problem.already_member"]
    if problems:
        raise Refused(Refusal("roster.invalid", "roster.invalid", {"problems": problems, "count": len(problems)}))
    private = app.store.private()

    def details(person):
        return {"unit": person.unit or None,
                "phone": normal_phone(person.phone) if person.phone else None,
                "id_number": person.id_number.strip().upper() if person.id_number else None}

    changed = []
    for person in known:
        member = on_roster[name_key(person.name)]
        given = {k: v for k, v in details(person).items() if v}
        held = private.get(member.id, {"unit": None, "phone": None, "id_number": None})
        if any(held.get(k) != v for k, v in given.items()):
            changed.append((member, {**held, **given}))
    roles = [on_roster[name_key(p.name)].name for p in known
             if p.role and p.role != getattr(on_roster[name_key(p.name)], "role", p.role)]
    file_keys = {name_key(p.name) for p in people}
    missing = [m.name for key, m in on_roster.items() if key not in file_keys] if update else []
    if not update and changed:
        _add_or_name_update(session, people)
        return
    if not new and not changed:
        data = {"added": [], "updated": [], "not_in_file": missing, "roster_size": len(state.roster)}
        lines = [session.t("roster.nothing_changed", count=len(people))]
        if missing:
            lines.append(session.t("roster.update.missing", count=len(missing), names=session.join(missing)))
        session.emit(data, "\n".join(lines))
        return
    lines, data = [], {"added": [], "updated": [m.name for m, _ in changed], "not_in_file": missing}
    if new:
        added = _add_quietly(session, new)
        data["added"] = added
        lines.append(session.t("roster.update.added", count=len(added), names=session.join(added)))
    if changed:
        with app.store.transaction():  # private details live beside the log, never in it
            for member, values in changed:
                app.store.set_private(member.id, values["unit"], values["phone"], values["id_number"])
        lines.append(session.t("roster.update.private", count=len(changed),
                               names=session.join(clean(m.name) for m, _ in changed)))
    if missing:
        lines.append(session.t("roster.update.missing", count=len(missing), names=session.join(missing)))
    if roles:
        lines.append(session.t("roster.update.role", names=session.join(roles)))
    data["roster_size"] = len(app.state.roster)
    session.emit(data, "\n".join(lines))


def _add_or_name_update(session, people) -> None:
    """A plain import: all rows or none; when some are members already, the hint names --update."""
    from msgspec.structs import replace

    from deliberate.errors import Refused

    try:
        add_members(session, people)
    except Refused as refused:
        problems = refused.refusal.params.get("problems") or []
        if any(p.reason == "roster.problem.already_member" for p in problems):
            raise Refused(replace(refused.refusal, hint_key="roster.update.hint")) from None
        raise


def _add_quietly(session, people) -> list[str]:
    """Record the new members (one member_added each, their private details beside) and return their names."""
    from deliberate.roster import AddMembers, normal_phone

    def keep_private(store, stored):
        for person, event in zip(people, stored):
            if person.unit or person.phone or person.id_number:
                phone = normal_phone(person.phone) if person.phone else None
                id_number = person.id_number.strip().upper() if person.id_number else None
                store.set_private(event.payload["id"], person.unit, phone, id_number)

    stored = session.app().execute(AddMembers(session.now(), tuple(people)), on_recorded=keep_private)
    return [e.payload["name"] for e in stored]


def add_members(session, people) -> None:
    before = quorum_now(session)
    names = _add_quietly(session, people)
    text = session.t("roster.added", count=len(names), names=session.join(names[:10]) + ("…" if len(names) > 10 else ""))
    data = {"added": names, "roster_size": len(session.app().state.roster)}
    moved = quorum_moved(session, before)
    if moved:
        text += "\n" + moved[1]
        data["quorum"] = moved[0]
    session.emit(data, text)


def quorum_now(session):
    """The quorum now, when a meeting is in session (a roster change mid-meeting moves it)."""
    from deliberate.meeting import quorum

    app = session.app()
    if not app.state.rules or not app.state.in_session():
        return None
    return quorum(app.state, app.rules)


def quorum_moved(session, before) -> tuple[dict, str] | None:
    """({from, to, present}, a line saying so) when the roster change moved the meeting's quorum."""
    after = quorum_now(session)
    if before is None or after is None or before.required == after.required:
        return None
    data = {"from": before.required, "to": after.required, "present": after.present, "met": after.met}
    key = "roster.quorum_moved" if after.met else "roster.quorum_moved_lost"
    return data, session.t(key, before=before.required, after=after.required, present=after.present)


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
@click.argument("name", type=NAME)
@click.option("--reason", default="", type=REASON, help="原因 / reason")
def member_remove(name, reason):
    """移出名册并删除其隐私信息 (记录保留姓名) / Take a member off the roster and erase their private details."""
    from deliberate.roster import RemoveMember

    def erase_private(store, stored):
        # PIPL's right to deletion: unit, phone and ID number live outside the log, and go with the removal
        for event in stored:
            if event.type == "member_removed":
                store.erase_private(event.payload["id"])

    session = current()
    app = session.app()
    app.execute(RemoveMember(session.now(), name, reason), on_recorded=erase_private)
    app.store.truncate_wal()  # the zeroed page over the old one, and no old copy left in the log file
    session.emit({"removed": name, "private_erased": True},
                 session.t("roster.removed", name=name) + "\n" + session.t("roster.private_erased", name=name))


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
    from deliberate.rules import load_rules, rules_path

    session = current()
    rules, _ = load_rules(rules_file)
    session.app().execute(AdoptRules(session.now(), rules.to_dict(), rules_path(rules_file).name))
    session.emit({"adopted": rules_file}, session.t("rules.adopted", name=rules.name(session.lang)))
