"""Adapters between the domain and a workbook: on disk (openpyxl) or live in Excel (xlwings)."""
