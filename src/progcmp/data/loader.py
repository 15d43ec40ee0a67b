"""Load and validate a data folder: the theme catalogue and every candidate file.

``load_dataset`` either returns a complete, consistent :class:`Dataset` or raises
:class:`DataError` with every problem of every file, each at its line and column.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import (
    DEFAULT_LANGUAGE,
    Annotation,
    Assessment,
    Boundary,
    Candidate,
    ContenderKind,
    Dataset,
    GapKind,
    Localized,
    Proposal,
    Reading,
    Source,
    SourceKind,
    Stance,
    Status,
    Theme,
)
from ..model.errors import DataError, Problem
from ..text import UNSAFE, find_unsafe, show
from ..text.matching import closest, did_you_mean
from .schema import (
    AGENDA_FILE,
    CANDIDATE_FILE,
    LANGUAGE,
    TERM,
    THEMES_FILE,
    TONE_LEXICON_FILE,
    ListOf,
    Record,
    Spec,
    Text,
)
from .yamlio import (
    MAX_FILE_BYTES,
    JsonPath,
    Located,
    decode,
    parse,
    parse_plain,
    read_file,
    read_text,
)

if TYPE_CHECKING:
    from ..model.lexicon import Agenda, Term, ToneLexicon
    from .cache import Domain, FileKey, Folded, Store

THEMES_FILENAME = "themes.yaml"
NO_CATALOGUE = (
    "theme catalogue not found (a data folder holds themes.yaml and one folder per election)"
)
CANDIDATE_SUFFIXES = (".yaml", ".yml")

_KIND_WORDS = {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}


Progress = Callable[[int, int], None]
Resolve = Callable[[Dataset, Sequence[str]], Sequence[Candidate]]


def load_dataset(
    root: Path | str, *, cache: Path | None = None, progress: Progress | None = None
) -> Dataset:
    """Load the catalogue and every candidate file under ``root``.

    Args:
        cache: a folder for the cache of parsed, validated files (see :mod:`progcmp.cache`);
            None (the default) reads every file.
        progress: called as ``progress(done, total)`` after each candidate file.

    Raises:
        DataError: with every problem found, if any file is missing, unreadable or invalid.
    """
    root = Path(root)
    try:
        dataset, store = _load_dataset(root, cache, progress)
    except OSError as exc:  # a folder that cannot be listed, a path that cannot be checked
        raise _unreadable(exc, root) from exc
    if store is not None:
        store.close()
    _register(dataset)
    return dataset


def _register(dataset: Dataset) -> None:
    """Record the candidates and themes as made from checked data (see :mod:`.vetted`)."""
    from .vetted import register

    register(
        [
            *dataset.candidates,
            *dataset.themes,
            *(t for _, themes in dataset.election_themes for t in themes),
        ]
    )


def load_named(
    root: Path | str,
    queries: Sequence[str],
    resolve: Resolve,
    *,
    cache: Path | None = None,
    progress: Progress | None = None,
) -> tuple[Dataset, tuple[Candidate, ...]]:
    """Load the catalogue and only the candidates that ``resolve`` picks for ``queries``.

    The whole folder is still checked (any problem in any file raises :class:`DataError`, as
    :func:`load_dataset` does), but with a ``cache``, a file it holds unchanged is not decoded:
    ``resolve(dataset, queries)`` (``progcmp.views.names.find_candidates``, say) is given a
    dataset whose candidates served from the cache are headers only (every field but the lists:
    what resolving a name needs, and no source, proposal, annotation or assessment), and
    only the candidates it returns are then decoded whole. Without a cache, it is given the
    whole dataset. Either way, returns a dataset of the catalogue and the chosen candidates
    (whole, in the order returned), and the chosen candidates.

    Raises:
        DataError: with every problem found, as :func:`load_dataset`.
        UsageError: whatever ``resolve`` raises (an unknown or ambiguous name).
    """
    root = Path(root)
    try:
        everyone, store = _load_dataset(root, cache, progress, headers=True)
    except OSError as exc:
        raise _unreadable(exc, root) from exc
    try:
        chosen = tuple(resolve(everyone, queries))
        if store is not None:
            themes = {t.id: t for t in everyone.themes}
            chosen = tuple(_whole(c, store, themes) for c in chosen)
    finally:
        if store is not None:
            store.close()
    dataset = Dataset(
        themes=everyone.themes,
        candidates=chosen,
        root=everyone.root,
        domain=everyone.domain,
        election_themes=everyone.election_themes,
    )
    _register(dataset)
    return dataset, chosen


def _whole(candidate: Candidate, store: Store, themes: dict[str, Theme]) -> Candidate:
    """A chosen candidate with its data: from the cache, else (an entry found unusable after
    all) from its file."""
    if not store.is_header(candidate):
        return candidate
    if (whole := store.full(candidate)) is not None:
        return replace(whole, language=candidate.language)
    problems: list[Problem] = []
    whole = _load_candidate(Path(candidate.path), themes, problems)
    if whole is None or problems:
        raise DataError(problems)
    return replace(whole, language=candidate.language)


def _in_language(candidate: Candidate, themes: dict[str, Theme] | None) -> Candidate:
    """The candidate with its catalogue's language (not in the file, nor in the cache)."""
    language = next(iter(themes.values())).language if themes else DEFAULT_LANGUAGE
    return candidate if candidate.language == language else replace(candidate, language=language)


def _unreadable(exc: OSError, root: Path) -> DataError:
    where = os.fspath(exc.filename) if exc.filename else os.fspath(root)
    return DataError([Problem(where, 1, 1, f"cannot read: {exc.strerror or exc}")])


def _load_dataset(
    root: Path, cache: Path | None, progress: Progress | None, *, headers: bool = False
) -> tuple[Dataset, Store | None]:
    problems: list[Problem] = []
    if not root.is_dir():
        raise DataError([Problem(str(root), 1, 1, "data folder not found")])
    catalogue = root / THEMES_FILENAME
    if not catalogue.exists() and not catalogue.is_symlink():
        # Not a data folder (often its parent, or a single election's folder): checking its
        # files as candidates would only bury this under a list of meaningless problems.
        raise DataError([Problem(os.fspath(catalogue), 1, 1, NO_CATALOGUE)])
    store = None
    try:
        with _collector_paused():
            if cache is not None:
                from .cache import Store

                store = Store(cache, root, headers=headers)
            themes: dict[str, Theme] | None = None
            domain: Domain = ()
            if not _leaves(root, catalogue, problems):
                themes, domain = _load_catalogue(catalogue, problems, store)
            files = candidate_files(root)
            # An election folder may hold a catalogue of its own, used for its candidates only.
            # (Its candidates skip the cache, whose entries are checked against the shared one.)
            own: dict[str, dict[str, Theme] | None] = {}
            # (Folders as text: 10,000 Path objects' parents and hashes cost more than the rest.)
            folders = {Path(f) for f in {os.path.dirname(os.fspath(p)) for p in files}}
            for folder in sorted(folders | _catalogue_folders(root)):
                if (folder / THEMES_FILENAME).is_file() and not _leaves(
                    root, folder / THEMES_FILENAME, problems
                ):
                    own[folder.name] = _load_catalogue(folder / THEMES_FILENAME, problems)[0]
            candidates = []
            linked: dict[str, bool] = {}  # election folders: is it a symbolic link? (asked once)
            for done, path in enumerate(files, 1):
                shown = os.fspath(path)
                parent = os.path.dirname(shown)
                election = os.path.basename(parent)
                # One lstat per file: whether it is a link, and (if not) the status the cache
                # compares, where asking both ways took two system calls.
                info = _link_status(shown)
                if not _leaves(root, path, problems, linked, info, parent) and (
                    c := _load_candidate(
                        path,
                        own.get(election, themes),
                        problems,
                        None if election in own else store,
                        info=None if info is None or stat.S_ISLNK(info.st_mode) else info,
                        shown=shown,
                    )
                ):
                    candidates.append(_in_language(c, own.get(election, themes)))
                if progress is not None:
                    progress(done, len(files))
            _check_names(candidates, problems, store.folded if store is not None else None)
        if store is not None:
            store.save()
    except BaseException:
        if store is not None:
            store.close()
        raise
    if problems:
        if store is not None:
            store.close()
        raise DataError(problems)
    dataset = Dataset(
        themes=tuple(themes.values()) if themes else (),
        candidates=tuple(candidates),
        root=str(root),
        domain=domain,
        election_themes=tuple((e, tuple(t.values())) for e, t in sorted(own.items()) if t),
    )
    return dataset, store


def _catalogue_folders(root: Path) -> set[Path]:
    """Election folders with a catalogue, even before they hold a candidate."""
    return {
        folder
        for folder in root.iterdir()
        if folder.is_dir()
        and not folder.name.startswith((".", "_"))
        and (folder / THEMES_FILENAME).is_file()
    }


def _link_status(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (OSError, ValueError):
        return None


def _leaves(
    root: Path,
    path: Path,
    problems: list[Problem],
    linked: dict[str, bool] | None = None,
    info: os.stat_result | None = None,
    folder: str | None = None,
) -> bool:
    """Report a file that is, or is in an election folder that is, a symbolic link leading out
    of the data folder: a received archive could point it at any file of the user's (a key, a
    password file) and the error messages would quote it. Links within the folder are fine.

    ``linked`` remembers which folders are links, so that each is asked about once (this runs
    for every file of every load, cache hits included); ``info``, the file's ``lstat`` if
    already had, saves asking whether the file itself is one (``folder``: its folder's path).
    """
    try:
        if folder is None:
            folder = os.path.dirname(os.fspath(path))
        if linked is None:
            folder_linked = os.path.islink(folder)
        elif folder in linked:
            folder_linked = linked[folder]
        else:
            folder_linked = linked[folder] = os.path.islink(folder)
        path_linked = stat.S_ISLNK(info.st_mode) if info is not None else os.path.islink(path)
        if not (folder_linked or path_linked):
            return False
        if path.resolve().is_relative_to(root.resolve()):
            return False
    except (OSError, RuntimeError):  # a loop of links: reading the file says so
        return False
    problems.append(
        Problem(
            os.fspath(path),
            1,
            1,
            "is a symbolic link to a file outside the data folder; progcmp does not follow "
            "such links (copy the file into the folder instead)",
        )
    )
    return True


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: loading makes hundreds of thousands of objects and
    no reference cycles, and the collector would walk them again and again for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


STDIN = "-"  # the path that means standard input
STDIN_SHOWN = "<stdin>"  # its name in problems


def validate_paths(paths: Iterable[Path], default_root: Path) -> list[Problem]:
    """Check data folders, catalogues or single candidate files; return every problem.

    Every file is read and checked: the cache is never consulted (it is what is checked).
    ``-`` is a candidate file read from standard input (see :func:`validate_stdin`).
    """
    problems: list[Problem] = []
    for path in paths:
        if str(path) == STDIN:
            problems.extend(validate_stdin(default_root))
            continue
        try:
            _validate_path(path, default_root, problems)
        except OSError as exc:
            where = os.fspath(exc.filename) if exc.filename else os.fspath(path)
            problems.append(Problem(where, 1, 1, f"cannot read: {exc.strerror or exc}"))
    return sorted(set(problems))


def _validate_path(path: Path, default_root: Path, problems: list[Problem]) -> None:
    if path.is_dir():
        try:
            load_dataset(path)
        except DataError as exc:
            problems.extend(exc.problems)
    elif path.name == THEMES_FILENAME:
        _load_themes(path, problems)
    else:
        catalogue = path.parent.parent / THEMES_FILENAME
        if not catalogue.is_file():
            catalogue = default_root / THEMES_FILENAME
        themes = _load_themes(catalogue, problems)
        _load_candidate(path, themes, problems)


def validate_stdin(root: Path) -> list[Problem]:
    """Check a candidate file read from standard input, its problems shown as ``<stdin>``.

    It is checked against the catalogue of the election it names, if that election's folder
    in ``root`` has one, else against ``root``'s; having no path, its id and election are not
    compared with a file name.
    """
    shown = STDIN_SHOWN
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return [Problem(shown, 1, 1, "cannot read: standard input is closed")]
    try:
        raw = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        return [Problem(shown, 1, 1, f"cannot read: {reason}")]
    if len(raw) > MAX_FILE_BYTES:
        return [Problem(shown, 1, 1, f"input is over the limit of {MAX_FILE_BYTES} bytes")]
    text = decode(raw, shown)
    if isinstance(text, Problem):
        return [text]
    problems: list[Problem] = []
    path = Path(shown)
    located, _ = _read(path, CANDIDATE_FILE, problems, text)
    if located is None or not isinstance(located.data, dict):
        return sorted(set(problems))
    election = located.data.get("election")
    catalogue = root / THEMES_FILENAME
    if isinstance(election, str) and election and election == Path(election).name:
        own = root / election / THEMES_FILENAME
        if election not in (".", "..") and own.is_file():
            catalogue = own
    themes = _load_themes(catalogue, problems)
    _cross_check(path, located, themes, problems, standalone=True)
    return sorted(set(problems))


def check_candidate_text(text: str, path: Path, themes: Iterable[Theme]) -> list[Problem]:
    """Every problem a candidate file holding ``text`` would have at ``path`` (a path of the form
    ``<election>/<id>.yaml``; nothing is read or written), against a catalogue."""
    shown = os.fspath(path)
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        return [Problem(shown, 1, 1, f"file would be over the limit of {MAX_FILE_BYTES} bytes")]
    located = parse(text, shown)
    if isinstance(located, Problem):
        return [located]
    found = list(located.problems)
    _check(located.data, CANDIDATE_FILE, (), located, found)
    if isinstance(located.data, dict):
        _cross_check(path, located, {t.id: t for t in themes}, found)
    return sorted(set(found))


def candidate_files(root: Path) -> list[Path]:
    """Candidate files: ``<root>/<election>/<id>.yaml``, skipping hidden and ``_`` names."""
    found: list[Path] = []
    for folder in sorted(root.iterdir(), key=_path_order):
        if folder.is_dir() and not folder.name.startswith((".", "_")):
            # Names first, as text; a Path only for the files kept (10,000 of them).
            names = [
                name
                for name in os.listdir(folder)
                if os.path.splitext(name)[1] in CANDIDATE_SUFFIXES
                and not name.startswith((".", "_"))
                and name != THEMES_FILENAME  # an election's own catalogue
            ]
            names.sort(key=os.path.normcase)
            found.extend(folder / name for name in names)
    return found


def _path_order(path: Path) -> str:
    """Paths' own order within one folder (by name, case-folded on Windows), much faster."""
    return os.path.normcase(path.name)


def _require_file(path: Path, what: str) -> None:
    if not path.is_file():
        raise DataError([Problem(os.fspath(path), 1, 1, f"{what} not found")])


def load_candidate_file(path: Path | str, themes: Iterable[Theme]) -> Candidate:
    """Load one candidate file on its own, checked against a theme catalogue.

    Unlike in a data folder, the file's name and folder need not match its id and election,
    so that an older version can be kept anywhere (``git show REV:path > old.yaml``).

    Raises:
        DataError: with every problem of the file.
    """
    problems: list[Problem] = []
    path = Path(path)
    _require_file(path, "candidate file")
    by_id = {t.id: t for t in themes}
    candidate = _load_candidate(path, by_id, problems, standalone=True)
    if problems or candidate is None:
        raise DataError(problems)
    return _in_language(candidate, by_id)


def load_lexicon(path: Path | str, *, bundled: bool = False) -> ToneLexicon:
    """Load a tone lexicon (see ``progcmp schema --lexicon``).

    Raises:
        DataError: with every problem, each at its line and column.
    """
    from ..model.lexicon import NEUTRAL, TONE_CATEGORIES, ToneCategory, ToneLexicon

    path = Path(path)
    problems: list[Problem] = []
    _require_file(path, "lexicon file")
    located, sound = _read(path, TONE_LEXICON_FILE, problems)
    if located is None:
        raise DataError(problems)
    raw = _Lenient(located.data)
    categories = (*TONE_CATEGORIES, *([NEUTRAL] if raw[NEUTRAL] is not None else []))
    terms: dict[tuple[str, str], dict[str, tuple[Term, int]]] = {}
    for category in categories:
        side = _Lenient(raw[category])
        for lang in ("fr", "en"):
            terms[(category, lang)] = _terms(located, (category, lang), side.ids(lang), problems)
    for lang in ("fr", "en"):
        for n, later in enumerate(categories):
            for earlier in categories[:n]:
                for key, (term, i) in terms[(later, lang)].items():
                    if key in terms[(earlier, lang)]:
                        line = located.values[(earlier, lang, terms[(earlier, lang)][key][1])][0]
                        problems.append(
                            located.at(
                                (later, lang, i),
                                f"term {term.text!r} is also {earlier} (line {line}); "
                                "a term can be in one list only",
                            )
                        )
    if problems or not sound:
        raise DataError(problems)
    data = located.data
    return ToneLexicon(
        path=os.fspath(path),
        categories=tuple(
            ToneCategory(
                id=c,
                description=Localized.of(data[c]["description"]),
                fr=tuple(t for t, _ in terms[(c, "fr")].values()),
                en=tuple(t for t, _ in terms[(c, "en")].values()),
            )
            for c in categories
        ),
        note=data.get("note"),
        bundled=bundled,
    )


def _terms(
    located: Located, where: JsonPath, written: list[str], problems: list[Problem]
) -> dict[str, tuple[Term, int]]:
    """Parse a list of terms; report bad ones and repeats; return the good ones (and their
    index in the list) by what they match."""
    from ..text.lexicon import parse_term, term_key

    by_key: dict[str, tuple[Term, int]] = {}
    for i, text in enumerate(written):
        if not text or TERM.problem(text) is not None:
            continue  # not a term's shape: the shape check has said so
        term = parse_term(text)
        if isinstance(term, str):
            problems.append(located.at((*where, i), term))
            continue
        key = term_key(term)
        if key in by_key:
            line = located.values[(*where, by_key[key][1])][0]
            problems.append(
                located.at((*where, i), f"term {text!r} is listed twice (first at line {line})")
            )
            continue
        by_key[key] = (term, i)
    return by_key


def load_agenda(path: Path | str, themes: Iterable[Theme]) -> Agenda:
    """Load a reference agenda whose items name themes of the given catalogue.

    Raises:
        DataError: with every problem, each at its line and column.
    """
    from ..model.lexicon import Agenda, AgendaItem

    path = Path(path)
    problems: list[Problem] = []
    _require_file(path, "agenda file")
    located, sound = _read(path, AGENDA_FILE, problems)
    if located is None:
        raise DataError(problems)
    known = {t.id: t for t in themes}
    raw = _Lenient(located.data)
    items = raw.items("items")
    _unique(located, items, "items", "item", problems)
    keywords: list[dict[str, tuple[Term, int]]] = []
    for i, item in enumerate(items):
        for j, theme_id in enumerate(_Lenient(item).ids("themes")):
            if theme_id:
                _reference(located, ("items", i, "themes", j), theme_id, known, "theme", problems)
        keywords.append(
            _terms(located, ("items", i, "keywords"), _Lenient(item).ids("keywords"), problems)
        )
    if problems or not sound:
        raise DataError(problems)
    data = located.data
    return Agenda(
        path=os.fspath(path),
        title=data["title"],
        items=tuple(
            AgendaItem(
                id=item["id"],
                title=item["title"],
                themes=tuple(item["themes"]),
                summary=item.get("summary"),
                url=item.get("url"),
                keywords=tuple(t for t, _ in terms.values()),
            )
            for item, terms in zip(data["items"], keywords, strict=True)
        ),
        publisher=data.get("publisher"),
        url=data.get("url"),
        date=data.get("date"),
        note=data.get("note"),
    )


def _read(
    path: Path, spec: Record, problems: list[Problem], text: str | None = None
) -> tuple[Located | None, bool]:
    """Parse and check a file's shape (its ``text`` if already read); return its data (if
    parsed) and whether it is sound."""
    shown = os.fspath(path)
    if text is None:
        read = read_text(path, shown)
        if isinstance(read, Problem):
            problems.append(read)
            return None, False
        text = read
    plain = parse_plain(text)
    if plain is not None and _sound(plain, spec):
        return Located(shown, plain, text=text), True  # positions only if a later check needs them
    located = parse(text, shown)
    if isinstance(located, Problem):
        problems.append(located)
        return None, False
    found = list(located.problems)
    _check(located.data, spec, (), located, found)
    problems.extend(found)
    return located, not found


def _read_keyed(path: Path, problems: list[Problem]) -> tuple[bytes, FileKey] | None:
    """A file's bytes and cache key, or None (with the problem recorded)."""
    from .cache import file_key

    read = read_file(path, os.fspath(path))
    if isinstance(read, Problem):
        problems.append(read)
        return None
    return read[0], file_key(*read)


def _status(path: Path) -> os.stat_result | None:
    """A file's status, for the cache (None if it cannot be had: reading it will say why)."""
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _decoded(raw: bytes, path: Path, problems: list[Problem]) -> str | None:
    text = decode(raw, os.fspath(path))
    if isinstance(text, Problem):
        problems.append(text)
        return None
    return text


METADATA_FIELDS = ("title", "license", "version")


def catalogue_metadata(root: Path | str) -> dict[str, str]:
    """The dataset's own metadata, as its root ``themes.yaml`` declares it: ``title``,
    ``license`` and ``version``, those given (see ``progcmp package``).

    Raises:
        DataError: if the catalogue cannot be read or breaks the schema.
    """
    problems: list[Problem] = []
    located, sound = _read(Path(root) / THEMES_FILENAME, THEMES_FILE, problems)
    if located is None or not sound:
        raise DataError(problems)
    return {name: located.data[name] for name in METADATA_FIELDS if name in located.data}


def _load_themes(path: Path, problems: list[Problem]) -> dict[str, Theme] | None:
    """Return the catalogue by id, or None when it cannot be used to check theme ids."""
    return _load_catalogue(path, problems)[0]


def _load_catalogue(
    path: Path, problems: list[Problem], store: Store | None = None
) -> tuple[dict[str, Theme] | None, Domain]:
    """The themes by id (None when unusable) and the domain words per language."""
    if not path.is_file():
        problems.append(Problem(os.fspath(path), 1, 1, NO_CATALOGUE))
        return None, ()
    text = key = None
    if store is not None:
        if (info := _status(path)) is not None and (cached := store.get_themes(path, info)):
            return cached
        if (keyed := _read_keyed(path, problems)) is None:
            return None, ()
        raw, key = keyed
        if (text := _decoded(raw, path, problems)) is None:
            return None, ()
    located, sound = _read(path, THEMES_FILE, problems, text)
    if located is None:
        return None, ()
    # Repeated ids are looked for even in a file with other problems: one run reports all.
    seen: set[str] = set()
    flawed = False  # a repeated id or a rule sending nowhere: reported, never cached
    for i, raw_theme in enumerate(_Lenient(located.data).items("themes")):
        if isinstance(raw_theme.get("id"), str):
            if raw_theme["id"] in seen:
                problems.append(
                    located.at(("themes", i, "id"), f"duplicate theme id {show(raw_theme['id'])}")
                )
                flawed = True
            seen.add(raw_theme["id"])
    language = located.data.get("language") if isinstance(located.data, dict) else None
    if language is None:
        language = DEFAULT_LANGUAGE
    # Every label and description gives the catalogue's language: what it falls back to. (A
    # malformed language has been reported: no point saying each theme lacks it.)
    well_formed = isinstance(language, str) and LANGUAGE.accepts(language)
    for i, raw_theme in enumerate(_Lenient(located.data).items("themes") if well_formed else ()):
        for field_name in ("label", "description"):
            texts = raw_theme.get(field_name)
            if isinstance(texts, dict) and texts and language not in texts:
                problems.append(
                    located.at(
                        ("themes", i, field_name),
                        f"{field_name} has no text in the catalogue's language {show(language)} "
                        "(set by 'language', default fr)",
                    )
                )
                sound = False
    if not sound:
        return None, ()
    themes: dict[str, Theme] = {}
    for i, raw_theme in enumerate(located.data["themes"]):
        for j, rule in enumerate(raw_theme.get("not") or ()):
            if rule["goes-to"] not in seen or rule["goes-to"] == raw_theme["id"]:
                where = ("themes", i, "not", j, "goes-to")
                message = f"goes-to {show(rule['goes-to'])} is not another theme of the catalogue"
                problems.append(located.at(where, message))
                flawed = True
        if raw_theme["id"] in themes:  # a repeated id, reported above: the first one counts
            continue
        keywords = raw_theme.get("keywords") or {}
        themes[raw_theme["id"]] = Theme(
            id=raw_theme["id"],
            label=Localized.of(raw_theme["label"], language),
            description=Localized.of(raw_theme["description"], language),
            keywords=tuple((lang, tuple(words or ())) for lang, words in keywords.items()),
            boundaries=tuple(
                Boundary(tuple(r["keywords"]), r["goes-to"], tuple(r.get("unless") or ()))
                for r in raw_theme.get("not") or ()
            ),
        )
    data = located.data.get("domain") or {}
    domain = tuple((lang, tuple(words or ())) for lang, words in data.items())
    if store is not None and key is not None and not flawed:
        store.put_themes(key, themes, domain)
    return themes, domain


def _load_candidate(
    path: Path,
    themes: dict[str, Theme] | None,
    problems: list[Problem],
    store: Store | None = None,
    *,
    standalone: bool = False,
    info: os.stat_result | None = None,
    shown: str | None = None,
) -> Candidate | None:
    text = key = None
    if store is not None:
        if info is None:  # (a link's own lstat is not its file's status)
            info = _status(path)
        if shown is None:
            shown = os.fspath(path)
        if info is not None and (cached := store.get(path, info, shown)) is not None:
            return cached
        if (keyed := _read_keyed(path, problems)) is None:
            return None
        raw_bytes, key = keyed
        if (text := _decoded(raw_bytes, path, problems)) is None:
            return None
    located, sound = _read(path, CANDIDATE_FILE, problems, text)
    if located is None or not isinstance(located.data, dict):
        return None
    # Cross-references are checked even in a file with shape problems, so that one run reports
    # everything; hence the defensive reading of `raw` below until the file is known sound.
    raw = located.data
    found: list[Problem] = []
    _cross_check(path, located, themes, found, standalone=standalone)
    problems.extend(found)
    if found or not sound:
        return None
    candidate = _candidate(raw, located.path)
    if store is not None and key is not None:
        store.put(path, key, candidate, _folded(candidate))
    return candidate


def _cross_check(
    path: Path,
    located: Located,
    themes: dict[str, Theme] | None,
    found: list[Problem],
    *,
    standalone: bool = False,
) -> None:
    """Ids unique, references declared, annotations consistent, names matching the path
    (unless ``standalone``: a file read on its own, e.g. an old version kept elsewhere)."""
    raw = _Lenient(located.data)
    if not standalone:
        _check_path(path, located, raw, found)
    sources = _unique(located, raw.items("sources"), "sources", "source", found)
    for i, source_id in enumerate(raw.ids("reviewed")):
        if source_id:
            _reference(located, ("reviewed", i), source_id, sources, "source", found)
    proposals = _unique(located, raw.items("proposals"), "proposals", "proposal", found)
    _unique(located, raw.items("assessments"), "assessments", "assessment", found)
    for i, item in enumerate(raw.items("proposals")):
        text = item.get("text")
        if isinstance(text, str) and text.split() == str(item.get("summary")).split():
            # The summary is the one field tone and the tables present as the project's words.
            found.append(
                located.at(
                    ("proposals", i, "text"),
                    "'text' is the same as the summary: the summary must be in the project's "
                    "own words (a short account of the proposal), the verbatim words go in "
                    "'text' only",
                )
            )
    for section in ("proposals", "assessments"):
        for i, item in enumerate(raw.items(section)):
            if isinstance(item.get("source"), str):
                _reference(
                    located, (section, i, "source"), item["source"], sources, "source", found
                )
            for j, theme_id in enumerate(_Lenient(item).ids("themes")):
                if theme_id:
                    _reference(located, (section, i, "themes", j), theme_id, themes, "theme", found)
    annotated: dict[str, int] = {}
    for i, item in enumerate(raw.items("annotations")):
        note = _Lenient(item)
        annotated_theme, kind = note["theme"], note["kind"]
        if not isinstance(annotated_theme, str) or not isinstance(kind, str):
            continue
        theme_id = annotated_theme
        _reference(located, ("annotations", i, "theme"), theme_id, themes, "theme", found)
        if theme_id in annotated:
            first = located.values[("annotations", annotated[theme_id])][0]
            found.append(
                located.at(
                    ("annotations", i, "theme"),
                    f"theme {show(theme_id)} is already annotated (first at line {first})",
                )
            )
        annotated.setdefault(theme_id, i)
        if isinstance(item.get("source"), str):
            _reference(
                located, ("annotations", i, "source"), item["source"], sources, "source", found
            )
        elif "source" not in item and kind in (GapKind.DECLINED, GapKind.CONTESTED):
            found.append(
                located.at(("annotations", i), f"annotation of kind {show(kind)} needs a 'source'")
            )
        if "stance" in item and kind != GapKind.NO_STATEMENT:
            found.append(
                located.at(
                    ("annotations", i, "stance"),
                    f"only an annotation of kind 'no-statement' has a stance (got {show(kind)}); "
                    "a proposal carries its own",
                    key=True,
                )
            )
        if kind != GapKind.CONTESTED and any(
            theme_id in _Lenient(p).ids("themes") for p in proposals.values()
        ):
            found.append(
                located.at(
                    ("annotations", i, "kind"),
                    f"theme {show(theme_id)} has "
                    f"proposals, so it cannot be {show(kind)} (only 'contested' "
                    "can stand beside proposals)",
                )
            )


def _check_path(path: Path, located: Located, raw: _Lenient, found: list[Problem]) -> None:
    """In a data folder, a file's name is its id and its folder its election."""
    if isinstance(raw["id"], str) and raw["id"] != path.stem:
        found.append(
            located.at(
                ("id",),
                f"id {show(raw['id'])} does not match the file name "
                f"{show(path.name)}; they must be the same",
            )
        )
    if isinstance(raw["election"], str) and raw["election"] != path.parent.name:
        found.append(
            located.at(
                ("election",),
                f"election {show(raw['election'])} does not match the folder "
                f"{show(path.parent.name)}",
            )
        )


class _Lenient:
    """Read possibly malformed data without failing: wrong types read as missing."""

    def __init__(self, data: Any) -> None:
        self.data = data if isinstance(data, dict) else {}

    def __getitem__(self, name: str) -> Any:
        return self.data.get(name)

    def items(self, name: str) -> list[dict[str, Any]]:
        """A list field's items that are mappings (indexes shift only past malformed items,
        whose own problems are reported by the shape check)."""
        return [v if isinstance(v, dict) else {} for v in self._list(name)]

    def ids(self, name: str) -> list[str]:
        """A list field's items that are text, others read as empty."""
        return [v if isinstance(v, str) else "" for v in self._list(name)]

    def _list(self, name: str) -> list[Any]:
        value = self.data.get(name)
        return value if isinstance(value, list) else []


def _candidate(raw: dict[str, Any], path: str) -> Candidate:
    """Build the model from a file already checked to be sound."""
    return Candidate(
        id=raw["id"],
        name=raw["name"],
        party=raw["party"],
        election=raw["election"],
        path=path,
        aliases=tuple(raw.get("aliases") or ()),
        status=Status(raw.get("status", Status.CANDIDATE)),
        note=raw.get("note"),
        kind=ContenderKind(raw.get("kind", ContenderKind.CANDIDATE)),
        leader=raw.get("leader"),
        ballot=int(raw["ballot"]) if "ballot" in raw else None,
        sources=tuple(
            Source(
                id=s["id"],
                title=s["title"],
                url=s["url"],
                kind=SourceKind(s["kind"]),
                publisher=s.get("publisher"),
                date=s.get("date"),
                note=s.get("note"),
                archived=s.get("archived"),
                accessed=s.get("accessed"),
                read=Reading(s["read"]) if "read" in s else None,
            )
            for s in raw["sources"]
        ),
        reviewed=tuple(raw["reviewed"]),
        proposals=tuple(
            Proposal(
                id=p["id"],
                themes=tuple(p["themes"]),
                summary=p["summary"],
                source=p["source"],
                quote=p.get("quote"),
                locator=p.get("locator"),
                note=p.get("note"),
                stance=Stance(p["stance"]) if "stance" in p else None,
                text=p.get("text"),
            )
            for p in raw["proposals"]
        ),
        annotations=tuple(
            Annotation(
                theme=a["theme"],
                kind=GapKind(a["kind"]),
                note=a["note"],
                source=a.get("source"),
                stance=Stance(a["stance"]) if "stance" in a else None,
            )
            for a in raw.get("annotations") or ()
        ),
        assessments=tuple(
            Assessment(
                id=a["id"],
                author=a["author"],
                source=a["source"],
                themes=tuple(a["themes"]),
                summary=a["summary"],
                quote=a.get("quote"),
            )
            for a in raw.get("assessments") or ()
        ),
    )


def _unique(
    located: Located, items: list[Any], section: str, what: str, found: list[Problem]
) -> dict[str, dict[str, Any]]:
    """Index items by id, reporting repeated ids."""
    by_id: dict[str, dict[str, Any]] = {}
    first_index: dict[str, int] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        if item["id"] in by_id:
            first = located.values[(section, first_index[item["id"]], "id")][0]
            found.append(
                located.at(
                    (section, i, "id"),
                    f"duplicate {what} id {show(item['id'])} (first at line {first})",
                )
            )
            continue
        by_id[item["id"]] = item
        first_index[item["id"]] = i
    return by_id


def _reference(
    located: Located,
    where: JsonPath,
    value: str,
    known: dict[str, Any] | None,
    what: str,
    found: list[Problem],
) -> None:
    """Report a reference to an id that is not declared (skipped if ``known`` is unusable)."""
    if known is None or value in known:
        return
    found.append(
        located.at(
            where, f"unknown {what} {show(value, ascii_only=True)}" + did_you_mean(value, known)
        )
    )


def _folded(candidate: Candidate) -> Folded:
    """The names a candidate answers to, folded (kept in the cache's index)."""
    from ..text import fold

    return tuple(sorted({fold(n) for n in (candidate.id, candidate.name, *candidate.aliases)}))


def _check_names(
    candidates: list[Candidate],
    problems: list[Problem],
    folded: dict[str, Folded] | None = None,
) -> None:
    """Two candidates of one election may not answer to the same name or alias.

    ``folded``: the folded names of candidates (by path) where already known (the cache's).
    """
    owners: dict[tuple[str, str], Candidate] = {}
    known = folded or {}
    for candidate in candidates:
        names = known.get(candidate.path)
        for name in _folded(candidate) if names is None else names:
            other = owners.setdefault((candidate.election, name), candidate)
            if other is not candidate:
                problems.append(
                    Problem(
                        candidate.path,
                        1,
                        1,
                        f"name or alias {show(name)} is also used by {other.path}",
                    )
                )


def _check(value: Any, spec: Spec, where: JsonPath, located: Located, found: list[Problem]) -> None:
    """Check plain data against a spec, reporting every problem with its position."""
    label = _label(where)
    if isinstance(spec, Text):
        if value is None or (isinstance(value, str) and not value.strip()):
            found.append(located.at(where, f"{label} is empty"))
        elif not isinstance(value, str):
            found.append(located.at(where, f"{label} must be text, got {_kind(value)}"))
        elif (char := find_unsafe(value, multiline=spec.multiline)) is not None:
            found.append(
                located.at(
                    where,
                    f"{label} contains the character {show(char)}, which is not allowed here",
                )
            )
        elif (problem := spec.problem(value)) is not None:
            found.append(located.at(where, f"{label} {problem}"))
    elif isinstance(spec, ListOf):
        if not isinstance(value, list):
            hint = " (write it as a list: [value])" if isinstance(value, str) else ""
            found.append(located.at(where, f"{label} must be a list, got {_kind(value)}{hint}"))
            return
        if len(value) < spec.min_items:
            found.append(located.at(where, f"{label} needs at least {spec.min_items} item(s)"))
        if len(value) > spec.max_items:
            found.append(
                located.at(where, f"{label} has {len(value)} items; the limit is {spec.max_items}")
            )
        for i, item in enumerate(value):
            _check(item, spec.item, (*where, i), located, found)
    else:
        if not isinstance(value, dict):
            what = "the file" if not where else label
            found.append(
                located.at(where, f"{what} must be a mapping ({spec.name}), got {_kind(value)}")
            )
            return
        if spec.keys is not None and spec.values is not None:
            for name, item in value.items():
                key_problem = spec.keys.problem(name) if isinstance(name, str) else "must be text"
                if key_problem is not None:
                    found.append(
                        located.at((*where, name), f"key {show(str(name))} {key_problem}", key=True)
                    )
                else:
                    _check(item, spec.values, (*where, name), located, found)
            if len(value) < spec.min_keys:
                found.append(located.at(where, f"{label} needs at least {spec.min_keys} entry"))
            return
        misspelt: set[str] = set()  # a misspelt field is reported once, not also as missing
        for name, item in value.items():
            sub = spec.fields.get(name)
            if sub is None:
                guess = closest(name, [f for f in spec.fields if f not in value])
                misspelt.update(guess)
                hint = f" (did you mean {guess[0]!r}?)" if guess else ""
                found.append(
                    located.at(
                        (*where, name),
                        f"unknown field {show(name)} in {spec.name}" + hint,
                        key=True,
                    )
                )
            else:
                _check(item, sub, (*where, name), located, found)
        for name in spec.required:
            if name not in value and name not in misspelt:
                found.append(located.at(where, f"missing required field {name!r} in {spec.name}"))


def _sound(data: Any, spec: Spec) -> bool:
    """True if :func:`_check` would find nothing: the fast path for the common, valid file."""
    texts: list[str] = []
    return _sound_value(data, spec, texts) and not UNSAFE.search("".join(texts))


def _sound_value(value: Any, spec: Spec, texts: list[str]) -> bool:
    """:func:`_check`'s rules without positions or messages (unsafe characters are looked for
    in ``texts`` at the end, all at once)."""
    if spec.__class__ is Text:
        assert isinstance(spec, Text)
        if value.__class__ is not str or not value or value.isspace():
            return False  # `not value.strip()`, without copying the text
        if not spec.accepts(value) or (not spec.multiline and ("\n" in value or "\t" in value)):
            return False
        texts.append(value)
        return True
    if spec.__class__ is ListOf:
        assert isinstance(spec, ListOf)
        if value.__class__ is not list or not spec.min_items <= len(value) <= spec.max_items:
            return False
        item = spec.item
        for v in value:  # noqa: SIM110 - a loop: all() over a generator is slower here
            if not _sound_value(v, item, texts):
                return False
        return True
    assert isinstance(spec, Record)
    if value.__class__ is not dict:
        return False
    if spec.keys is not None and spec.values is not None:
        keys, values = spec.keys, spec.values
        for name, v in value.items():
            if name.__class__ is not str or not keys.accepts(name):
                return False
            if not _sound_value(v, values, texts):
                return False
        return len(value) >= spec.min_keys
    fields = spec.fields
    for name, v in value.items():
        sub = fields.get(name)
        if sub is None or not _sound_value(v, sub, texts):
            return False
    return spec.required.keys() <= value.keys()


def _label(where: JsonPath) -> str:
    """Name a position for a message: ``'summary'``, or ``item 2 of 'themes'``."""
    if not where:
        return "the file"
    if isinstance(where[-1], int):
        return f"item {where[-1] + 1} of {where[-2]!r}"
    return repr(where[-1])


def _kind(value: Any) -> str:
    return _KIND_WORDS.get(type(value), type(value).__name__)
