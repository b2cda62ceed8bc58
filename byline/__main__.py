"""``python -m byline``: the same as the ``byline`` command."""

from byline.cli import main

raise SystemExit(main())
