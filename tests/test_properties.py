"""Property-based tests: generated catalogues, valid and mutated, never break the loader or the rules.

Valid records are drawn from the declarations in generator/fields.py (every field's kind,
enumeration and bounds), with the few cross-field facts the rules demand (dates in order, a
文号 and 索引号 of the right shape, references to records that exist) drawn explicitly.
Then the files are mutated the way editors and tools damage them. Properties:

* a valid catalogue yields no error and no warning;
* load + rules never raise, whatever the bytes;
* every problem has a known code and a position inside its file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import string
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check_project
from generator.format import fields as F
from generator.rules import rules
from generator.rules.power_type_suspect import KEYWORDS
from generator.rules.summary_too_long import LIMIT as SUMMARY_LIMIT
from tests.hostile.project import position_outside
from tests.minimal import TODAY, make_project

# 60 examples keep `make test` fast; FUZZ_EXAMPLES=2000 runs a deeper search by hand.
SETTINGS = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
CODES = {r.CODE for r in rules()}
CREDIT = "11350100MB0000001X"  # tests.minimal's agency
LAWS_VALID = ("kjjbf", "zlf", "mfd")  # 现行有效 laws of tests.minimal
CATEGORIES = ("jgzn", "fgwj", "gfxwj", "qtwj", "gzdt")

# Text as editors type it: any printable character of any script, never blank.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf")), min_size=1, max_size=40).filter(
    lambda s: bool(s.strip()))
# A Markdown body: any text and line breaks, but no control characters (a NUL makes it a binary file).
BODY = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), max_size=200)


def _field(spec: F.RecordSpec, name: str) -> F.Field:
    f = spec.get(name)
    assert f is not None, name
    return f


def value_of(f: F.Field) -> st.SearchStrategy[Any]:
    """A valid value for a field, from its declaration alone."""
    if f.kind == "text":
        return TEXT
    if f.kind == "enum":
        return st.sampled_from(f.choices)
    if f.kind == "id":
        return st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
    if f.kind == "date":
        return st.dates(dt.date(2000, 1, 1), TODAY)
    if f.kind == "int":
        return st.integers(0, f.maximum if f.maximum is not None else 10**6)
    if f.kind == "number":
        return st.floats(0, 10**6, allow_nan=False)
    if f.kind == "bool":
        return st.booleans()
    if f.kind == "texts":
        return st.lists(TEXT, min_size=1, max_size=3)
    if f.kind == "ids":
        return st.lists(value_of(F.Field("x", "id", "x")), min_size=1, max_size=3)
    if f.kind == "map":
        return record_of(f.fields)
    if f.kind == "maps":
        return st.lists(record_of(f.fields), min_size=max(1, f.min_items), max_size=2)
    raise AssertionError(f"no strategy for kind {f.kind}")


def record_of(fields: tuple[F.Field, ...], fixed: dict[str, st.SearchStrategy[Any]] | None = None,
              skip: frozenset[str] = frozenset(), required: tuple[str, ...] = ()) -> st.SearchStrategy[dict[str, Any]]:
    """Required fields always, optional ones sometimes; `fixed` overrides a field's strategy."""
    fixed = fixed or {}
    must = {f.name: fixed.get(f.name, value_of(f)) for f in fields
            if (f.required or f.name in required) and f.name not in skip}
    may = {f.name: fixed.get(f.name, value_of(f)) for f in fields
           if not (f.required or f.name in required) and f.name not in skip}
    return st.fixed_dictionaries(must, optional=may)


# --- the records, with the cross-field facts the rules check -------------------------------------------------

def _no(words: tuple[str, ...]) -> Any:
    return lambda s: not any(w in s for w in words)


LAW = record_of(
    F.LEGAL_BASIS.fields,
    fixed={"status": st.just("现行有效"), "status_checked": st.dates(TODAY - dt.timedelta(days=360), TODAY),
           "url": st.just("https://flk.npc.gov.cn/")},
    skip=frozenset({"id", "repealed", "promulgated", "effective"}),
    required=("status_checked",),  # optional in the format, but a law never checked is a warning
)

BASIS = st.lists(st.fixed_dictionaries({"law": st.sampled_from(LAWS_VALID)},
                                       optional={"articles": st.lists(TEXT.filter(_no(("，", "、"))),
                                                                      min_size=1, max_size=2)}),
                 min_size=1, max_size=2)

POWER = record_of(
    F.POWER.fields,
    fixed={"name": TEXT.filter(_no(tuple(KEYWORDS))), "basis": BASIS},
    skip=frozenset({"code", "discretion", "changes"}),
)


@st.composite
def document(draw: st.DrawFn, serial: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(F.DOC_KINDS))
    # Published within the review interval, in a year the official calendar knows.
    published = draw(st.dates(TODAY - dt.timedelta(days=700), TODAY - dt.timedelta(days=1)))
    written = published - dt.timedelta(days=draw(st.integers(0, 7)))
    fixed: dict[str, st.SearchStrategy[Any]] = {
        "id": st.just(f"doc-{serial}"),
        "index_no": st.just(f"{CREDIT}/{published.year}-{serial:05d}"),
        "doc_no": st.just(f"某科〔{published.year}〕{serial}号"),
        "category": st.sampled_from(CATEGORIES),
        "title": TEXT.filter(_no(("暂行", "试行"))),
        "summary": TEXT.filter(lambda s: len(s.strip()) <= SUMMARY_LIMIT),
        "written": st.just(written), "published": st.just(published),
        "kind": st.just(kind), "status": st.just("有效"), "basis": BASIS,
    }
    skip = {"repealed", "amended_by", "interprets", "attachments", "reviews", "legality_review",
            "effective", "expires", "filing", "unified_no"}
    if kind == "规章":  # made by a 人民政府 (立法法第九十三条); the agency, a 局, only drafts it
        fixed["issuer"], fixed["owner"] = st.just("某市人民政府"), st.just("drafted")
    required = F.DOCUMENT.required_by_kind.get(kind, ())
    if kind in F.NORMATIVE_KINDS:
        effective = published + dt.timedelta(days=draw(st.integers(0, 30)))
        latest = effective.replace(year=effective.year + 5) - dt.timedelta(days=1)
        fixed["effective"] = st.just(effective)
        fixed["expires"] = st.dates(max(TODAY + dt.timedelta(days=200), effective), latest)
        skip -= {"effective", "expires"}
        required = (*required, "expires")
    else:
        skip |= {"status", "doc_no", "owner", "unified_no"}
    record = draw(record_of(F.DOCUMENT.fields, fixed=fixed, skip=frozenset(skip), required=required))
    if kind == "规范性文件":
        record["legality_review"] = {"date": draw(st.dates(written, published)), "by": draw(TEXT),
                                     "result": draw(st.sampled_from(("通过", "修改后通过")))}
    if kind in F.NORMATIVE_KINDS and draw(st.booleans()):
        record["reviews"] = [{"date": draw(st.dates(published, TODAY)),
                              "batch": draw(TEXT.filter(lambda t: not re.fullmatch(r"[a-z0-9-]+", t.strip()))),
                              "result": "继续有效", "decided": True}]
    return record


@st.composite
def catalogue(draw: st.DrawFn) -> dict[str, str]:
    """A valid project as {path: text}: tests.minimal plus generated laws, powers, documents, pages."""
    files: dict[str, str] = {}
    laws = [{"id": f"law-{i}", **draw(LAW)} for i in range(draw(st.integers(0, 3)))]
    if laws:
        from tests.minimal import LEGAL_BASES
        files["catalog/legal_bases.yml"] = LEGAL_BASES + dump(laws)
    powers = [{"code": f"KJ-QT-{i:03d}", **draw(POWER)} for i in range(draw(st.integers(0, 3)))]
    if powers:
        files["catalog/powers/gen.yml"] = dump(powers)
    for serial in range(2, 2 + draw(st.integers(0, 4))):
        doc = draw(document(serial))
        body = draw(BODY)
        files[f"catalog/documents/gen/doc-{serial}.md"] = "---\n" + dump(doc) + "---\n" + body + "\n"
    if draw(st.booleans()):
        page = draw(record_of(F.PAGE.fields))
        files["content/gen.md"] = "---\n" + dump(page) + "---\n" + draw(BODY) + "\n"
    return files


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the same date object twice must not become &id001 / *id001: the format refuses aliases


def dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def checked(files: dict[str, str | bytes], *, valid: bool = False) -> None:
    """Lay `files` over the minimal project in a fresh folder, check it, and assert the properties."""
    with tempfile.TemporaryDirectory(prefix="prop-") as tmp:
        root = make_project(Path(tmp))
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        problems = check_project(root, TODAY).problems
        assert_well_formed(root, problems)
        if valid:
            bad = [p.as_text() for p in problems if p.level.value != "notice"]
            assert bad == [], "\n".join(bad) + "\n\n" + "\n".join(f"== {k}\n{v!r}" for k, v in files.items())


def assert_well_formed(root: Path, problems: list) -> None:
    assert {p.code for p in problems} <= CODES, {p.code for p in problems} - CODES
    outside = [why for p in problems if (why := position_outside(root, p))]
    assert outside == [], outside


@SETTINGS
@given(catalogue())
def test_valid_catalogue_has_no_error_or_warning(files: dict[str, str]) -> None:
    checked(dict(files), valid=True)


# --- mutations ---------------------------------------------------------------------------------------------------

JUNK = ("", "~", "[", "]", "{", "{a: 1}", "[1, [2]]", "- x", "!!python/object/apply:os.system [id]", "*a", "&a x",
        "2025-02-30", "２０２５-０１-０１", "2025-1-1", "0o777", "0x1F", "0777", "1e400", ".nan", "-.inf", "yes", "no",
        "null", "'unclosed", '"bad \\q"', "\t", "\u3000", "\x0b", "\ufeff", "\u2028", "a: b: c", "? x", "|", ">-",
        "%YAML 1.1", "---", "...", "<<: *a", "@x", "`x`", "99999999999999999999999", "-1", "9999-12-31", "0001-01-01",
        "<script>alert(1)</script>", "../../etc/passwd", "某科[2025]01号")


@st.composite
def mutation(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        op = draw(st.sampled_from(("drop", "value", "insert", "dup", "indent", "truncate", "key")))
        line = lines[i] if lines else ""
        if op == "drop" and lines:
            del lines[i]
        elif op == "value" and ": " in line:
            junk = draw(st.one_of(st.sampled_from(JUNK), st.text(max_size=12)))
            lines[i] = line.split(": ", 1)[0] + ": " + junk
        elif op == "insert":
            at = draw(st.integers(0, len(line)))
            lines[i:i + 1] = [line[:at] + draw(st.text(max_size=6)) + line[at:]]
        elif op == "dup" and lines:
            lines.insert(i, line)
        elif op == "indent" and lines:
            lines[i] = " " * draw(st.integers(0, 5)) + line.lstrip(" ")
        elif op == "truncate":
            lines = lines[:i] + [line[: draw(st.integers(0, len(line)))]]
        elif op == "key" and ": " in line:
            key = draw(st.sampled_from([f.name for f in F.DOCUMENT.fields] + ["tittle", "", "- x", "? "]))
            lines[i] = line[: len(line) - len(line.lstrip())] + key + ": " + line.split(": ", 1)[1]
    return "\n".join(lines)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = dict(draw(catalogue()))
    from tests.minimal import BASE
    pool = sorted({**BASE, **files})
    for path in draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)):
        text = files.get(path, BASE.get(path, ""))
        assert isinstance(text, str)
        new = draw(mutation(text))
        if draw(st.integers(0, 9)) == 0:  # now and then, bytes no editor should save
            raw = bytearray(new.encode("utf-8"))
            for _ in range(draw(st.integers(1, 4))):
                raw.insert(draw(st.integers(0, len(raw))), draw(st.integers(0x80, 0xFF)))
            files[path] = bytes(raw)
        else:
            files[path] = new
    return files


@SETTINGS
@given(mutated())
def test_mutated_catalogue_never_raises_and_points_inside_files(files: dict[str, str | bytes]) -> None:
    checked(files)


@SETTINGS
@given(st.sampled_from(["catalog/documents/x.md", "catalog/powers/x.yml", "catalog/legal_bases.yml",
                        "catalog/categories.yml", "site_config.yml", "content/x.md"]),
       st.one_of(st.text(max_size=300), st.binary(max_size=300),
                 st.text(alphabet=string.printable + "：　「」〔〕—…中文", max_size=300)))
def test_any_text_or_bytes_in_any_file_is_a_problem_not_a_crash(path: str, content: str | bytes) -> None:
    checked({path: content})
