"""The 政府信息公开申请表: its fields (条例第二十九条), declared once for the printable page and the .docx.

Art. 29: the applicant's name, proof of identity and contact details; the name, 文号 or another
description of the information sought; the form in which it is to be provided and how it is to be
obtained. The applicant need not state a purpose, so the form asks for none.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from docx import Document as Docx
from docx.shared import Pt

# python-docx stamps the current time into the file; a fixed date keeps the build byte-identical.
FIXED = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class FormPart:
    """One block of the form: a heading and its rows (label, hint shown in the blank cell)."""

    title: str
    rows: tuple[tuple[str, str], ...]


FORM: tuple[FormPart, ...] = (
    FormPart("申请人信息（公民）", (
        ("姓名", ""), ("证件名称", "如居民身份证"), ("证件号码", ""), ("联系电话", ""),
        ("通信地址", ""), ("邮政编码", ""), ("电子邮箱", ""),
    )),
    FormPart("申请人信息（法人或者其他非法人组织）", (
        ("名称", ""), ("统一社会信用代码", ""), ("法定代表人或者负责人", ""), ("联系人姓名", ""),
        ("联系电话", ""), ("通信地址", ""), ("邮政编码", ""), ("电子邮箱", ""),
    )),
    FormPart("所需政府信息情况", (
        ("所需政府信息的名称", ""),
        ("文号", "知道时填写"),
        ("便于查询的其他特征性描述", "如制作或者获取的时间、内容要点"),
    )),
    FormPart("政府信息的提供方式和获取途径", (
        ("提供方式（选择一种）", "□ 纸质　□ 电子文档　□ 光盘"),
        ("获取途径（选择一种）", "□ 邮寄　□ 当面领取　□ 电子邮件　□ 传真"),
    )),
    FormPart("申请人签名", (
        ("申请人签名或者盖章", ""), ("申请日期", "年　　月　　日"),
    )),
)

NOTES = (
    "公民申请的，请附身份证明复印件；法人或者其他非法人组织申请的，请附营业执照等证明文件复印件。",
    "申请人不需要说明申请信息的用途。一份申请表可以申请多项信息，请逐项写明。",
)


def application_docx(agency_name: str) -> bytes:
    """guide/apply.docx: the form as a Word table to fill in; the same bytes for the same agency."""
    doc = Docx()
    doc.core_properties.title = "政府信息公开申请表"
    doc.core_properties.author = agency_name
    doc.core_properties.last_modified_by = agency_name
    doc.core_properties.revision = 1
    for attr in ("created", "modified", "last_printed"):
        setattr(doc.core_properties, attr, dt.datetime(*FIXED))
    doc.add_heading(f"{agency_name}政府信息公开申请表", level=1)
    for part in FORM:
        doc.add_heading(part.title, level=2)
        table = doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, hint in part.rows:
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = hint
    for note in NOTES:
        doc.add_paragraph(note).runs[0].font.size = Pt(9)
    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member's date fixed (zipfile stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, FIXED)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()
