import pytest

from ansinh.core.errors import UserError
from ansinh.core.yamlfile import FieldReader, a_date, load_yaml, number, text


def test_loaded_mappings_remember_the_line_of_each_key():
    data = load_yaml("x.yaml", text="a: 1\nb:\n  c: 2\n  d: [1, 2]\n")
    assert data.key_lines == {"a": 1, "b": 2}
    assert data["b"].key_lines == {"c": 3, "d": 4}


def test_on_and_off_are_keys_not_booleans():
    data = load_yaml("x.yaml", text="on: 2024-03-01\nflag: true\nword: no\n")
    assert list(data) == ["on", "flag", "word"]
    assert data["flag"] is True and data["word"] == "no"


def test_syntax_error_names_file_and_line():
    with pytest.raises(UserError) as caught:
        load_yaml("bad.yaml", text="a: 1\nb: [\n")
    assert str(caught.value).startswith("bad.yaml:")
    assert "lỗi cú pháp YAML" in str(caught.value)


def test_field_reader_collects_every_problem_with_its_location():
    data = load_yaml("f.yaml", text="name: x\nvalue: abc\nwhen: 2024-13-01\nextra: 1\n")
    reader = FieldReader("f.yaml")
    reader.mapping(data, "", {"name", "value", "when", "missing"})
    reader.required(data, "missing", "", text)
    reader.required(data, "value", "", number)
    reader.required(data, "when", "", a_date)
    messages = [str(problem) for problem in reader.problems]
    assert messages[0].startswith("f.yaml:4: extra: trường 'extra' không có trong định dạng")
    assert messages[1] == "f.yaml:1: missing: thiếu trường bắt buộc"
    assert messages[2].startswith("f.yaml:2: value: 'abc' không phải là số")
    assert messages[3].startswith("f.yaml:3: when:")
