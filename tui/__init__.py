"""Byline's Textual view."""
