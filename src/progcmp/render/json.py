"""JSON: exactly ``view.to_dict()``, the documented shape, with stable key order."""

from __future__ import annotations

import json

from ..analysis import View
from . import RenderOptions


def render(view: View, options: RenderOptions) -> str:
    del options  # JSON carries both languages and no layout
    return json.dumps(view.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
