"""YAML input files with line numbers, and a small field reader that collects every problem.

Program files, indicator libraries and lineage files are edited by people; a refused file must
say exactly where it is wrong ("duc-pho-42.yaml:57: targets[3].comparator: …"). PyYAML's
composer knows each node's line; the loader below keeps it on the built dicts and lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from ansinh.core.errors import ErrorCode, Problem, UserError

MAX_FILE_BYTES = 5 * 1024 * 1024  # program files are a few hundred KB; refuse anything absurd


class LineDict(dict):
    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            key_node.value: key_node.start_mark.line + 1 for key_node, _ in node.value if hasattr(key_node, "value")
        }
        return mapping

    def construct_sequence(self, node, deep=False):  # type: ignore[override]
        items = LineList(super().construct_sequence(node, deep=True))
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


# YAML 1.1 reads on/off/yes/no as booleans ("on: 2024-03-01" would become True: 2024-03-01);
# people write those words as keys and text, so only true/false are booleans here (YAML 1.2).
# Dates stay text too: PyYAML crashes on an impossible date such as 2024-13-01, and the field
# converters (a_date, partial_date) check them with a located message instead.
_IMPLICIT_TAGS_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _IMPLICIT_TAGS_DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence)


def load_yaml(path: Path | str, *, text: str | None = None) -> Any:
    """Parse a YAML file keeping line numbers; raises UserError (Vietnamese) on unreadable input."""
    name = Path(path).name
    try:
        if text is None:
            raw = Path(path).read_bytes()
            if len(raw) > MAX_FILE_BYTES:
                raise UserError.single(ErrorCode.FILE_UNREADABLE, "tệp quá lớn (tối đa 5 MB)", where=name)
            text = raw.decode("utf-8")
    except FileNotFoundError:
        raise UserError.single(ErrorCode.FILE_UNREADABLE, "không tìm thấy tệp", where=str(path)) from None
    except UnicodeDecodeError:
        raise UserError.single(ErrorCode.FILE_UNREADABLE, "tệp không phải văn bản UTF-8", where=name) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        problem = getattr(exc, "problem", None) or str(exc)
        raise UserError.single(ErrorCode.FILE_UNREADABLE, f"lỗi cú pháp YAML ({problem})", where=where) from None


Converter = Callable[[Any], Any]


@dataclass
class FieldReader:
    """Reads fields from LineDicts, converting values and collecting located problems."""

    filename: str
    problems: list[Problem] = field(default_factory=list)

    def where(self, node: Any, key: str | None = None) -> str:
        line = getattr(node, "key_lines", {}).get(key) if key is not None else None
        return f"{self.filename}:{line or getattr(node, 'line', 0) or '?'}"

    def add(self, code: ErrorCode, message: str, *, node: Any, key: str | None, path: str) -> None:
        self.problems.append(Problem(code, message, self.where(node, key), path))

    def mapping(self, node: Any, path: str, allowed: Iterable[str]) -> bool:
        if not isinstance(node, dict):
            self.problems.append(
                Problem(ErrorCode.FIELD_INVALID, "phải là một bảng khóa: giá trị", f"{self.filename}:{getattr(node, 'line', '?')}", path)
            )
            return False
        allowed_set = set(allowed)
        for key in node:
            if key not in allowed_set:
                self.add(
                    ErrorCode.FIELD_UNKNOWN,
                    f"trường {key!r} không có trong định dạng (có thể gõ sai); các trường hợp lệ: {', '.join(sorted(allowed_set))}",
                    node=node,
                    key=key,
                    path=join(path, str(key)),
                )
        return True

    def required(self, node: dict, key: str, path: str, convert: Converter) -> Any:
        if key not in node or node[key] is None or node[key] == "":
            self.add(ErrorCode.FIELD_MISSING, "thiếu trường bắt buộc", node=node, key=None, path=join(path, key))
            return None
        return self._convert(node, key, path, convert)

    def optional(self, node: dict, key: str, path: str, convert: Converter, default: Any = None) -> Any:
        if key not in node or node[key] is None:
            return default
        found = len(self.problems)
        value = self._convert(node, key, path, convert)
        # A refused value is recorded; the default keeps the rest of the reading in shape (a
        # list stays a list) so that it can go on and report every other problem too.
        return default if len(self.problems) > found else value

    def items(self, node: dict, key: str, path: str, *, required: bool = False) -> list[tuple[str, Any]]:
        """The list under `key` as (path, item) pairs; an absent optional list is empty."""
        value = node.get(key)
        if value is None:
            if required:
                self.add(ErrorCode.FIELD_MISSING, "thiếu danh sách bắt buộc", node=node, key=None, path=join(path, key))
            return []
        if not isinstance(value, list):
            self.add(ErrorCode.FIELD_INVALID, "phải là một danh sách", node=node, key=key, path=join(path, key))
            return []
        return [(f"{join(path, key)}[{index}]", item) for index, item in enumerate(value)]

    def _convert(self, node: dict, key: str, path: str, convert: Converter) -> Any:
        try:
            return convert(node[key])
        except ValueError as exc:
            self.add(ErrorCode.FIELD_INVALID, str(exc), node=node, key=key, path=join(path, key))
            return None

    def raise_if_problems(self) -> None:
        if self.problems:
            raise UserError(list(self.problems))


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# --- converters: each raises ValueError with a Vietnamese message -------------------------


def text(value: Any) -> str:
    if isinstance(value, (dict, list)):
        raise ValueError("phải là một chuỗi văn bản")
    result = " ".join(str(value).split())
    if not result:
        raise ValueError("không được để trống")
    return result


def raw_text(value: Any) -> str:
    if isinstance(value, (dict, list)):
        raise ValueError("phải là một chuỗi văn bản")
    return str(value).strip()


def code(value: Any) -> str:
    result = text(value)
    if not all(ch.isalnum() or ch in "-_." for ch in result):
        raise ValueError(f"mã {result!r} chỉ được gồm chữ, số và - _ .")
    return result


def number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError("phải là một số")
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    if isinstance(value, str):
        # Accept the Vietnamese decimal comma in files typed by hand: "2,5".
        candidate = value.strip().replace(",", ".")
        try:
            return Decimal(candidate)
        except InvalidOperation:
            pass
    raise ValueError(f"{value!r} không phải là số (viết 2.5 hoặc \"2,5\")")


def year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise ValueError(f"{value!r} không phải là một năm (1900–2100)")
    return value


def a_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"ngày {value!r} không đúng dạng YYYY-MM-DD (ví dụ 2025-07-01)") from None


def partial_date(value: Any) -> str:
    """'2024', '2024-03' or '2024-03-15': documents often carry only month and year."""
    if isinstance(value, date):
        return value.isoformat()
    result = str(value).strip()
    parts = result.split("-")
    try:
        if len(parts) == 1:
            year(int(parts[0]))
        elif len(parts) == 2:
            year(int(parts[0]))
            if not 1 <= int(parts[1]) <= 12:
                raise ValueError
            if len(parts[1]) != 2:
                raise ValueError
        else:
            date.fromisoformat(result)
    except ValueError:
        raise ValueError(f"ngày {value!r} phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD") from None
    return result


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("phải là true hoặc false")
    return value


def choice(options: Iterable[str]) -> Converter:
    allowed = list(options)

    def convert(value: Any) -> str:
        result = str(value).strip()
        if result not in allowed:
            raise ValueError(f"giá trị {result!r} không hợp lệ; dùng một trong: {', '.join(allowed)}")
        return result

    return convert


def list_of(convert: Converter) -> Converter:
    def convert_list(value: Any) -> list:
        if not isinstance(value, list):
            raise ValueError("phải là một danh sách")
        return [convert(item) for item in value]

    return convert_list
