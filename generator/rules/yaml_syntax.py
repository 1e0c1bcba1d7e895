"""无法按 YAML 读取的文件：语法错误、编码不对、Tab 缩进、重复的键、锚点和别名。

这些问题在读取文件时就会报出（只有这一步能看到原始文本），位置是解析器给出的行和列。
除一般的语法错误外，还包括：文件不是 UTF-8 编码（WPS 保存的 GBK/GB18030 会明确指出）、二进制文件、
缩进里用了 Tab、同一个键写了两次（普通 YAML 会悄悄只保留最后一个）、锚点和别名
（一律拒绝：目录从来用不到，还可能被用来制造“billion laughs”炸弹）、`!!python/...` 等标签（一律拒绝），
以及 front matter 缺少结尾的 `---`。修改方法：文件一律存为 UTF-8，缩进一律用空格。

通过：
```yaml
# catalog/legal_bases.yml
- id: zlf
  title: 中华人民共和国专利法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2026-11-01
```

不通过：
```yaml
# catalog/legal_bases.yml
- id: zlf
  title: 中华人民共和国专利法
  title: 专利法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2026-11-01
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.YAML_SYNTAX
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    """The loader has already reported these with the parser's position; nothing to add here."""
    return iter(())
