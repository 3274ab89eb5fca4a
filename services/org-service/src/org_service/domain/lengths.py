"""How long org-service's text columns are, written once.

The tables (`db/models.py`) are declared with these lengths and the rules check values
against them (an import's cells, a skill's key), so a value the rules accept always fits
its column: a longer one failed in the database, with a 422 that named no row or field.
The domain cannot import `db/`; the tables read this module instead. A migration keeps
the lengths it was written with (it is history); change one here with a new migration.
"""

from __future__ import annotations

from typing import Final

# An ERP's own key of a unit, a position or a person (工号); imports upsert by it.
CODE: Final = 64

UNIT_NAME: Final = 200
UNIT_KIND: Final = 32

PERSON_NAME: Final = 200
EMAIL: Final = 320
PHONE: Final = 32
LOCALE: Final = 35
TIMEZONE: Final = 64
# The JWT `sub` that signs in as the person; also who made a change (`changed_by`).
SUBJECT: Final = 200

POSITION_TITLE: Final = 200
JOB_FAMILY: Final = 100
POSITION_STATUS: Final = 16
LOCATION: Final = 200
POSITION_CHANGE: Final = 16

VOCABULARY_KIND: Final = 32
# A skill's key: its normalised spelling, which NFKC can make longer than what was typed.
VOCABULARY_KEY: Final = 120
VOCABULARY_FAMILY: Final = 40
