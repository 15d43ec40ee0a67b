"""``python -m progcmp``."""

from progcmp.cli import main

main()
