"""Language packs: per-locale data folders, so a new language is a folder, not code (S8).

A pack is a folder named by its locale (`en`, `zh-CN`, `zh-TW`, `fr`…) holding JSON files;
each file is one *section*, named by the file (`phrasing.json` → `phrasing`). Sections are
open-ended: the phrasing rules, the vocabularies, import headers, and later survey pages,
alert e-mails or default templates are all just sections.

Packs are read from the folder shipped with this package, then from the folders named in
`TALENTLOOP_LANGUAGE_PACKS` (separated by `:`, or `;` on Windows), later folders winning.
A folder may bring a new locale or extend a built-in one: its sections are merged over the
built-in ones key by key (objects merge, everything else is replaced).

Lookup walks `talentloop_shared.i18n.locale_chain`: a zh-Hant-HK reader gets the zh-HK
pack's section if there is one, else zh-TW's, else en's, and a key missing from the most
specific pack falls back along the same chain.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from talentloop_shared.i18n import DEFAULT_LOCALE, locale_chain, try_canonical_locale

__all__ = [
    "BUILTIN_PACKS",
    "PACKS_ENV",
    "LanguagePacks",
    "PackError",
    "default_packs",
    "load_packs",
    "pack_folders",
]

PACKS_ENV: Final = "TALENTLOOP_LANGUAGE_PACKS"
BUILTIN_PACKS: Final = Path(__file__).resolve().parent / "packs"
_EMPTY: Final[Mapping[str, Any]] = MappingProxyType({})


class PackError(ValueError):
    """A pack folder or file that cannot be read (named, with what is wrong)."""


def _freeze(value: Any) -> Any:
    """JSON data made read-only: objects as mapping proxies, arrays as tuples."""
    if isinstance(value, dict):
        return MappingProxyType({str(k): _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> Mapping[str, Any]:
    """`over` merged onto `base`: objects merge key by key, other values are replaced."""
    merged: dict[str, Any] = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping):
            merged[key] = _merge(below, value)
        else:
            merged[key] = value
    return MappingProxyType(merged)


def _read_section(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackError(f"language pack file {path} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise PackError(f"language pack file {path} must hold a JSON object")
    frozen: Mapping[str, Any] = _freeze(data)
    return frozen


def _read_folder(folder: Path) -> dict[str, dict[str, Mapping[str, Any]]]:
    """locale → section → data, for every pack in one folder of packs."""
    if not folder.is_dir():
        raise PackError(f"language pack folder {folder} does not exist or is not a folder")
    packs: dict[str, dict[str, Mapping[str, Any]]] = {}
    for entry in sorted(folder.iterdir()):
        if not entry.is_dir() or entry.name.startswith((".", "_")):
            continue
        locale = try_canonical_locale(entry.name)
        if locale is None:
            raise PackError(
                f"language pack folder {entry} is not named by a locale "
                "(expected e.g. 'en', 'zh-CN', 'zh-TW', 'fr')"
            )
        sections = packs.setdefault(locale, {})
        for file in sorted(entry.glob("*.json")):
            sections[file.stem] = _read_section(file)
    return packs


class LanguagePacks:
    """The packs in force: sections by locale, looked up along the locale chain."""

    def __init__(
        self, packs: Mapping[str, Mapping[str, Mapping[str, Any]]], sources: Iterable[str] = ()
    ) -> None:
        self._packs = {locale: dict(sections) for locale, sections in packs.items()}
        self.sources: tuple[str, ...] = tuple(sources)
        self._merged: dict[tuple[tuple[str, ...], str], Mapping[str, Any]] = {}

    def __repr__(self) -> str:
        return f"LanguagePacks(locales={self.locales()!r}, sources={self.sources!r})"

    def locales(self) -> tuple[str, ...]:
        """The locales that have a pack, sorted."""
        return tuple(sorted(self._packs))

    def chain(self, locale: str | None) -> tuple[str, ...]:
        """The locales with a pack to try for a reader, most specific first."""
        return tuple(tag for tag in locale_chain(locale) if tag in self._packs)

    def best_locale(self, locale: str | None) -> str:
        """The most specific locale with a pack for a reader (the default language at worst)."""
        chain = self.chain(locale)
        return chain[0] if chain else DEFAULT_LOCALE

    def sections(self, locale: str) -> tuple[str, ...]:
        """The section names one pack holds itself (no fallback)."""
        return tuple(sorted(self._packs.get(locale, {})))

    def own(self, locale: str, name: str) -> Mapping[str, Any]:
        """One pack's own section, without fallback (empty when the pack has none)."""
        return self._packs.get(locale, {}).get(name, _EMPTY)

    def section(self, locale: str | None, name: str) -> Mapping[str, Any]:
        """A section for a reader: each key from the most specific pack that has it."""
        chain = self.chain(locale)
        cache_key = (chain, name)
        cached = self._merged.get(cache_key)
        if cached is not None:
            return cached
        merged: Mapping[str, Any] = _EMPTY
        for tag in reversed(chain):  # least specific first, so the reader's pack wins
            own = self._packs[tag].get(name)
            if own is not None:
                merged = _merge(merged, own)
        self._merged[cache_key] = merged
        return merged

    def get(self, locale: str | None, name: str, *path: str, default: Any = None) -> Any:
        """A value inside a section by key path, e.g. `get("zh-TW", "phrasing", "frames")`."""
        value: Any = self.section(locale, name)
        for key in path:
            if not isinstance(value, Mapping) or key not in value:
                return default
            value = value[key]
        return value

    def every(self, name: str) -> dict[str, Mapping[str, Any]]:
        """Each pack's own copy of a section (locale → data), for lookups across languages."""
        return {
            locale: sections[name]
            for locale, sections in sorted(self._packs.items())
            if name in sections
        }

    def with_folders(self, *folders: str | Path) -> LanguagePacks:
        """These packs with more pack folders read over them (later folders win)."""
        packs: dict[str, dict[str, Mapping[str, Any]]] = {
            locale: dict(sections) for locale, sections in self._packs.items()
        }
        sources = list(self.sources)
        for folder in folders:
            path = Path(folder).expanduser()
            for locale, sections in _read_folder(path).items():
                target = packs.setdefault(locale, {})
                for name, data in sections.items():
                    below = target.get(name)
                    target[name] = data if below is None else _merge(below, data)
            sources.append(str(path))
        return LanguagePacks(packs, sources)


def pack_folders(value: str | None) -> tuple[str, ...]:
    """The folders named by a `TALENTLOOP_LANGUAGE_PACKS` value (`/a:/b`), blanks skipped."""
    if not value:
        return ()
    return tuple(part.strip() for part in value.split(os.pathsep) if part.strip())


@lru_cache(maxsize=16)
def load_packs(folders: tuple[str, ...] = ()) -> LanguagePacks:
    """The built-in packs with `folders` read over them; cached per tuple of folders."""
    builtin = LanguagePacks({}, ()).with_folders(BUILTIN_PACKS)
    return builtin.with_folders(*folders) if folders else builtin


def default_packs() -> LanguagePacks:
    """The packs in force for this process: built-in plus `TALENTLOOP_LANGUAGE_PACKS`."""
    return load_packs(pack_folders(os.environ.get(PACKS_ENV)))
