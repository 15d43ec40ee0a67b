"""``progcmp new``: a new election folder and a new candidate file, never over anything.

A data folder holds one theme catalogue (``themes.yaml``) shared by its elections, and one
folder per election. A new election gets its folder, and the data folder gets a catalogue if it
has none: the one of the election named with ``--from``, else the bundled one, else (with
``--empty``) a skeleton with one example theme to rename.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model.errors import OutputError, UsageError
from ..text.ids import make_id
from .loader import THEMES_FILENAME
from .output import bundled_data, write_file
from .schema import ID, NAME

EMPTY_CATALOGUE = """\
# Theme catalogue: the themes every candidate file of this data folder refers to, in display
# order. Rename the example theme and add yours; the format: `progcmp schema --themes`.
themes:
  - id: example-theme
    label:
      fr: Thème à renommer
      en: Theme to rename
    description:
      fr: Ce que le thème couvre, et ce qui va sous un autre thème.
      en: What the theme covers, and what goes under another theme.
    keywords:
      fr: [mot-clé]
      en: [keyword]
"""


def _check(flag: str, value: str, spec: object) -> None:
    problem = spec.problem(value) if value.strip() else "is empty"  # type: ignore[attr-defined]
    if problem is not None:
        raise UsageError(f"{flag} {problem}")


def new_election(root: Path, election: str, *, source: str | None, empty: bool) -> list[str]:
    """Create ``root/election/`` and, if the data folder has none, its catalogue.

    Returns:
        What was done, one line each, for the terminal.

    Raises:
        UsageError: a bad id, or ``--from`` naming no election.
        OutputError: if the election folder exists already (nothing is written).
    """
    _check("ELECTION", election, ID)
    if source is not None and empty:
        raise UsageError("give --from or --empty, not both")
    folder = root / election
    if folder.exists() or folder.is_symlink():
        raise OutputError(f"{folder} exists already; nothing written")
    catalogue = root / THEMES_FILENAME
    origin: Path | None = None
    if source is not None:
        _check("--from", source, ID)
        for data in (root, bundled_data()):
            if (data / source).is_dir() and (data / THEMES_FILENAME).is_file():
                origin = data / THEMES_FILENAME
                break
        else:
            raise UsageError(f"--from: no election {source!r} in {root} nor in the bundled data")
    done: list[str] = []
    if catalogue.exists():
        done.append(f"catalogue: {catalogue} (kept; shared by every election of {root})")
    else:
        root.mkdir(parents=True, exist_ok=True)
        if empty:
            write_file(catalogue, EMPTY_CATALOGUE)
            done.append(f"catalogue: {catalogue} (one example theme: rename it, add yours)")
        else:
            origin = origin or bundled_data() / THEMES_FILENAME
            write_file(catalogue, origin.read_text(encoding="utf-8"))
            done.append(f"catalogue: {catalogue} (copied from {origin})")
    try:
        folder.mkdir()
    except OSError as exc:
        raise OutputError(f"cannot create {folder}: {exc.strerror or exc}") from None
    done.append(
        f"election: {folder}/ (add candidates with: progcmp new candidate NAME "
        f"--election {election} --data {root})"
    )
    return done


def candidate_id(name: str, lang: str = "fr") -> str:
    """The default id of a candidate: every word of the name (particles too: Le Pen), spelled
    in ASCII by the rules of ``lang`` (text.ids), joined by hyphens, cut at a word boundary."""
    return make_id(name, lang, stop_words=False)


def candidate_text(candidate: str, name: str, party: str, election: str) -> str:
    """A candidate file that validates, with comments saying what to fill in."""

    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar

    return f"""\
# {name} ({election}): made by 'progcmp new candidate'. Fill it in step by step, then check it
# with 'progcmp validate'. The format: the README's "Data format" section, or 'progcmp schema'.
# 'progcmp import PROGRAMME.pdf --url URL ...' drafts the sources and proposals from a
# programme's PDF or web page: copy what you keep from its draft into this file.
id: {candidate}  # the file's name; change both together
name: {q(name)}
party: {q(party)}
election: {election}  # the folder's name
# aliases: ["Other name"]  # names users may type
# status: candidate  # or withdrew, lost-primary

# 1. Sources first: one entry per document used, with its exact URL, e.g.
#  - id: programme
#    title: "Le programme (its exact title)"
#    publisher: "Who published it"
#    url: https://example.org/programme.pdf
#    kind: programme  # or booklet, questionnaire, speech, interview, press, commentary
#    date: 2027-02  # only when the source gives one
sources: []

# 2. The ids of the sources read in full: a theme with no proposal then reads as "nothing
#    found in these". Until one is listed, every theme reads as "not reviewed".
reviewed: []

# 3. The proposals, each summarised in your own words, with its themes (ids from the
#    catalogue, see 'progcmp themes'), its source and where in it, e.g.
#  - id: garantir-neutralite-net
#    themes: [net-neutrality]
#    summary: "Inscrire la neutralité du net dans la loi."
#    source: programme
#    locator: p. 12
proposals: []
"""


def new_candidate(
    root: Path,
    name: str,
    election: str,
    *,
    party: str,
    candidate: str | None,
    lang: str = "fr",
) -> Path:
    """Write ``root/election/ID.yaml``; never over an existing file.

    Raises:
        UsageError: bad name, party or id, or no such election folder.
        OutputError: if the file exists already.
    """
    _check("NAME", name, NAME)
    _check("--party", party, NAME)
    _check("--election", election, ID)
    candidate = candidate if candidate is not None else candidate_id(name, lang)
    _check("--id", candidate, ID)
    folder = root / election
    if not folder.is_dir():
        raise UsageError(
            f"no election folder {folder}: create it with progcmp new election {election} "
            f"--data {root}"
        )
    path = folder / f"{candidate}.yaml"
    if path.exists() or path.is_symlink():
        raise OutputError(f"{path} exists already; nothing written")
    write_file(path, candidate_text(candidate, name, party, election))
    return path
