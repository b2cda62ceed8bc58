"""Byline's engine: reading, metadata, quotes, the Whoosh index and search. Never imports Textual."""
