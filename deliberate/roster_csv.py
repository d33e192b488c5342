"""Read a roster spreadsheet (CSV) into new members: any encoding Chinese Excel writes. Pure."""

from __future__ import annotations

import csv
import io

from deliberate.errors import BadInput
from deliberate.i18n import listed
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
    """Text of a CSV file or script: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 throughout.

    Bytes that are none of these are refused naming the line and byte; a file
    that mixes UTF-8 lines with GB18030 ones is refused naming the odd line (read
    as either, part of it would be garbled).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _utf8(data, 3, source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadInput("input.encoding.bad_utf16", file=source, byte=exc.start) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        not_utf8 = exc
    _refuse_mixed(data, source)
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise _not_utf8(data, not_utf8.start, source) from None


def _utf8(data: bytes, start: int, source: str) -> str:
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, start + exc.start, source) from None


def _not_utf8(data: bytes, offset: int, source: str) -> BadInput:
    return BadInput("input.encoding.bad_utf8", file=source, line=data.count(b"\n", 0, offset) + 1, byte=offset)


def _refuse_mixed(data: bytes, source: str) -> None:
    """Refuse a file whose non-ASCII lines are partly UTF-8 and partly not, naming the first line of the fewer kind."""
    utf8, other = [], []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
        else:
            utf8.append(number)
    if utf8 and other:
        odd = utf8 if len(utf8) < len(other) else other
        raise BadInput("input.encoding.mixed", file=source, line=odd[0])


def parse_roster(data: bytes, source: str) -> tuple[NewMember, ...]:
    return read_roster(data, source)[0]


def read_roster(data: bytes, source: str) -> tuple[tuple[NewMember, ...], list[tuple[str, dict]]]:
    """The members of a roster file, and notes for the host as (message key, params):
    the columns the roster does not use, left out; a Big5 file, read as Big5."""
    notes: list[tuple[str, dict]] = []
    text = decode(data, source)
    big5 = _as_big5(data, text)
    if big5 is not None:
        text = big5
        notes.append(("csv.read_as_big5", {"file": source}))
    members = _parse(text, source, notes)
    return members, notes


def _as_big5(data: bytes, text: str) -> str | None:
    """The file's text read as Big5 (Traditional Chinese Excel), when it is Big5 and not what `decode` read:
    its header names known columns only when read so."""
    if data.isascii() or _header_known(text):
        return None
    try:
        other = data.decode("big5")
    except UnicodeDecodeError:
        try:
            other = data.decode("cp950")
        except UnicodeDecodeError:
            return None
    return other if _header_known(other) else None


def _header_known(text: str) -> bool:
    lookup = {alias.casefold() for aliases in COLUMNS.values() for alias in aliases}
    first = text.splitlines()[0] if text.strip() else ""
    cells = [c.strip().strip('"').casefold() for c in first.replace("\t", ",").split(",")]
    return any(c in lookup for c in cells)


def _parse(text: str, source: str, notes: list) -> tuple[NewMember, ...]:
    if not text.strip():
        raise BadInput("csv.empty", file=source)
    first_line = text.splitlines()[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    # strict: a quote left open is an error, not a field that swallows the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise _malformed(exc, source, 1) from None
    fields = _header_fields(header, source, notes)
    members = []
    row_ended = reader.line_num  # the line the last row read ended on
    try:
        for row_number, cells in enumerate(reader, start=2):
            row_ended = reader.line_num
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
        raise _malformed(exc, source, row_ended + 1) from None
    if not members:
        raise BadInput("csv.no_rows", file=source)
    return tuple(members)


def _malformed(exc: csv.Error, source: str, line: int) -> BadInput:
    if "end of data" in str(exc):
        return BadInput("csv.unclosed_quote", file=source, line=line)
    return BadInput("csv.malformed", file=source, row=line, why=str(exc))


def _header_fields(header: list[str], source: str, notes: list | None = None) -> list[str | None]:
    """The field of each column; a column the roster does not use is left out (and noted), but one
    that looks like a misspelt known column (phnoe) is an error naming the column it resembles."""
    import difflib

    lookup = {alias.casefold(): field for field, aliases in COLUMNS.items() for alias in aliases}
    fields: list[str | None] = []
    unused: list[str] = []
    for cell in header:
        label = cell.strip().casefold()
        if label in IGNORED or not label:
            fields.append(None)
        elif label in lookup:
            if lookup[label] in fields:
                raise BadInput("csv.duplicate_column", file=source, column=cell.strip())
            fields.append(lookup[label])
        else:
            close = difflib.get_close_matches(label, list(lookup), n=1, cutoff=0.7)
            if close or not label.isprintable():
                raise BadInput("csv.misspelt_column" if close else "csv.unknown_column", file=source,
                               column=cell.strip(), suggestion=close[0] if close else "",
                               known=", ".join(a[0] + "/" + a[1] for a in COLUMNS.values()))
            fields.append(None)
            unused.append(cell.strip())
    if "name" not in fields:
        raise BadInput("csv.no_name_column", file=source)
    if unused and notes is not None:
        notes.append(("csv.unused_columns", {"file": source, "columns": listed(unused)}))
    return fields
