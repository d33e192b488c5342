"""Read a roster spreadsheet (CSV) into new members: any encoding Chinese Excel writes. Pure."""

from __future__ import annotations

import csv
import io

from deliberate.refusal import BadInput
from deliberate.roster import NewMember

# Header names accepted for each field, compared after trimming and case folding.
COLUMNS = {
    "name": ("name", "姓名", "名字", "成员", "成员姓名"),
    "unit": ("unit", "单元", "房号", "住址", "地址", "门牌", "楼栋房号"),
    "phone": ("phone", "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码"),
    "role": ("role", "角色", "身份", "职务", "类别"),
    "id_number": ("id_number", "身份证号", "身份证", "身份证号码", "证件号", "证件号码"),
}
IGNORED = ("序号", "no", "no.", "#", "编号")


def decode(data: bytes, source: str) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise BadInput("csv.encoding", file=source) from exc


def parse_roster(data: bytes, source: str) -> tuple[NewMember, ...]:
    text = decode(data, source)
    if not text.strip():
        raise BadInput("csv.empty", file=source)
    first_line = text.splitlines()[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise BadInput("csv.malformed", file=source, row=1, why=str(exc)) from exc
    fields = _header_fields(header, source)
    members = []
    try:
        for row_number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(fields) and any(c.strip() for c in cells[len(fields):]):
                raise BadInput("csv.extra_cells", file=source, row=row_number, count=len(cells), columns=len(fields))
            values = {f: cells[i].strip() for i, f in enumerate(fields) if f and i < len(cells)}
            members.append(NewMember(
                name=values.get("name", ""),
                role=values.get("role", ""),
                unit=values.get("unit") or None,
                phone=values.get("phone") or None,
                id_number=values.get("id_number") or None,
                row=row_number,
            ))
    except csv.Error as exc:
        raise BadInput("csv.malformed", file=source, row=reader.line_num, why=str(exc)) from exc
    if not members:
        raise BadInput("csv.no_rows", file=source)
    return tuple(members)


def _header_fields(header: list[str], source: str) -> list[str | None]:
    lookup = {alias.casefold(): field for field, aliases in COLUMNS.items() for alias in aliases}
    fields: list[str | None] = []
    for cell in header:
        label = cell.strip().casefold()
        if label in IGNORED or not label:
            fields.append(None)
        elif label in lookup:
            if lookup[label] in fields:
                raise BadInput("csv.duplicate_column", file=source, column=cell.strip())
            fields.append(lookup[label])
        else:
            raise BadInput("csv.unknown_column", file=source, column=cell.strip(),
                           known=", ".join(a[0] + "/" + a[1] for a in COLUMNS.values()))
    if "name" not in fields:
        raise BadInput("csv.no_name_column", file=source)
    return fields
