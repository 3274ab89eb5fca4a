"""HR's vocabularies, as org-service publishes them (`vocabulary-changed`): the latest custom
table of each kind is kept, and tags, matching and the pool's skill search canonicalise
skills with the shipped table plus HR's (education spellings are kept but not used here).

The vocabulary in force is built once per process for each custom table
(`talentloop_shared.language.effective`): a use case reads one small row (the table's
digest) and reuses what is built, so nothing is parsed per candidate. Profiles tagged
before a change keep their stored keys (nothing is re-tagged); new tags and every scoring
from then on use it.
"""

from __future__ import annotations

from talentloop_shared.db.vocabularies import apply_vocabulary_changed, skills_in_force

__all__ = ["apply_vocabulary_changed", "skills_in_force"]
