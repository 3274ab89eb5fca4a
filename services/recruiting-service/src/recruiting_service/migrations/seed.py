"""The tables as revisions write seed rows into them (a lightweight `sa.table`, not the
models, which describe the newest schema)."""

import sqlalchemy as sa

# The suggestion library: one text per (code, locale).
suggestions = sa.table(
    "suggestions",
    sa.column("code", sa.String),
    sa.column("locale", sa.String),
    sa.column("text", sa.Text),
    sa.column("updated_by", sa.String),
)
