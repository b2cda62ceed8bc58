"""Screens of the reader: the main screen, and the help and pickers pushed over it."""
