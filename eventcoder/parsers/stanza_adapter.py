"""The stanza parser adapter: raw text in, :class:`eventcoder.model.Document` out.

This is the only module that imports stanza, and it does so lazily (inside functions),
so ``import eventcoder`` never pulls in torch. Models are never downloaded implicitly:
every ``stanza.Pipeline`` is built with ``download_method=None``; ``eventcoder models
download`` (:func:`download_models`) is the one explicit way to fetch them.

Missing models are found *before* stanza is imported (importing it takes over a second
because of torch): :func:`check_models` reads ``resources.json`` and looks for the model
files stanza would load, in the folder stanza itself would use (:func:`default_model_dir`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.util
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import attrs

from eventcoder.errors import EventCoderError, ModelsNotInstalledError, ParserError
from eventcoder.model import NO_ENTITY, Document, MultiwordToken, Sentence, SourceText, Word

logger = logging.getLogger(__name__)

#: The processors eventcoder needs; ``mwt`` is dropped when the package has no MWT model.
DEFAULT_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
#: Processors without which a Document cannot be built (heads need depparse, which needs
#: pos and lemma).
REQUIRED_PROCESSORS = ("tokenize", "pos", "lemma", "depparse")
#: MISC keys stanza keeps in Word/Token attributes rather than in ``misc``.
_ATTRIBUTE_KEYS = frozenset({"ner", "start_char", "end_char"})
_COMMENT_KEYS = re.compile(r"^#\s*(sent_id|text)\s*=")


# ---------------------------------------------------------------------------------------
# Where the models are, and whether they are there (no stanza import)


def stanza_version() -> str | None:
    """The installed stanza version, or None when stanza is not installed."""
    try:
        return version("stanza")
    except PackageNotFoundError:
        return None


def _resources_version() -> str | None:
    """stanza's ``__resources_version__``, read from its source without importing it."""
    spec = importlib.util.find_spec("stanza")
    if spec is None or not spec.submodule_search_locations:
        return None
    source = Path(next(iter(spec.submodule_search_locations))) / "_version.py"
    with contextlib.suppress(OSError):
        found = re.search(
            r"""__resources_version__\s*=\s*['"]([^'"]+)['"]""",
            source.read_text(encoding="utf-8"),
        )
        if found:
            return found.group(1)
    return stanza_version()


def default_model_dir() -> Path:
    """The folder stanza loads models from when none is given, computed without stanza.

    Mirrors ``stanza.resources.common.DEFAULT_MODEL_DIR`` (stanza >= 1.10):
    ``$STANZA_RESOURCES_DIR`` if set, else ``platformdirs.user_cache_dir("stanza",
    "StanfordNLP", <resources version>)/resources`` (``~/.cache/stanza/1.15.0/resources``
    on Linux). Without platformdirs (older stanza) it is ``~/stanza_resources``, the old
    default.
    """
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env is not None:
        return Path(env)
    resources_version = _resources_version()
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        return Path.home() / "stanza_resources"
    if resources_version is None:
        return Path.home() / "stanza_resources"
    return Path(user_cache_dir("stanza", "StanfordNLP", resources_version)) / "resources"


def download_command(lang: str = "en", package: str | None = None,
                     model_dir: str | os.PathLike[str] | None = None) -> str:
    """The ``eventcoder models download ...`` command that installs these models."""
    parts = ["eventcoder models download"]
    if lang != "en":
        parts.append(f"--lang {lang}")
    if package not in (None, "default"):
        parts.append(f"--package {package}")
    if model_dir is not None:
        parts.append(f"--model-dir {model_dir}")
    return " ".join(parts)


@attrs.frozen
class ModelPlan:
    """What a pipeline will load: processors, and model files from resources.json."""

    model_dir: Path
    lang: str
    package: str
    processors: tuple[str, ...]
    #: (processor, model name, md5 or "") for models found through resources.json.
    models: tuple[tuple[str, str, str], ...] = ()
    #: processor -> model names, or the package for processors with explicit paths: the
    #: ``processors`` dict given to stanza, so that it loads exactly what was checked.
    stanza_processors: Mapping[str, str | tuple[str, ...]] = attrs.field(factory=dict)
    #: True when no resources.json exists and every processor has an explicit path.
    needs_empty_resources: bool = False


def _split_processors(processors: str | Sequence[str]) -> tuple[str, ...]:
    items = processors.split(",") if isinstance(processors, str) else processors
    return tuple(p.strip().lower() for p in items if p.strip())


def _resolve(lang_res: Mapping[str, Any], processor: str, package: str) -> list[str]:
    """Model names stanza would pick for a processor (as maintain_processor_list does)."""
    if package in lang_res.get(processor, {}):
        return [package]
    chosen = lang_res.get("packages", {}).get(package, {})
    names = chosen.get(processor) or chosen.get("optional", {}).get(processor)
    if names is None:
        return []
    return [names] if isinstance(names, str) else list(names)


#: Processors taken from the default package when the chosen package has none
#: (English NER models live only in the default/OntoNotes packages).
_FROM_DEFAULT_PACKAGE = ("ner",)


def resolve_models(lang_res: Mapping[str, Any], package: str,
                   processors: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Processor -> model names for a package of one language's resources.json entry.

    ``mwt`` is left out when the package has none; ``ner`` falls back to the default
    package. Raises :class:`ParserError` when another processor has no model.
    """
    chosen: dict[str, tuple[str, ...]] = {}
    for processor in processors:
        names = _resolve(lang_res, processor, package)
        if not names and processor in _FROM_DEFAULT_PACKAGE and package != "default":
            names = _resolve(lang_res, processor, "default")
            logger.info("stanza package %s has no %s model; using the default package's %s",
                        package, processor, names)
        if names:
            chosen[processor] = tuple(names)
        elif processor != "mwt":
            raise ParserError(f"stanza package {package!r} has no {processor!r} model")
    return chosen


def _model_files(model_dir: Path, lang: str, lang_res: Mapping[str, Any], processor: str,
                 name: str) -> list[Path]:
    files = [model_dir / lang / processor / f"{name}.pt"]
    for dep in lang_res.get(processor, {}).get(name, {}).get("dependencies", []):
        files.append(model_dir / lang / dep["model"] / f"{dep['package']}.pt")
    return files


def _load_resources(path: Path, hint: str) -> dict[str, Any]:
    try:
        resources = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelsNotInstalledError(
            f"stanza's {path} cannot be read ({error}); run `{hint}` again"
        ) from error
    if not isinstance(resources, dict):
        raise ModelsNotInstalledError(f"stanza's {path} is not a resources file; run `{hint}`")
    return resources


def check_models(
    *,
    lang: str = "en",
    package: str | None = None,
    model_dir: str | os.PathLike[str] | None = None,
    processors: str | Sequence[str] = DEFAULT_PROCESSORS,
    model_paths: Mapping[str, str] | None = None,
) -> ModelPlan:
    """Check that every model the pipeline needs is on disk, without importing stanza.

    Raises :class:`ModelsNotInstalledError` (one line naming the command to run) when
    something is missing; ``mwt`` is silently dropped when the package has no MWT model
    or when the tokenizer is given explicitly without one.
    """
    explicit = dict(model_paths or {})
    folder = _folder(model_dir)
    hint = download_command(lang, package, model_dir)
    pkg = package or "default"
    for key, path in explicit.items():
        if not Path(path).is_file():
            raise ModelsNotInstalledError(f"stanza model file {path} ({key}) does not exist")
    wanted = _split_processors(processors)
    if "tokenize_model_path" in explicit and "mwt_model_path" not in explicit:
        wanted = tuple(p for p in wanted if p != "mwt")
    implicit = [p for p in wanted if f"{p}_model_path" not in explicit]
    resources_file = folder / "resources.json"
    if not resources_file.is_file():
        if not implicit:
            return ModelPlan(folder, lang, pkg, wanted, needs_empty_resources=True)
        raise ModelsNotInstalledError(
            f"stanza models are not installed in {folder} (no resources.json); run `{hint}`"
        )
    if not implicit:
        return ModelPlan(folder, lang, pkg, wanted)
    resources = _load_resources(resources_file, hint)
    lang = resources.get(lang, {}).get("alias", lang)
    lang_res = resources.get(lang, {})
    if not lang_res:
        raise ModelsNotInstalledError(
            f"no stanza models for language {lang!r} in {folder}; run `{hint}`"
        )
    try:
        found = resolve_models(lang_res, pkg, implicit)
    except ParserError as error:
        raise ParserError(f"{error} for {lang!r} (resources.json in {folder})") from None
    models: list[tuple[str, str, str]] = []
    for processor, names in found.items():
        for name in names:
            for file in _model_files(folder, lang, lang_res, processor, name):
                if not file.is_file():
                    raise ModelsNotInstalledError(f"stanza model {file} is missing; run `{hint}`")
            md5 = str(lang_res.get(processor, {}).get(name, {}).get("md5", ""))
            models.append((processor, name, md5))
    kept = tuple(p for p in wanted if p in found or p not in implicit)
    chosen = {p: found.get(p, pkg) for p in kept}
    return ModelPlan(folder, lang, pkg, kept, tuple(models), chosen)


@attrs.frozen
class ModelStatus:
    """What ``eventcoder models where`` reports."""

    model_dir: Path
    installed: bool
    message: str
    models: tuple[tuple[str, str, str], ...] = ()


def model_status(*, lang: str = "en", package: str | None = None,
                 model_dir: str | os.PathLike[str] | None = None,
                 processors: str | Sequence[str] = DEFAULT_PROCESSORS) -> ModelStatus:
    """Whether the models a pipeline needs are installed, without importing stanza."""
    folder = _folder(model_dir)
    try:
        plan = check_models(lang=lang, package=package, model_dir=model_dir,
                            processors=processors)
    except EventCoderError as error:
        return ModelStatus(folder, False, str(error))
    return ModelStatus(folder, True, "installed", plan.models)


# ---------------------------------------------------------------------------------------
# Downloading


def download_models(*, lang: str = "en", package: str | None = None,
                    model_dir: str | os.PathLike[str] | None = None,
                    processors: str | Sequence[str] = DEFAULT_PROCESSORS) -> Path:
    """Download the models eventcoder needs with ``stanza.download``; returns the folder.

    Network and disk failures become one-line :class:`EventCoderError`s. (stanza's own
    requests have no timeout: on a network that silently drops packets this can wait
    for the operating system's connect timeout.)
    """
    folder = _folder(model_dir)
    where = f"stanza models for {lang!r} ({package or 'default'}) into {folder}"
    created = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        _download(lang, package or "default", folder, _split_processors(processors))
    except OSError as error:  # requests' errors are OSErrors, so are disk errors
        _remove_empty(created)
        raise EventCoderError(f"cannot download {where}: {_short_network_error(error)}") from error
    except (ValueError, KeyError) as error:  # unknown language, package or processor
        _remove_empty(created)
        raise EventCoderError(f"cannot download {where}: {_first_line(error)}") from error
    return folder


def _download(lang: str, package: str, folder: Path, processors: Sequence[str]) -> None:
    """Fetch resources.json, pick the models as check_models will, download those."""
    _import_stanza()
    from stanza.resources.common import download, download_resources_json

    folder.mkdir(parents=True, exist_ok=True)
    download_resources_json(str(folder))
    resources = json.loads((folder / "resources.json").read_text(encoding="utf-8"))
    lang = resources.get(lang, {}).get("alias", lang)
    if lang not in resources:
        raise ValueError(f"stanza has no models for language {lang!r}")
    chosen = resolve_models(resources[lang], package, processors)
    wanted = {p: _stanza_value(names) for p, names in chosen.items()}
    download(lang=lang, model_dir=str(folder), package=None, download_json=False,
             processors=wanted, logging_level="INFO")


def _remove_empty(folders: Iterable[Path]) -> None:
    """Remove the folders a failed download created (deepest first), if still empty."""
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _folder(model_dir: str | os.PathLike[str] | None) -> Path:
    return Path(model_dir).expanduser() if model_dir is not None else default_model_dir()


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _short_network_error(error: OSError) -> str:
    request = getattr(error, "request", None)
    url = getattr(request, "url", None)
    name = type(error).__name__
    if url and "Connection" in name:
        host = re.sub(r"^\w+://([^/]+).*$", r"\1", url)
        return f"no connection to {host} ({name}); check the network or proxy settings"
    return f"{name}: {_first_line(error)}"


# ---------------------------------------------------------------------------------------
# Converting stanza Documents


def _misc_items(misc: str | None) -> tuple[tuple[str, str], ...]:
    """``SpaceAfter=No|Foo=bar`` as pairs, without the keys stanza keeps as attributes."""
    if not misc or misc == "_":
        return ()
    items = []
    for item in misc.split("|"):
        key, _, value = item.partition("=")
        if item and key not in _ATTRIBUTE_KEYS:
            items.append((key, value))
    return tuple(items)


def _word(row: Mapping[str, Any], ner: str, token: Any, where: str) -> Word:
    head = row.get("head")
    if head is None:
        raise ParserError(
            f"{where}, token {row['id']} {row['text']!r}: stanza gave no dependency head "
            "(is depparse in the pipeline?)"
        )
    start, end = row.get("start_char"), row.get("end_char")
    if start is None or end is None:
        start, end = token.start_char, token.end_char
    return Word(
        id=int(row["id"]), text=row["text"], lemma=row.get("lemma") or "_",
        upos=row.get("upos") or "_", head=int(head), deprel=row.get("deprel") or "_",
        xpos=row.get("xpos"), feats=row.get("feats"), deps=row.get("deps"), ner=ner,
        start_char=start, end_char=end, misc=_misc_items(row.get("misc")),
    )


def _sentence_text(sentence: Any) -> str:
    if sentence.text is not None:
        return str(sentence.text)
    pieces = []
    for token in sentence.tokens:
        after = token.spaces_after
        pieces.append(token.text + (" " if after is None else after))
    return "".join(pieces).strip()


def _sentence(sentence: Any, doc_id: str, index: int, keep_sent_id: bool) -> Sentence:
    where = f"document {doc_id!r}, sentence {index}"
    words: list[Word] = []
    mwts: list[MultiwordToken] = []
    for token in sentence.tokens:
        ner = token.ner or NO_ENTITY
        rows = token.to_dict()
        if len(token.id) > 1:
            mwt, rows = rows[0], rows[1:]
            mwts.append(MultiwordToken(first=token.id[0], last=token.id[-1],
                                       text=token.text, misc=_misc_items(mwt.get("misc"))))
        words.extend(_word(row, ner, token, where) for row in rows)
    comments = tuple(c.lstrip("#").strip() for c in sentence.comments
                     if not _COMMENT_KEYS.match(c))
    sent_id = sentence.sent_id if keep_sent_id and sentence.sent_id is not None else None
    return Sentence(doc_id=doc_id, index=index, text=_sentence_text(sentence), words=words,
                    sent_id=None if sent_id is None else str(sent_id), comments=comments,
                    multiword_tokens=mwts)


def document_from_stanza(
    doc: Any,
    doc_id: str,
    date: dt.date | str | None = None,
    metadata: Mapping[str, Any] | None = None,
    *,
    keep_sent_ids: bool = True,
) -> Document:
    """Convert a ``stanza.Document`` (from a Pipeline or from CoNLL-U) into a Document.

    Words of a multiword token take the token's NER tag, and the token's offsets when
    stanza gives them none. Sentence indexes are 0-based within the document. Enhanced
    UD empty nodes are not kept. ``keep_sent_ids=False`` drops stanza's ``sent_id``
    (a Pipeline numbers sentences across a whole batch, which means nothing per document).
    """
    sentences = [
        _sentence(sentence, doc_id, index, keep_sent_ids)
        for index, sentence in enumerate(doc.sentences)
    ]
    return Document(id=doc_id, sentences=sentences, text=doc.text, date=date,
                    metadata=dict(metadata or {}))


# ---------------------------------------------------------------------------------------
# The parser


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as error:
        raise ParserError(f"stanza cannot be imported ({error}); pip install stanza") from error
    return stanza


def _file_stamp(path: str) -> str:
    stat = Path(path).stat()
    return hashlib.sha1(f"{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:8]


class StanzaParser:
    """Parses texts with a ``stanza.Pipeline`` built once, lazily, on first use.

    ``model_paths`` are explicit pipeline keywords (``pos_model_path``,
    ``pos_pretrain_path``, ...) for models of your own; processors without one come from
    ``model_dir`` (default :func:`default_model_dir`). ``batch_size`` is the number of
    documents given to stanza per call. ``use_gpu=None`` uses CUDA when torch sees it.
    """

    def __init__(
        self,
        *,
        lang: str = "en",
        package: str | None = None,
        model_dir: str | os.PathLike[str] | None = None,
        processors: str | Sequence[str] = DEFAULT_PROCESSORS,
        use_gpu: bool | None = None,
        batch_size: int = 32,
        model_paths: Mapping[str, str] | None = None,
        logging_level: str = "WARN",
    ) -> None:
        missing = [p for p in REQUIRED_PROCESSORS if p not in _split_processors(processors)]
        if missing:
            raise ParserError(f"the stanza pipeline needs the {', '.join(missing)} processor(s)")
        if batch_size < 1:
            raise ParserError(f"batch_size must be at least 1, not {batch_size}")
        self.lang = lang
        self.package = package
        self.model_dir = model_dir
        self.processors = processors
        self.use_gpu = use_gpu
        self.batch_size = batch_size
        self.model_paths = {k: str(v) for k, v in (model_paths or {}).items()}
        self.logging_level = logging_level
        self.name = f"stanza:{package}" if package else "stanza"
        self._nlp: Any = None
        self._plan: ModelPlan | None = None

    @property
    def version(self) -> str:
        """stanza's version and the models used (names + md5, or file stamps)."""
        parts = [f"stanza {stanza_version()}", f"{self.lang}/{self.package or 'default'}"]
        plan = self._plan
        if plan is None:
            with contextlib.suppress(EventCoderError):
                plan = self._check()
        if plan is not None:
            parts.extend(f"{p}={name}@{md5[:8]}" for p, name, md5 in plan.models)
        parts.extend(f"{key}={Path(path).name}@{_file_stamp(path)}"
                     for key, path in sorted(self.model_paths.items())
                     if Path(path).is_file())
        return " ".join(parts)

    def _check(self) -> ModelPlan:
        return check_models(lang=self.lang, package=self.package, model_dir=self.model_dir,
                            processors=self.processors, model_paths=self.model_paths)

    def load(self) -> None:
        """Build the pipeline now (parse() does it on first use); fails fast without models."""
        if self._nlp is None:
            self._plan = self._check()
            self._nlp = self._build(self._plan)

    def _build(self, plan: ModelPlan) -> Any:
        stanza = _import_stanza()
        from stanza.pipeline.core import LanguageNotDownloadedError
        from stanza.resources.common import ResourcesFileNotFoundError

        hint = download_command(self.lang, self.package, self.model_dir)
        with contextlib.ExitStack() as stack:
            options: dict[str, Any] = dict(self.model_paths)
            if plan.needs_empty_resources:
                options["resources_filepath"] = stack.enter_context(_empty_resources())
            if not plan.models:  # every model explicit: stanza would warn "unsupported language"
                stack.enter_context(_quiet_unknown_language())
            try:
                return stanza.Pipeline(
                    lang=plan.lang, dir=str(plan.model_dir), package=None,
                    processors=_stanza_processors(plan), use_gpu=self.use_gpu,
                    download_method=None, allow_unknown_language=True,
                    logging_level=self.logging_level, **options,
                )
            except (ResourcesFileNotFoundError, LanguageNotDownloadedError) as error:
                raise ModelsNotInstalledError(f"{_first_line(error)}; run `{hint}`") from error
            except FileNotFoundError as error:
                raise ModelsNotInstalledError(
                    f"stanza model file missing ({_first_line(error)}); run `{hint}`"
                ) from error
            except Exception as error:
                raise ParserError(
                    f"cannot load the stanza models: {type(error).__name__}: "
                    f"{_first_line(error)}"
                ) from error

    def parse(self, texts: Iterable[SourceText]) -> Iterator[Document]:
        """Parse texts lazily, ``batch_size`` documents per stanza call, keeping order.

        The pipeline is built right away, so missing models raise here, not on the first
        ``next()``.
        """
        self.load()
        return self._parse(texts)

    def _parse(self, texts: Iterable[SourceText]) -> Iterator[Document]:
        batch: list[SourceText] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= self.batch_size:
                yield from self._parse_batch(batch)
                batch = []
        if batch:
            yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[SourceText]) -> list[Document]:
        from stanza.models.common.doc import Document as StanzaDocument

        try:
            parsed = self._nlp.process([StanzaDocument([], text=t.text) for t in batch])
        except Exception:
            logger.debug("stanza failed on a batch of %d; retrying one by one", len(batch))
            parsed = [self._parse_one(t) for t in batch]
        return [
            document_from_stanza(doc, t.id, t.date, t.metadata, keep_sent_ids=False)
            for doc, t in zip(parsed, batch, strict=True)
        ]

    def _parse_one(self, text: SourceText) -> Any:
        from stanza.models.common.doc import Document as StanzaDocument

        try:
            return self._nlp.process(StanzaDocument([], text=text.text))
        except Exception as error:
            raise ParserError(
                f"stanza failed on document {text.id!r}: {type(error).__name__}: "
                f"{_first_line(error)}"
            ) from error


def _stanza_processors(plan: ModelPlan) -> dict[str, str | list[str]]:
    """The ``processors`` argument for stanza: exactly the models check_models found
    (with ``package=None``, so stanza adds nothing else from the package)."""
    if not plan.stanza_processors:
        return {p: plan.package for p in plan.processors}
    return {p: _stanza_value(v) for p, v in plan.stanza_processors.items()}


def _stanza_value(names: str | tuple[str, ...]) -> str | list[str]:
    """One model name as a string (stanza hashes it), several as a list (NER)."""
    if isinstance(names, str):
        return names
    return names[0] if len(names) == 1 else list(names)


@contextlib.contextmanager
def _empty_resources() -> Iterator[str]:
    """A temporary resources.json holding ``{}`` (stanza requires one even when every
    model path is explicit); removed once the pipeline is built."""
    with tempfile.TemporaryDirectory(prefix="eventcoder-stanza-") as folder:
        path = Path(folder) / "resources.json"
        path.write_text("{}\n", encoding="utf-8")
        yield str(path)


class _UnknownLanguageFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "unsupported language" not in record.getMessage().lower()


@contextlib.contextmanager
def _quiet_unknown_language() -> Iterator[None]:
    """Hide stanza's "unsupported language" warning while a pipeline of explicit models
    (language absent from resources.json by design) is built."""
    stanza_logger = logging.getLogger("stanza")
    quiet = _UnknownLanguageFilter()
    stanza_logger.addFilter(quiet)
    try:
        yield
    finally:
        stanza_logger.removeFilter(quiet)
