"""附件或 content/ 中的文件不能原样发布到网站上。

网站会把附件（`attachments` 列出的 catalog/attachments/ 下的文件）和 content/ 中 Markdown 以外的文件
（页面里的图片等）原样复制到站点。放在政府网站自己的域名下，网页（.html）、SVG 图、XML、脚本等文件一打开就会
以本站名义运行脚本，所以只发布公开工作需要的类型：PDF、OFD、Word/Excel/PowerPoint 及 WPS 文档、压缩包、
PNG/JPEG/GIF/WebP 图片、纯文本、MP4/MP3，而且文件开头的内容必须与扩展名一致（改了扩展名的网页同样不发布）。
指向项目目录之外的符号链接一律不发布。附件的问题指向文件中写这个附件的那一行；content/ 中的文件指向文件本身。

通过：
```yaml
# content/files/说明.txt
本页附图的文字说明。
```

不通过：
```yaml
# content/files/logo.svg
<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"></svg>
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog, StaticSource
from generator.problems import Pos
from generator.rules._util import Findings
from generator.rules.unknown_reference import attachment_path_problem
from generator.site.files import refusal

CODE = Code.UNPUBLISHABLE_FILE
LEVEL = CODE.level


def verdict(source: StaticSource) -> str | None:
    """Why the site will not publish this file (None: it will)."""
    return source.unreadable or refusal(source.name, source.head)


def linked_folder(cat: Catalog, path: str) -> StaticSource | None:
    """The folder link of catalog/attachments/ that `path` lies under, if any (never followed)."""
    parts = path.split("/")
    return next((cat.attachments[p] for i in range(1, len(parts))
                 if (p := "/".join(parts[:i])) in cat.attachments), None)


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        for i, att in enumerate(doc.attachments):
            if attachment_path_problem(att) is not None:
                continue  # unknown-reference says how to write the path
            source = cat.attachments.get(att)
            if source is None and (folder := linked_folder(cat, att)) is not None:
                yield doc.src.path, doc.src.at("attachments", i), \
                    f"附件 '{att}' 在 catalog/attachments/{folder.name} 之下，而 {folder.name} {folder.unreadable}"
                continue
            if source is None:
                continue  # unknown-reference says the file is missing
            if (why := verdict(source)) is not None:
                yield doc.src.path, doc.src.at("attachments", i), f"附件 '{att}' {why}"
    for source in cat.static_files:
        if (why := verdict(source)) is not None:
            yield source.path, Pos(1, 1), f"content/ 中的文件 '{source.name}' {why}"
