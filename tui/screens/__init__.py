"""Screens of the reader (the main view is the app itself; these are pushed over it)."""
