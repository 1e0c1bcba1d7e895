"""The 政府信息公开申请表: its fields (条例第二十九条), declared once for the printable page and the .docx.

Art. 29: the applicant's name, proof of identity and contact details; the name, 文号 or another
description of the information sought; the form in which it is to be provided and how it is to be
obtained. The applicant need not state a purpose, so the form asks for none.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from html import escape

# zipfile would stamp the current time on each member; a fixed date keeps the build byte-identical.
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


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _para(text: str, size: int = 24, bold: bool = False, center: bool = False) -> str:
    """One paragraph; `size` in half-points (24 = 小四)."""
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    rpr = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    return f"<w:p>{ppr}<w:r>{rpr}<w:t xml:space=\"preserve\">{escape(text, quote=False)}</w:t></w:r></w:p>"


def _table(rows: tuple[tuple[str, str], ...]) -> str:
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = '<w:tblGrid><w:gridCol w:w="2800"/><w:gridCol w:w="6200"/></w:tblGrid>'
    body = "".join(
        f'<w:tr><w:trPr><w:trHeight w:val="560"/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="2800" w:type="dxa"/></w:tcPr>{_para(label, bold=True)}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="6200" w:type="dxa"/></w:tcPr>{_para(hint)}</w:tc></w:tr>'
        for label, hint in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders>{border}</w:tblBorders></w:tblPr>'
            f"{grid}{body}</w:tbl>")


def application_docx(agency_name: str) -> bytes:
    """guide/apply.docx: the form as Word tables to fill in (plain WordprocessingML, opens in Word and
    WPS); the same bytes for the same agency."""
    parts = [_para(f"{agency_name}政府信息公开申请表", size=36, bold=True, center=True)]
    for part in FORM:
        parts += [_para(part.title, size=28, bold=True), _table(part.rows)]
    parts += [_para(note, size=18) for note in NOTES]
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
                + "".join(parts)
                + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
                'w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("word/document.xml", document)):
            member = zipfile.ZipInfo(name, FIXED)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            z.writestr(member, text.encode("utf-8"))
    return out.getvalue()
