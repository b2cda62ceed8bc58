"""Package discovery for Byline's three source folders.

The engine (``index/``), the reader (``tui/``) and the command line
(``byline/``) sit at the top of the tree but install under one ``byline``
namespace. Every subpackage under each folder is found here, so a new folder
with an ``__init__.py`` ships without anybody editing a list
(``tests/test_packaging.py`` compares a built wheel with the source tree).
Everything else about the project is in ``pyproject.toml``.
"""

from setuptools import find_packages, setup

ROOTS = {"byline": "byline", "byline.index": "index", "byline.tui": "tui"}
"""Installed package name → source folder."""

packages = []
for name, folder in ROOTS.items():
    packages.append(name)
    packages.extend(f"{name}.{sub}" for sub in find_packages(folder))

setup(package_dir=ROOTS, packages=packages)
