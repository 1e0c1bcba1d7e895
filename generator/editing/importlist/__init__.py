"""import-list: start the catalogue from the 权责清单 or 规范性文件目录 workbook an office already publishes.

Such a workbook is laid out for printing, not for this program: a merged title row, headers that vary
from province to province, group rows ("行政处罚（45项）") with 序号 restarting under each, equal
neighbouring values merged, 设定依据 as free text with short names, 责任事项 as numbered lines.

One module per step: `columns` (the header synonyms and the --map file), `rows` (a sheet's header row,
merged cells propagated, title, group, blank and note rows told apart from records), `values` (types
and statuses normalised to the format's words, 责任事项, dates), `basis` (设定依据 → law ids and
articles), `powers` and `documents` (rows → records), `plan` (records → new YAML, compared with what the
catalogue already holds; nothing existing is overwritten) and `report` (what the command prints).
"""
