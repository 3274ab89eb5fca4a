"""The tables as revisions write seed rows into them (a lightweight `sa.table`, not the
models, which describe the newest schema)."""

import json
from importlib import resources

import sqlalchemy as sa

# The suggestion library: one text per (code, locale).
suggestions = sa.table(
    "suggestions",
    sa.column("code", sa.String),
    sa.column("locale", sa.String),
    sa.column("text", sa.Text),
    sa.column("updated_by", sa.String),
)


def _seeded_suggestions() -> dict[str, dict[str, str]]:
    doc: dict[str, dict[str, str]] = json.loads(
        resources.files(__package__).joinpath("seed_suggestions.json").read_text(encoding="utf-8")
    )
    doc.pop("_comment", None)
    return doc


# locale → code → text, as the revisions seeded them (frozen: the domain's defaults may move on,
# a fresh database still gets what every older one got).
SEEDED_SUGGESTIONS = _seeded_suggestions()
