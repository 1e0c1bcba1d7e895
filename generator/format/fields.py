"""The catalogue format v1, declared once: every file's fields, types, enumerations and Chinese help.

The schema rules (missing-field, unknown-field, invalid-value, invalid-date), the model and
the JSON Schemas for editors (`python -m generator schema`) all read these declarations, so
the format has exactly one definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.format.status import DOC_STATUSES, LAW_STATUSES, POWER_STATUSES, REVIEW_RESULTS

ID_PATTERN = r"^[a-z0-9-]+$"

LAW_LEVELS = ("法律", "行政法规", "地方性法规", "自治条例和单行条例", "部门规章", "地方政府规章", "规范性文件")
# 依申请公开的渠道（条例第二十九条：书面形式，包括信件、数据电文）。
CHANNEL_TYPES = ("在线平台", "信函", "当面", "传真", "电子邮件")
POWER_TYPES = (
    "行政许可", "行政处罚", "行政强制", "行政征收", "行政给付",
    "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力",
)
DOC_KINDS = ("规章", "规范性文件", "其他")
NORMATIVE_KINDS = ("规章", "规范性文件")
DOC_OWNERS = ("self", "drafted")
LEGALITY_RESULTS = ("通过", "修改后通过", "不通过")
# 权责清单 动态调整 (a power's `changes:`). 委托 and 下放 rest on an instrument: its 文号 is required.
CHANGE_KINDS = ("新增", "调整", "取消", "下放", "委托", "承接")
DELEGATION_KINDS = ("下放", "委托")
# 备案: 《法规规章备案条例》第三条 files a 规章 within 30 days of its publication, and most provinces'
# 规范性文件 rules use the same 30 days (some 15): the default, set policy.filing_days where it differs.
FILING_DAYS = 30
POLICY_MAX_YEARS = 100
POLICY_MAX_DAYS = 3650


@dataclass(frozen=True)
class Field:
    """One key of a catalogue record.

    kind: text | date | int | number | bool | enum | id | texts (list of text) | ids | map | maps (list of maps)
          | regex (a pattern an editor writes: compiled with RE2, generator/user_regex.py)
    """

    name: str
    kind: str
    title: str
    description: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    # Only for `maps` whose items may also be a bare id (none today); kept explicit for schemas.
    min_items: int = 0
    # Largest value an `int` may take (policy periods): beyond it the date arithmetic is meaningless.
    maximum: int | None = None


@dataclass(frozen=True)
class RecordSpec:
    """The fields of one kind of record, and the Chinese name editors know it by."""

    name: str
    title: str
    fields: tuple[Field, ...]
    required_by_kind: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


BASIS_ENTRY = (
    Field("law", "id", "法律依据", "legal_bases.yml 中的 id", required=True),
    Field("articles", "texts", "条款", "例如 第六十八条、第十条第二款"),
)
REPEALED = (
    Field("date", "date", "废止日期", "YYYY-MM-DD", required=True),
    Field("by", "text", "废止依据", "废止它的目录记录 id，或目录外文件的文号/标题", required=True),
)

SITE_CONFIG = RecordSpec(
    "site_config",
    "站点配置（site_config.yml）",
    (
        Field("site", "map", "站点", required=True, fields=(
            Field("name", "text", "站点名称", required=True),
            Field("url", "text", "站点地址", "https:// 开头，以 / 结尾", required=True),
            Field("description", "text", "站点简介"),
        )),
        Field("agency", "map", "政府信息公开工作机构（条例第十二条）", required=True, fields=(
            Field("name", "text", "机构名称", required=True),
            Field("credit_code", "text", "统一社会信用代码", "18 位统一社会信用代码或 9 位组织机构代码", required=True),
            Field("address", "text", "办公地址", required=True),
            Field("postcode", "text", "邮政编码", required=True),
            Field("office_hours", "text", "办公时间", required=True),
            Field("phone", "text", "联系电话", required=True),
            Field("fax", "text", "传真号码", required=True),
            Field("email", "text", "电子邮箱", required=True),
            Field("website", "text", "互联网联系方式", required=True),
            Field("application_channels", "channels", "申请渠道",
                  "每项一段文字，或写明类型：{type: 在线平台, url: https://…}、{type: 信函, address: …}；"
                  "在线平台必须写 url", required=True, fields=(
                      Field("type", "enum", "渠道类型", required=True, choices=CHANNEL_TYPES),
                      Field("url", "text", "网址", "在线平台必填，https:// 开头"),
                      Field("address", "text", "地址", "信函、当面申请的地址（不写则用办公地址）"),
                      Field("note", "text", "说明", "例如 信封注明“政府信息公开申请”字样"),
                  )),
        )),
        Field("footer", "map", "页脚备案信息", required=True, fields=(
            Field("sponsor", "text", "主办单位", required=True),
            Field("site_code", "text", "网站标识码", required=True),
            Field("icp", "text", "ICP备案号", required=True),
            Field("police_filing", "text", "公安机关备案号", required=True),
            Field("party_gov_badge", "text", "党政机关网站标识链接"),
        )),
        Field("policy", "map", "审查政策", fields=(
            Field("validity_years", "int", "规范性文件有效期（年）", "默认 5", maximum=POLICY_MAX_YEARS),
            Field("provisional_validity_years", "int", "暂行、试行文件有效期（年）", "默认 2",
                  maximum=POLICY_MAX_YEARS),
            Field("review_interval_years", "int", "清理周期（年）", "默认 2", maximum=POLICY_MAX_YEARS),
            Field("expiry_warning_days", "int", "到期提醒（天）", "默认 180", maximum=POLICY_MAX_DAYS),
            Field("basis_check_interval_years", "int", "执法依据状态核对周期（年）", "默认 1",
                  maximum=POLICY_MAX_YEARS),
            Field("index_no_pattern", "regex", "索引号格式（正则）", "默认 ^{credit_code}/\\d{4}-\\d{5}$"),
            Field("filing_days", "int", "备案期限（天）",
                  "公布后多少天内报送备案，默认 30（法规规章备案条例第三条）", maximum=POLICY_MAX_DAYS),
            Field("filing_required_from", "date", "备案检查起始日期",
                  "此日及以后发布的规章、规范性文件须记录 filing；不填则不检查"),
            Field("unified_no_pattern", "regex", "统一编号格式（正则）", "例如 ^KJGS-\\d{4}-\\d+$；不填则不检查格式"),
            Field("unified_no_required_from", "date", "统一编号起始日期",
                  "此日及以后发布的规范性文件须有 unified_no；不填则不检查"),
        )),
        Field("search", "map", "站内搜索", fields=(
            Field("synonyms", "texts", "同义词",
                  "每项一组意思相同的词，用 = 分隔，例如 年报=年度报告；机构简称（科学技术局→科技局）自动生成"),
        )),
    ),
)

CATEGORY = RecordSpec(
    "category",
    "公开目录分类（catalog/categories.yml）",
    (
        Field("code", "id", "分类代码", "小写字母、数字和连字符，用于网址", required=True),
        Field("name", "text", "分类名称", required=True),
        Field("description", "text", "说明"),
        Field("children", "maps", "子分类"),
    ),
)

LEGAL_BASIS = RecordSpec(
    "legal_basis",
    "行政执法依据（catalog/legal_bases.yml）",
    (
        Field("id", "id", "依据 id", "小写字母、数字和连字符，例如 zlf", required=True),
        Field("title", "text", "名称", required=True),
        Field("level", "enum", "效力层级", required=True, choices=LAW_LEVELS),
        Field("issuer", "text", "制定机关", required=True),
        Field("promulgated", "date", "公布日期"),
        Field("effective", "date", "施行日期"),
        Field("status", "enum", "时效性", required=True, choices=LAW_STATUSES),
        Field("status_checked", "date", "状态核对日期", "最近一次确认时效性的日期"),
        Field("repealed", "map", "废止信息", "时效性为 已废止 时必填", fields=REPEALED),
        Field("url", "text", "官方文本链接"),
    ),
)

POWER = RecordSpec(
    "power",
    "行政权力（catalog/powers/*.yml）",
    (
        Field("code", "text", "权力编码", "唯一，例如 KJ-CF-001", required=True),
        Field("name", "text", "事项名称", required=True),
        Field("type", "enum", "权力类型", required=True, choices=POWER_TYPES),
        Field("subtype", "text", "子类型", "例如 备案"),
        Field("basis", "maps", "实施依据", "至少一条，每条写 law 和 articles",
              required=True, fields=BASIS_ENTRY, min_items=1),
        Field("subject", "text", "实施主体", required=True),
        Field("department", "text", "承办机构"),
        Field("level", "texts", "行使层级", "例如 [市]"),
        Field("responsibilities", "texts", "责任事项", "立案、调查取证、审理、告知、决定、送达、执行……"),
        Field("accountability", "text", "追责情形及依据"),
        Field("discretion", "id", "裁量基准文件", "documents 中的 id"),
        Field("status", "enum", "状态", required=True, choices=POWER_STATUSES),
        Field("changes", "maps", "动态调整记录", "按时间先后排列", fields=(
            Field("date", "date", "调整日期", required=True),
            Field("kind", "enum", "调整类型", required=True, choices=CHANGE_KINDS),
            Field("doc_no", "text", "调整依据文号", "下放、委托时必填：所依据的决定或委托书"),
            Field("note", "text", "说明"),
        )),
    ),
)

DOCUMENT = RecordSpec(
    "document",
    "公开文件（catalog/documents/**/*.md 的 front matter）",
    (
        Field("id", "id", "文件 id", "小写字母、数字和连字符；网址由它生成，发布后不要再改", required=True),
        Field("index_no", "text", "索引号", "须符合 policy.index_no_pattern", required=True),
        Field("title", "text", "标题", required=True),
        Field("doc_no", "text", "发文字号", "机关代字〔YYYY〕N号，例如 某科〔2024〕3号"),
        Field("category", "id", "主题分类", "categories.yml 中的 code", required=True),
        Field("issuer", "text", "发布机构", required=True),
        Field("genre", "text", "体裁", "通知、办法、报告……"),
        Field("summary", "text", "内容概述", "不超过 100 字", required=True),
        Field("written", "date", "成文日期", required=True),
        Field("published", "date", "发布日期", required=True),
        Field("kind", "enum", "文件类别", required=True, choices=DOC_KINDS),
        Field("owner", "enum", "制发主体", "self 本单位制发；drafted 由本单位草拟或负责实施", choices=DOC_OWNERS),
        Field("unified_no", "text", "规范性文件统一编号", "须符合 policy.unified_no_pattern，不得重复"),
        Field("effective", "date", "施行日期"),
        Field("expires", "date", "有效期至"),
        Field("status", "enum", "有效性", choices=DOC_STATUSES),
        Field("basis", "maps", "制定依据", fields=BASIS_ENTRY),
        Field("reviews", "maps", "清理记录", "按时间先后排列", fields=(
            Field("date", "date", "清理日期", required=True),
            Field("batch", "text", "清理通知或决定文号"),
            Field("result", "enum", "清理结果", required=True, choices=REVIEW_RESULTS),
            Field("decided", "bool", "是否已决定", "false 表示仍是建议，待决定", required=True),
        )),
        Field("legality_review", "map", "合法性审核", fields=(
            Field("date", "date", "审核日期", required=True),
            Field("by", "text", "审核机构", required=True),
            Field("result", "enum", "审核结果", required=True, choices=LEGALITY_RESULTS),
            Field("opinion_no", "text", "审核意见书文号"),
        )),
        Field("filing", "map", "备案", "规章、规范性文件报送备案的情况", fields=(
            Field("date", "date", "报送备案日期", required=True),
            Field("to", "text", "备案机关", "例如 某市司法局", required=True),
            Field("no", "text", "备案登记号"),
        )),
        Field("repealed", "map", "废止信息", "有效性为 废止 时必填", fields=REPEALED),
        Field("amended_by", "ids", "修改文件", "有效性为 已修改 时必填"),
        Field("interprets", "id", "解读的文件", "政策解读所解读文件的 id"),
        Field("attachments", "texts", "附件", "catalog/attachments/ 下的文件路径"),
    ),
    required_by_kind={
        "规章": ("doc_no", "owner", "effective", "status"),
        "规范性文件": ("doc_no", "owner", "effective", "status", "expires"),
    },
)

CLEANUP = RecordSpec(
    "cleanup",
    "清理活动（catalog/cleanups.yml）",
    (
        Field("id", "id", "清理活动 id", "例如 ql-2026；清理记录的 batch 写这个 id 即与本次清理关联", required=True),
        Field("title", "text", "名称", required=True),
        Field("notice", "map", "清理通知", required=True, fields=(
            Field("doc_no", "text", "通知文号", required=True),
            Field("date", "date", "通知日期", "范围内的文件按这一天是否有效确定", required=True),
        )),
        Field("scope", "map", "清理范围", "不填则为通知日期当天有效的全部规范性文件", fields=(
            Field("kinds", "texts", "文件类别", "规章、规范性文件，默认 [规范性文件]"),
            Field("owners", "texts", "制发主体", "self、drafted，默认两者"),
            Field("published_before", "date", "发布日期早于", "默认为通知日期"),
        )),
        Field("deadline", "date", "完成期限", "此前未清理的文件报提示，此后报警告"),
        Field("decision", "map", "清理结果决定", "公布清理结果的文件", fields=(
            Field("doc_no", "text", "决定文号", required=True),
            Field("date", "date", "决定日期", required=True),
        )),
    ),
)

PAGE = RecordSpec(
    "page",
    "内容页面（content/**/*.md 的 front matter）",
    (
        Field("title", "text", "页面标题"),
        Field("description", "text", "页面简介"),
    ),
)


# 表三 columns (国办公开办函〔2021〕30号): 申请人 自然人 | 法人或其他组织（五类） | 总计.
APPLICANT_COLUMNS = (
    Field("natural_person", "int", "自然人"),
    Field("commercial", "int", "商业企业"),
    Field("research", "int", "科研机构"),
    Field("public_interest", "int", "社会公益组织"),
    Field("legal_service", "int", "法律服务机构"),
    Field("other", "int", "其他"),
    Field("total", "int", "总计", required=True),
)

def _items(*items: tuple[str, str]) -> tuple[Field, ...]:
    """The numbered items of one 表三 result (（三）–（六）), each a row of applicant columns."""
    return tuple(Field(name, "map", title, fields=APPLICANT_COLUMNS) for name, title in items)


# 表三 三、本年度办理结果, in the template's words; （三）–（六） are divided into numbered items.
RESULT_ROWS = (
    Field("disclosed", "map", "（一）予以公开", fields=APPLICANT_COLUMNS),
    Field("partly_disclosed", "map", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
          fields=APPLICANT_COLUMNS),
    Field("withheld", "map", "（三）不予公开", "八项，没有的项可省略", fields=_items(
        ("state_secret", "1.属于国家秘密"),
        ("prohibited_by_law", "2.其他法律行政法规禁止公开"),
        ("security_stability", "3.危及“三安全一稳定”"),
        ("third_party", "4.保护第三方合法权益"),
        ("internal_affairs", "5.属于三类内部事务信息"),
        ("process_information", "6.属于四类过程性信息"),
        ("enforcement_files", "7.属于行政执法案卷"),
        ("inquiry_matters", "8.属于行政查询事项"),
    )),
    Field("unavailable", "map", "（四）无法提供", "三项，没有的项可省略", fields=_items(
        ("not_held", "1.本机关不掌握相关政府信息"),
        ("needs_creation", "2.没有现成信息需要另行制作"),
        ("still_unclear", "3.补正后申请内容仍不明确"),
    )),
    Field("not_processed", "map", "（五）不予处理", "五项，没有的项可省略", fields=_items(
        ("complaint", "1.信访举报投诉类申请"),
        ("repeated", "2.重复申请"),
        ("publications", "3.要求提供公开出版物"),
        ("excessive", "4.无正当理由大量反复申请"),
        ("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    )),
    Field("other", "map", "（六）其他处理", "三项，没有的项可省略", fields=_items(
        ("no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other", "3.其他"),
    )),
    Field("total", "map", "（七）总计", required=True, fields=APPLICANT_COLUMNS),
)

# 表四 columns: each of 行政复议, 未经复议直接起诉, 复议后起诉 has the same five.
APPEAL_COLUMNS = (
    Field("upheld", "int", "结果维持"),
    Field("corrected", "int", "结果纠正"),
    Field("other", "int", "其他结果"),
    Field("pending", "int", "尚未审结"),
    Field("total", "int", "总计", required=True),
)

ANNUAL_REPORT = RecordSpec(
    "annual_report",
    "年度报告中目录之外的数字（catalog/annual/YYYY.yml）",
    (
        Field("active", "map", "表二 主动公开政府信息情况（规章、规范性文件之外的项目）", fields=(
            Field("permit_decisions", "int", "行政许可 本年处理决定数量", "第二十条第（五）项", required=True),
            Field("penalty_decisions", "int", "行政处罚 本年处理决定数量", "第二十条第（六）项", required=True),
            Field("coercion_decisions", "int", "行政强制 本年处理决定数量", "第二十条第（六）项", required=True),
            Field("fee_amount", "number", "行政事业性收费 本年收费金额（万元）", "第二十条第（八）项，可带小数",
                  required=True),
        )),
        Field("applications", "map", "表三 收到和处理政府信息公开申请情况",
              "一 + 二 应等于 三（七）+ 四；没写的栏、没写的项按 0 计，每行的 total 必填", fields=(
                  Field("received", "map", "一、本年新收政府信息公开申请数量", required=True, fields=APPLICANT_COLUMNS),
                  Field("carried_over", "map", "二、上年结转政府信息公开申请数量", required=True,
                        fields=APPLICANT_COLUMNS),
                  Field("results", "map", "三、本年度办理结果", required=True, fields=RESULT_ROWS),
                  Field("carried_forward", "map", "四、结转下年度继续办理", required=True, fields=APPLICANT_COLUMNS),
              )),
        Field("appeals", "map", "表四 政府信息公开行政复议、行政诉讼情况", "没写的栏按 0 计，total 必填", fields=(
            Field("review", "map", "行政复议", required=True, fields=APPEAL_COLUMNS),
            Field("suit_direct", "map", "行政诉讼 未经复议直接起诉", required=True, fields=APPEAL_COLUMNS),
            Field("suit_after_review", "map", "行政诉讼 复议后起诉", required=True, fields=APPEAL_COLUMNS),
        )),
    ),
)
