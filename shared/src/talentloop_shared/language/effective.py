"""The effective vocabularies of a consumer: the shipped tables with HR's custom tables over
them, built once per process for each custom table (issue 19, HR-editable vocabularies).

org-service owns HR's tables and publishes each change whole in `vocabulary-changed`;
recruiting and talent store the latest table of each kind (one row a kind, with a digest of
its content). A use case reads that row's digest (one small query), and `EffectiveVocabularies`
hands back the vocabulary built for that digest, building it only the first time: no table
is parsed per candidate or per request, and a replica that did not consume the event itself
still sees the new table at its next read. Keyed by content, not version, so two databases
in one process (tests) never share a wrong entry.

Pure: no I/O; callers load the table when `skills(digest)` misses.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any, Final

from talentloop_shared.language.vocabulary import (
    EducationVocabulary,
    SkillVocabulary,
    education_from_json,
    education_vocabulary,
    skill_vocabulary,
)

__all__ = ["EffectiveVocabularies", "effective_vocabularies", "table_digest"]

# Tables kept per kind: the current one and a few before it (a rolling change, replicas).
_KEEP: Final = 8


def table_digest(table: Mapping[str, Any]) -> str:
    """A stable digest of a custom table (key order and spacing do not matter)."""
    raw = json.dumps(table, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class EffectiveVocabularies:
    """Vocabularies built from custom tables, remembered by the table's digest (LRU)."""

    def __init__(self, keep: int = _KEEP) -> None:
        self._keep = keep
        self._lock = threading.Lock()
        self._skills: OrderedDict[str, SkillVocabulary] = OrderedDict()
        self._education: OrderedDict[str, EducationVocabulary] = OrderedDict()
        self.builds = 0  # how many tables were parsed: a test holds it to one per table

    def skills(self, digest: str | None) -> SkillVocabulary | None:
        """The skills vocabulary built for this digest; the shipped one for None (no custom
        table yet); None when the table must be loaded and `remember_skills`-ed."""
        if digest is None:
            return skill_vocabulary()
        return self._get(self._skills, digest)

    def remember_skills(self, digest: str, table: Mapping[str, Any]) -> SkillVocabulary:
        """Build (once) and remember the skills vocabulary of a custom table."""
        found = self._get(self._skills, digest)
        if found is not None:
            return found
        built = SkillVocabulary.from_json(table)
        return self._put(self._skills, digest, built)

    def education(self, digest: str | None) -> EducationVocabulary | None:
        """Like `skills`, for the education spellings."""
        if digest is None:
            return education_vocabulary()
        return self._get(self._education, digest)

    def remember_education(self, digest: str, table: Mapping[str, Any]) -> EducationVocabulary:
        """Build (once) and remember the education vocabulary of a custom table."""
        found = self._get(self._education, digest)
        if found is not None:
            return found
        return self._put(self._education, digest, education_from_json(table))

    def _get(self, store: OrderedDict[str, Any], digest: str) -> Any:
        with self._lock:
            found = store.get(digest)
            if found is not None:
                store.move_to_end(digest)
            return found

    def _put(self, store: OrderedDict[str, Any], digest: str, built: Any) -> Any:
        with self._lock:
            self.builds += 1
            store[digest] = built
            store.move_to_end(digest)
            while len(store) > self._keep:
                store.popitem(last=False)
            return built


# The process's vocabularies (like `skill_vocabulary()`'s cache: one per process).
effective_vocabularies: Final = EffectiveVocabularies()
