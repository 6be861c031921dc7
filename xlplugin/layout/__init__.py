"""The declarative workbook layout and the texts per language."""
