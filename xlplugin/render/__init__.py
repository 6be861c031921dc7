"""Adapters that turn the report's document (``xlplugin.domain.document``) into files:
PDF (ReportLab), Word (python-docx) and the figures (matplotlib). Imported only when a
report is made, so the ribbon starts fast."""
