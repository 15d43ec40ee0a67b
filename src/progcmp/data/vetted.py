"""Which model objects the loader made from checked files, so that output need not check again.

The loader refuses any value holding a control or invisible character (``text.UNSAFE``), and
the cache holds only files that passed (its file is the user's own, in a private folder: see
:mod:`progcmp.data.cache`). A view built only from such candidates and themes can skip the
output's own pass for those characters, which over 10,000 candidates scanned 80 MB of JSON
again for nothing (half a second). Anything else (a dataset a library user built, a query typed
on the command line) is not registered, and is escaped as before.

Objects are held by identity: the registry keeps a reference to each, so that no other object
can take its ``id`` while it is registered; the last few loads only, so that a program loading
again and again does not keep every dataset alive (an object let go is merely checked again).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

LOADS_KEPT = 4
_checked: dict[int, object] = {}
_loads: deque[list[int]] = deque()


def register(objects: Iterable[object]) -> None:
    """Record objects the loader built from checked data (one call per load)."""
    ids = []
    for obj in objects:
        _checked[id(obj)] = obj
        ids.append(id(obj))
    _loads.append(ids)
    while len(_loads) > LOADS_KEPT:
        dropped = _loads.popleft()
        kept = {i for load in _loads for i in load}  # also in a later load: stays
        for i in dropped:
            if i not in kept:
                _checked.pop(i, None)


def checked(objects: Iterable[object]) -> bool:
    """True if every object is one the loader registered (and so holds only checked text)."""
    get = _checked.get
    return all(get(id(obj)) is obj for obj in objects)
