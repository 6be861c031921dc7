"""xlplugin: the five-step social-innovation workbook for Danish social housing."""

__version__ = "0.1.0"
