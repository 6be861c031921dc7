"""Building and installing the Excel add-in."""
