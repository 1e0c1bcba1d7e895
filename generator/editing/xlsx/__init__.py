"""export-xlsx / import-xlsx: the catalogue ↔ the Excel/WPS workbook legal offices already keep.

`export.export_workbook` writes three sheets — 规范性文件 (the normative-document inventory), 权力清单
and 执法依据 — with Chinese column headers taken from fields.py, plus a 填写说明 sheet.
`importer.plan_import` reads such a workbook (or one typed by hand in that layout: columns are found
by their header, in any order, and may be left out) and works out the YAML edits;
`importer.apply_plan` writes them.

One module per step: `sheets` (each sheet's columns and every value ↔ cell conversion, both
ways), `export` (catalogue → workbook), `read` (workbook → rows, columns found by their header),
`importer` (rows → planned edits → files).
"""
