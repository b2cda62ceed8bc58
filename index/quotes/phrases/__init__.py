"""Noun phrases, names and roles: what the rules read around a speech cue.

* :mod:`.names` — what a capitalised phrase names (:func:`~.names.parse_name`);
* :mod:`.roles` — titles and descriptions around a name;
* :mod:`.before` / :mod:`.after` — the noun phrase before a speech verb, and after one (or at the
  start of a sentence);
* :mod:`.common` — the located noun phrase (:class:`~.common.NP`) and what the readers share.
"""
