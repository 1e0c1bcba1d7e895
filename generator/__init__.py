"""Static site generator for Chinese government information disclosure (政府信息公开)."""

import os

# openpyxl writes through lxml whenever lxml is installed (python-docx needs it), and then its bytes
# differ from those of its own writer (a bare CR kept as &#13;, other serialisation). Every workbook
# the project writes keeps the one writer, so the same input gives the same file on every machine.
os.environ.setdefault("OPENPYXL_LXML", "False")
