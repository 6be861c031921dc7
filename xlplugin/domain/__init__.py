"""The pure domain core: models, matching, evaluation and rules. No I/O here."""
