"""People's words: language packs, the phrasing step and vocabularies (issue 19, S8).

- `packs`: per-locale data folders (`packs/<locale>/<section>.json`), extended by the
  folders in `TALENTLOOP_LANGUAGE_PACKS`, looked up along `i18n.locale_chain`.
- `phrasing`: reasons, strengths and suggestions as people write them, recognised by form
  and turned into what a notice's frame needs (`phrase_reason`, `phrase_notice`…).
- `vocabulary`: education ladder, spoken languages, the skills synonym table and import
  header aliases, accepting zh and en spellings.

Pure: nothing here does I/O beyond reading the packaged and configured JSON files.
"""

from talentloop_shared.language.packs import (
    PACKS_ENV,
    LanguagePacks,
    PackError,
    default_packs,
    load_packs,
)
from talentloop_shared.language.phrasing import (
    Phrased,
    PhrasedNotice,
    Phraser,
    phrase,
    phrase_notice,
    phrase_reason,
    phrase_strength,
    phrase_suggestion,
    phraser,
)
from talentloop_shared.language.vocabulary import (
    EDUCATION_LADDER,
    IMPORT_COLUMNS,
    EducationRequirement,
    SkillEntry,
    SkillVocabulary,
    UnknownTerm,
    canonical_skill,
    canonical_skills,
    canonical_value,
    education_level,
    education_requirement,
    header_aliases,
    language_code,
    language_name,
    meets,
    skill_vocabulary,
    value_aliases,
)

__all__ = [
    "EDUCATION_LADDER",
    "IMPORT_COLUMNS",
    "PACKS_ENV",
    "EducationRequirement",
    "LanguagePacks",
    "PackError",
    "Phrased",
    "PhrasedNotice",
    "Phraser",
    "SkillEntry",
    "SkillVocabulary",
    "UnknownTerm",
    "canonical_skill",
    "canonical_skills",
    "canonical_value",
    "default_packs",
    "education_level",
    "education_requirement",
    "header_aliases",
    "language_code",
    "language_name",
    "load_packs",
    "meets",
    "phrase",
    "phrase_notice",
    "phrase_reason",
    "phrase_strength",
    "phrase_suggestion",
    "phraser",
    "skill_vocabulary",
    "value_aliases",
]
