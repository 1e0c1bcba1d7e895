"""Every table the project writes (CSV, XLSX) or reads (.xlsx, .xls, .et, .ods) goes through here.

Writing: a text cell is never something a spreadsheet runs. In CSV a text cell that begins with
= + - @ TAB or CR gets a leading apostrophe (the OWASP advice against CSV injection), numbers stay
numbers; in XLSX every text cell is stored as text with its exact value (never a formula; one
that looks like a formula is also marked "quote prefix", so editing it in Excel keeps it text).
`workbook_bytes` saves a workbook with fixed timestamps: same input and day, same bytes.

Reading: `open_tables` and `open_xlsx` are the only ways the project opens a workbook. Both first
`guard` the file: its size, the number of zip entries, the declared and the actual inflated size
of every part, and the rows and columns of every sheet are checked against `LIMITS` by a streaming
scan, before any parser sees the file, so a zip bomb or a sheet that claims a million rows is a
Chinese UsageError (exit 2) in well under a second instead of gigabytes of memory.

Modules: `write` (CSV and XLSX cells, reproducible workbooks), `guard` (the limits and the streaming
scan that runs before any parser), `read` (opening a guarded workbook as tables).
"""
