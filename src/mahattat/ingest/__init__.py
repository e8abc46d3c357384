"""``mahattat ingest``: read news archives in many formats into one store of articles."""
