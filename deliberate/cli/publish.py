"""`publish --out DIR [--db A.db --db B.db ... | --dbs FOLDER]`: the static bilingual site, sealed."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from deliberate.cli.context import current
from deliberate.errors import BadInput


def progress_bar(stream=None):
    """A one-line progress bar on a terminal; nothing when the output is not one."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


@click.command("publish")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="网站目录 / the folder the site is built in")
@click.option("--db", "dbs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="社区数据库（可多次） / a community's database (repeat for a district)")
@click.option("--dbs", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="含多个数据库的文件夹 / a folder of community databases (*.db)")
@click.option("--url", "base_url", default="", help="网站地址（二维码用） / the site's address, for the QR codes")
@click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path),
              help="街道签名密钥 / the district key (several databases; made beside DIR if missing)")
def publish(out, dbs, folder, base_url, key_path):
    """发布公示网站 / Build the static bilingual site (minutes, motions, notices, projects), sealed.

    \b
    中文：为一个社区（--db）或整个街道（多个 --db 或 --dbs 文件夹）生成静态网站：会议列表、
    会议纪要、每项动议、可按 A4 打印的公告（含二维码）、项目投票、投票回执与核验页，
    每页有中文和英文两版。网站用社区密钥签名封存，用 deliberate verify DIR 核对；
    从不发布手机号、身份证号或门牌。再次发布只重写变了的页面，同样的记录生成同样的字节。
    详见 docs/zh/publisher.md。
    English: the static site of one community (--db) or a district (several --db, or --dbs
    FOLDER): meetings, minutes, a page per motion, a notice per decision printable on A4 (with
    a QR code), the project ballot, receipts and verification, each page in zh and en. The
    site is sealed with the community key (check it: deliberate verify DIR); no phone, ID
    number or unit is ever published. Building again rewrites only the pages that changed;
    the same records give the same bytes. See docs/en/publisher.md.
    """
    from deliberate.site.writer import build

    session = current()
    chosen = list(dbs) + [Path(p) for p in session.extras.get("dbs", [])]   # --db is a global option
    if folder is not None:
        if not folder.is_dir():
            raise BadInput("site.not_a_folder", path=str(folder))
        chosen += sorted(folder.glob("*.db"))
    if not chosen:
        chosen = [Path(session.db_path)]
    done = build(chosen, out, base_url=base_url, key_path=key_path,
                 progress=None if session.json else progress_bar())
    key = "site.published" if done["communities"] != 1 else "site.published.one"  # one community: no count
    session.emit(done, session.t(key, path=done["path"], communities=done["communities"],
                                 written=done["written"], unchanged=done["unchanged"],
                                 fingerprint=done["fingerprint"]))
